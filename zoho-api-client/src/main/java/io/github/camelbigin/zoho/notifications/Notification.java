package io.github.camelbigin.zoho.notifications;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbigin.zoho.http.ZohoJson;

/**
 * One callback Zoho POSTed to a channel's notify URL: which records of which module had which operation. It is a
 * wake-up, not the data: the receiver reads the records itself. Zoho signs nothing, so a callback counts only when
 * its channel id and token match the channel's ({@link #isFrom}); its token is not in {@link #toString()}.
 */
public record Notification(String channelId, String token, String module, Operation operation, List<String> ids,
                           Instant serverTime) {

    /** The largest callback body read: about 10,000 ids; Zoho's hold far fewer. */
    public static final int MAX_BYTES = 256 * 1024;

    public Notification {
        ids = List.copyOf(ids);
    }

    /**
     * Reads a callback body.
     *
     * @throws IllegalArgumentException when it is larger than {@link #MAX_BYTES}, not JSON, or lacks the channel id,
     *                                  module or ids (the message says which, never the token)
     */
    public static Notification parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("the notification has no body");
        }
        if (body.length > MAX_BYTES) {
            throw new IllegalArgumentException("the notification has " + body.length + " bytes, more than the "
                                               + MAX_BYTES + " a Zoho callback can have");
        }
        JsonNode root;
        try {
            root = ZohoJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the notification is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the notification is not a JSON object");
        }
        String channelId = text(root, "channel_id");
        String module = text(root, "module");
        JsonNode idNodes = root.get("ids");
        if (channelId == null || module == null || idNodes == null || !idNodes.isArray()) {
            throw new IllegalArgumentException("the notification lacks channel_id, module or ids");
        }
        List<String> ids = new ArrayList<>(idNodes.size());
        idNodes.forEach(id -> ids.add(id.asText()));
        JsonNode time = root.get("server_time");
        return new Notification(channelId, text(root, "token"), module, Operation.of(text(root, "operation")), ids,
                time != null && time.canConvertToLong() ? Instant.ofEpochMilli(time.asLong()) : null);
    }

    /** Whether the callback names this channel and carries its token, compared in constant time. */
    public boolean isFrom(String expectedChannelId, String expectedToken) {
        boolean channel = sameText(channelId, expectedChannelId);
        boolean token = sameText(this.token, expectedToken);
        return channel & token; // both compared whatever the first says: no timing difference
    }

    private static boolean sameText(String a, String b) {
        byte[] x = a == null ? new byte[0] : a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b == null ? new byte[0] : b.getBytes(StandardCharsets.UTF_8);
        return a != null && b != null && MessageDigest.isEqual(x, y);
    }

    private static String text(JsonNode root, String name) {
        JsonNode v = root.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public String toString() {
        return "Notification[channel " + channelId + ", " + module + " " + operation + " " + ids.size() + " ids]";
    }
}
