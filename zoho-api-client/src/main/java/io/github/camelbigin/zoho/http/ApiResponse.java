package io.github.camelbigin.zoho.http;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP answer from Zoho: status, headers (names in lower case) and the whole body — or, for a streamed request's
 * success, the body as a stream the caller reads and closes.
 * <p>
 * Internal to the engine (public only for its other packages): callers use the services of
 * {@link io.github.camelbigin.zoho.client.ZohoClient}.
 */
public final class ApiResponse {

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final InputStream stream;

    public ApiResponse(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, null);
    }

    ApiResponse(int status, Map<String, String> headers, byte[] body, InputStream stream) {
        this.status = status;
        this.headers = headers;
        this.body = body == null ? new byte[0] : body;
        this.stream = stream;
    }

    /** The body of a streamed request's success, still to be read (and closed: it holds a connection); else null. */
    public InputStream stream() {
        return stream;
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public byte[] body() {
        return body;
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    public String contentType() {
        String ct = header("content-type");
        return ct == null ? "" : ct.toLowerCase(Locale.ROOT);
    }

    /** The start of the body as text, for error messages about answers that are not Zoho JSON. */
    public String bodySnippet(int max) {
        String text = new String(body, 0, Math.min(body.length, max * 4), StandardCharsets.UTF_8).strip();
        text = text.replaceAll("\\s+", " ");
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
