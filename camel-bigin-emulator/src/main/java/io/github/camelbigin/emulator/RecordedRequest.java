package io.github.camelbigin.emulator;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A request the emulator received, for tests to assert on: method, path, query, headers, body and the answer. */
public final class RecordedRequest {

    /** Where a request went. */
    public enum Kind {
        /** The Bigin API, called with a Zoho token. */
        API,
        /** The Bigin API through the Maton gateway path. */
        MATON,
        /** The OAuth token endpoint. */
        TOKEN,
        /** Maton's connection API ({@code /connections}). */
        MATON_CONTROL,
        /** Zoho Books ({@code /books/v3}), called with a Zoho token: not a Bigin call. */
        BOOKS,
        /** Anything else. */
        OTHER
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kind kind;
    private final String method;
    private final String path;
    private final String apiPath;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private volatile String body;
    /** A multipart request's bytes while it is handled (forgotten after: uploads can be large). */
    private volatile byte[] raw;
    private volatile byte[] answer;
    private volatile int status;
    private volatile int credits;
    private volatile boolean answered;

    RecordedRequest(Kind kind, String method, String path, String apiPath, Map<String, String> query,
                    Map<String, String> headers, String body) {
        this.kind = kind;
        this.method = method;
        this.path = path;
        this.apiPath = apiPath;
        this.query = Collections.unmodifiableMap(query);
        this.headers = Collections.unmodifiableMap(headers);
        this.body = body;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isApi() {
        return kind == Kind.API || kind == Kind.MATON;
    }

    public String method() {
        return method;
    }

    /** The full request path, e.g. {@code /bigin/v2/Contacts}. */
    public String path() {
        return path;
    }

    /** The path below the API base, e.g. {@code /Contacts} (for token requests the full path). */
    public String apiPath() {
        return apiPath;
    }

    /** Decoded query parameters in request order. */
    public Map<String, String> query() {
        return query;
    }

    public String query(String name) {
        return query.get(name);
    }

    /** Headers by lower-case name. */
    public Map<String, String> headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String body() {
        return body;
    }

    byte[] raw() {
        return raw;
    }

    void raw(byte[] bytes) {
        this.raw = bytes;
    }

    /** The body as a JSON object, or a 4xx the emulator answers (a missing body, or one that is not a JSON object). */
    JsonNode bodyObject() {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (Exception e) {
            throw EmulatorError.badRequest("INVALID_DATA", "the body is not valid JSON", "reason", e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                    "param_name", "body");
        }
        return root;
    }

    /** The body parsed as JSON (null when empty). */
    public JsonNode bodyJson() {
        try {
            return body == null || body.isEmpty() ? null : JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("The body is not JSON: " + body, e);
        }
    }

    /** The HTTP status the emulator answered (0: no answer, e.g. a dropped connection). */
    public int status() {
        return status;
    }

    /** The credits this call cost by Bigin's table (0 for refused calls and token requests). */
    public int credits() {
        return credits;
    }

    /** Whether the emulator is done with the request (answered it, or dropped its connection). */
    public boolean isAnswered() {
        return answered;
    }

    /** Drops the body once the request is processed (benchmarks keep memory flat). */
    /** The JSON answer the emulator sent, when it records answers ({@link BiginEmulator#recordAnswers}); else null. */
    public JsonNode answerJson() {
        try {
            return answer == null ? null : JSON.readTree(answer);
        } catch (Exception e) {
            throw new IllegalStateException("The answer is not JSON: " + answer, e);
        }
    }

    void answer(byte[] json) {
        this.answer = json;
    }

    void forgetBody() {
        body = null;
    }

    void answered(int status, int credits) {
        this.status = status;
        this.credits = credits;
        this.answered = true;
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query) + " -> " + status;
    }
}
