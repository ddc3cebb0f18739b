package io.github.camelbigin.common.producer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.github.camelbigin.zoho.http.FilePart;
import io.github.camelbigin.zoho.records.Download;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Files in and out of messages: a body to upload (a file: endpoint's file, a File or Path, bytes, an
 * InputStream, text) as a streamed part, and a download as an InputStream body closed when the exchange is done.
 */
final class FileBodies {

    private FileBodies() {
    }

    /** The body as the multipart part {@code file}, named by CamelFileName or the file's own name. */
    static FilePart part(Message in, String operation) {
        Object body = in.getBody();
        String name = in.getHeader(Exchange.FILE_NAME_ONLY, in.getHeader(Exchange.FILE_NAME, String.class),
                String.class);
        if (body != null && !(body instanceof byte[] || body instanceof InputStream || body instanceof CharSequence
                              || body instanceof File || body instanceof Path)) {
            // a file: endpoint's GenericFile (or anything else Camel converts): its File when it has one
            File file = in.getBody(File.class);
            body = file != null ? file : body;
        }
        if (body instanceof File f) {
            body = f.toPath();
        }
        if (body instanceof Path p && name == null) {
            name = p.getFileName().toString();
        }
        if (body == null) {
            throw new IllegalArgumentException(operation + " needs the file in the body (a file: endpoint's file, a"
                                               + " File, bytes or an InputStream)");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(operation + " needs a file name: set the " + Exchange.FILE_NAME
                                               + " header (a file: consumer sets it)");
        }
        name = Path.of(name).getFileName().toString(); // the name, not a path on this machine
        if (body instanceof Path p) {
            return FilePart.of("file", name, p);
        }
        if (body instanceof byte[] bytes) {
            return FilePart.of("file", name, bytes);
        }
        if (body instanceof InputStream stream) {
            return FilePart.of("file", name, stream);
        }
        if (body instanceof CharSequence text) {
            return FilePart.of("file", name, text.toString().getBytes(StandardCharsets.UTF_8));
        }
        InputStream converted = in.getBody(InputStream.class);
        if (converted == null) {
            throw new IllegalArgumentException(operation + " cannot send a " + body.getClass().getName() + " as a"
                                               + " file: give a File, bytes or an InputStream");
        }
        return FilePart.of("file", name, converted);
    }

    /**
     * A download as the message: the content as an InputStream body (read it once), CamelFileName, Content-Type and
     * Content-Length; the connection is released when the exchange completes.
     */
    static void set(Message out, Download download) {
        out.setBody(download.content());
        out.setHeader(Exchange.FILE_NAME, download.fileName());
        out.setHeader(Exchange.CONTENT_TYPE, download.contentType());
        if (download.length() >= 0) {
            out.setHeader(Exchange.CONTENT_LENGTH, download.length());
        }
        out.getExchange().getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange exchange) {
                try {
                    download.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
