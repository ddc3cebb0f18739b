package io.github.camelbigin.zoho.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file sent as one part of a multipart request (an attachment, a photo, a bulk-write zip), streamed from where it
 * lies: a file on disk (sent again as is when a retry needs it), bytes, or a stream (read once, so a request with one
 * is retried only when it never left).
 */
public final class FilePart {

    private final String name;
    private final String fileName;
    private final Object content;

    private FilePart(String name, String fileName, Object content) {
        this.name = Objects.requireNonNull(name, "name");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.content = Objects.requireNonNull(content, "content");
    }

    public static FilePart of(String name, String fileName, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("'" + file + "' is not a readable file");
        }
        return new FilePart(name, fileName, file);
    }

    public static FilePart of(String name, String fileName, byte[] bytes) {
        return new FilePart(name, fileName, bytes);
    }

    public static FilePart of(String name, String fileName, InputStream stream) {
        return new FilePart(name, fileName, stream);
    }

    /** The form field's name, e.g. {@code file}. */
    public String name() {
        return name;
    }

    public String fileName() {
        return fileName;
    }

    /** A {@link Path}, a {@code byte[]} or an {@link InputStream}. */
    Object content() {
        return content;
    }

    /** The size in bytes when it is known (a file, bytes); -1 for a stream. */
    public long size() {
        if (content instanceof byte[] bytes) {
            return bytes.length;
        }
        if (content instanceof Path path) {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the size of '" + path + "'", e);
            }
        }
        return -1;
    }

    /**
     * This part when Zoho takes its size: refused before any byte is sent when it is known to be larger than
     * {@code maxBytes}; for a stream, one whose reading fails as it passes {@code maxBytes}, so the upload stops there
     * rather than streaming on to a refusal.
     *
     * @param what what the part is, for the message ({@code an attachment})
     */
    public FilePart within(long maxBytes, String what) {
        long size = size();
        if (size > maxBytes) {
            throw new IllegalArgumentException(tooLarge(maxBytes, what, String.format("is %,d bytes", size))
                                               + ": nothing was sent");
        }
        if (!(content instanceof InputStream stream)) {
            return this;
        }
        return new FilePart(name, fileName, new FilterInputStream(stream) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? -1 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, (int) Math.min(len, maxBytes + 1 - read));
                count(n);
                return n;
            }

            private void count(int n) {
                if (n > 0 && (read += n) > maxBytes) {
                    throw new IllegalArgumentException(tooLarge(maxBytes, what, "passed that size")
                                                       + ": the upload was stopped there and Zoho keeps nothing");
                }
            }
        });
    }

    private String tooLarge(long maxBytes, String what, String size) {
        return "The file '" + fileName + "' " + size + ", more than the " + maxBytes / (1024 * 1024) + " MB ("
               + String.format("%,d", maxBytes) + " bytes) Zoho takes for " + what;
    }

    /** Whether the part can be sent twice (not a stream). */
    public boolean repeatable() {
        return !(content instanceof InputStream);
    }

    @Override
    public String toString() {
        return "FilePart[" + name + ", " + fileName + "]";
    }
}
