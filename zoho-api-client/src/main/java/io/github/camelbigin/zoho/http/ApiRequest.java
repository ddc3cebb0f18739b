package io.github.camelbigin.zoho.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request to Zoho, described without HTTP library types: method, path below the API base URL, query,
 * extra headers and body, plus what the retry logic and error messages need to know.
 * <p>
 * Internal to the engine (public only for its other packages): callers use the services of
 * {@link io.github.camelbigin.zoho.client.ZohoClient}.
 */
public final class ApiRequest {

    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String contentType;
    private final boolean idempotent;
    private final String operation;
    private final String module;
    private final int credits;
    private final boolean recordResults;
    private final FilePart file;
    private final boolean streamed;
    private final Target target;

    /** Where a request's path goes. */
    public enum Target {
        /** Below the API's base URL, e.g. {@code https://www.zohoapis.com/bigin/v2} + path. */
        API,
        /** Below the API domain, e.g. {@code https://www.zohoapis.com} + {@code /bigin/bulk/v2/read}. */
        API_DOMAIN,
        /** Zoho's upload host for the API domain, e.g. {@code https://content.zohoapis.com} + path. */
        UPLOAD_HOST,
        /** The path is an absolute URL Zoho handed out (a result's download URL). */
        ABSOLUTE
    }

    private ApiRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.contentType = b.contentType;
        this.idempotent = b.idempotent != null ? b.idempotent : !"POST".equals(b.method);
        this.operation = b.operation;
        this.module = b.module;
        this.credits = b.credits;
        this.recordResults = b.recordResults;
        this.file = b.file;
        this.streamed = b.streamed;
        this.target = b.target;
    }

    public static Builder get(String path) {
        return new Builder("GET", path);
    }

    public static Builder post(String path) {
        return new Builder("POST", path);
    }

    public static Builder put(String path) {
        return new Builder("PUT", path);
    }

    public static Builder patch(String path) {
        return new Builder("PATCH", path);
    }

    public static Builder delete(String path) {
        return new Builder("DELETE", path);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Query parameters in the order they were added (unencoded). */
    public Map<String, String> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * Whether sending the request twice has the effect of sending it once. Only idempotent requests are retried after
     * they may have reached Zoho; others only when Zoho surely did not process them (429, connection refused).
     */
    public boolean idempotent() {
        return idempotent;
    }

    public String operation() {
        return operation;
    }

    public String module() {
        return module;
    }

    /** The API credits Zoho charges for this call (bigin-api.md: 1, 3 for a GET with cvid, 1 per 10 records written). */
    public int credits() {
        return credits;
    }

    /** Whether the answer holds one result per record, to be read even when the HTTP status is 4xx. */
    public boolean recordResults() {
        return recordResults;
    }

    /** The file of a multipart request, or null. */
    public FilePart file() {
        return file;
    }

    /** Whether a successful answer's body is handed over as a stream ({@link ApiResponse#stream()}), not read. */
    public boolean streamed() {
        return streamed;
    }

    /** Where the path goes: below the API's base URL unless told otherwise. */
    public Target target() {
        return target;
    }

    /** Method and path, for logs and errors: never the query or body. */
    @Override
    public String toString() {
        return method + " " + path;
    }

    public static final class Builder {
        private final String method;
        private final String path;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private String contentType;
        private Boolean idempotent;
        private String operation;
        private String module;
        private int credits = 1;
        private boolean recordResults;
        private FilePart file;
        private boolean streamed;
        private Target target = Target.API;

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Adds a query parameter unless the value is null. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.put(name, value.toString());
            }
            return this;
        }

        public Builder header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        public Builder json(byte[] json) {
            this.body = json;
            this.contentType = "application/json";
            return this;
        }

        public Builder form(Map<String, String> fields) {
            StringBuilder sb = new StringBuilder();
            fields.forEach((k, v) -> {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(UriEncoding.encode(k)).append('=').append(UriEncoding.encode(v));
            });
            this.body = sb.toString().getBytes(StandardCharsets.UTF_8);
            this.contentType = "application/x-www-form-urlencoded";
            return this;
        }

        /** A multipart body of one file part. */
        public Builder file(FilePart file) {
            this.file = file;
            return this;
        }

        /** Hands a successful answer's body over as a stream: the caller reads and closes it. */
        public Builder streamed() {
            this.streamed = true;
            return this;
        }

        /** Where the path goes (default: below the API's base URL). */
        public Builder target(Target target) {
            this.target = target;
            return this;
        }

        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        public Builder operation(String operation, String module) {
            this.operation = operation;
            this.module = module;
            return this;
        }

        public Builder credits(int credits) {
            this.credits = credits;
            return this;
        }

        public Builder recordResults() {
            this.recordResults = true;
            return this;
        }

        public ApiRequest build() {
            return new ApiRequest(this);
        }
    }
}
