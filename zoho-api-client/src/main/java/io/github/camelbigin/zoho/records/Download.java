package io.github.camelbigin.zoho.records;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file being downloaded (an attachment, a photo, a bulk-read result): its content is read as it arrives, never held
 * whole, and holds a connection until closed.
 */
public final class Download implements Closeable {

    private static final Pattern FILE_NAME = Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?",
            Pattern.CASE_INSENSITIVE);

    private final InputStream content;
    private final String fileName;
    private final String contentType;
    private final long length;

    public Download(InputStream content, String fileName, String contentType, long length) {
        this.content = content;
        this.fileName = fileName;
        this.contentType = contentType;
        this.length = length;
    }

    /** The file name a {@code Content-Disposition} header gives, or null. */
    static String fileName(String contentDisposition) {
        if (contentDisposition == null) {
            return null;
        }
        Matcher m = FILE_NAME.matcher(contentDisposition);
        String name = null;
        while (m.find()) {
            boolean extended = m.group(0).toLowerCase(Locale.ROOT).startsWith("filename*");
            if (name == null || extended) { // filename* (RFC 5987) wins over filename
                name = extended ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : m.group(1);
            }
        }
        return name;
    }

    /** The content, to be read once and closed. */
    public InputStream content() {
        return content;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    /** The length in bytes, or -1 when the server did not say. */
    public long length() {
        return length;
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    @Override
    public String toString() {
        return "Download[" + fileName + ", " + contentType + ", " + length + " bytes]";
    }
}
