package io.github.camelbigin.emulator;

import java.util.List;
import java.util.Map;

/**
 * A notification callback the emulator sent (or dropped on request): where to, Bigin's payload, and the receiver's
 * HTTP status — 0 when it could not be reached, -1 when it was dropped.
 */
public record Callback(String url, Map<String, Object> payload, int status) {

    /** This callback as sent, with the receiver's status. */
    Callback answered(int receiverStatus) {
        return new Callback(url, payload, receiverStatus);
    }

    /** This callback as dropped by a fault: never sent. */
    Callback dropped() {
        return new Callback(url, payload, -1);
    }

    public boolean wasDropped() {
        return status == -1;
    }

    /** The payload's ids. */
    @SuppressWarnings("unchecked")
    public List<String> ids() {
        return (List<String>) payload.get("ids");
    }

    public String operation() {
        return (String) payload.get("operation");
    }

    public String channelId() {
        return (String) payload.get("channel_id");
    }
}
