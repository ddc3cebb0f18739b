package io.github.camelbigin.zoho.maton;

import java.util.Map;

/**
 * One Maton connection: an authorisation of one app (e.g. {@code zoho-bigin}) that the gateway uses for calls with the
 * API key. {@code url} is what a person opens to authorise it; it is {@code ACTIVE} once they have.
 */
public record MatonConnection(String id, String app, String status, String url, String method, String created,
                              String updated) {

    static MatonConnection of(Map<?, ?> m) {
        return new MatonConnection(text(m, "connection_id"), text(m, "app"), text(m, "status"), text(m, "url"),
                text(m, "method"), text(m, "creation_time"), text(m, "last_updated_time"));
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    public boolean active() {
        return "ACTIVE".equalsIgnoreCase(status);
    }

    public boolean failed() {
        return "FAILED".equalsIgnoreCase(status);
    }

    /** As a map for a message body, with the keys Maton uses. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("connection_id", id);
        m.put("app", app);
        m.put("status", status);
        m.put("url", url);
        m.put("method", method);
        m.put("creation_time", created);
        m.put("last_updated_time", updated);
        return m;
    }
}
