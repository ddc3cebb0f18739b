package io.github.camelbigin.zoho.http;

import java.io.InputStream;
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

    /** Whether the part can be sent twice (not a stream). */
    public boolean repeatable() {
        return !(content instanceof InputStream);
    }

    @Override
    public String toString() {
        return "FilePart[" + name + ", " + fileName + "]";
    }
}
