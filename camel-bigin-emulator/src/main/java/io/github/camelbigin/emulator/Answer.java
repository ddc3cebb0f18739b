package io.github.camelbigin.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the emulator answers: status, a JSON body (or none) and extra headers. */
final class Answer {

    final int status;
    final Object body;
    final Map<String, String> headers = new LinkedHashMap<>();
    int credits = 1;

    Answer(int status, Object body) {
        this.status = status;
        this.body = body;
    }

    static Answer json(int status, Object body) {
        return new Answer(status, body);
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
