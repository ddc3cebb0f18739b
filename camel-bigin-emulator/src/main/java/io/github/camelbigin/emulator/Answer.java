package io.github.camelbigin.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the emulator answers: status, a JSON body (or none) and extra headers. */
final class Answer {

    final int status;
    final Object body;
    final Map<String, String> headers = new LinkedHashMap<>();
    int credits = 1;
    /** A file answered as it is (a download), instead of a JSON body. */
    byte[] file;
    String fileType;

    Answer(int status, Object body) {
        this.status = status;
        this.body = body;
    }

    static Answer json(int status, Object body) {
        return new Answer(status, body);
    }

    /** A file download: the bytes, their type and the name in Content-Disposition. */
    static Answer file(byte[] bytes, String contentType, String fileName) {
        Answer a = new Answer(200, null);
        a.file = bytes;
        a.fileType = contentType;
        a.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return a;
    }

    static Answer noContent() {
        return new Answer(204, null);
    }

    static Answer notModified() {
        return new Answer(304, null);
    }

    Answer credits(int credits) {
        this.credits = credits;
        return this;
    }

    Answer header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
