package io.github.camelbigin.zoho.feed;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbigin.zoho.http.ZohoJson;

/** A {@link FeedState} as the JSON a consumer keeps in its state repository, and back. */
final class FeedStateJson {

    private static final int VERSION = 1;

    private FeedStateJson() {
    }

    /** The state as JSON, written by hand: a consumer saves it often. */
    static String write(FeedState state) {
        StringBuilder sb = new StringBuilder(256 + 24 * (state.changes.size() + state.createdIds.size()));
        sb.append("{\"version\":").append(VERSION).append(",\"changes\":");
        watermark(sb, state.changes.snapshot());
        Watermark current = state.changes.snapshot();
        if (state.base.equals(current)) {
            sb.append(",\"baseIsChanges\":true"); // caught up: the same ids are not written twice
        } else {
            sb.append(",\"base\":");
            watermark(sb, state.base);
        }
        sb.append(",\"createdIds\":[");
        boolean first = true;
        for (String id : state.createdIds) {
            sb.append(first ? "" : ",");
            string(sb, id);
            first = false;
        }
        sb.append("],\"deletions\":");
        watermark(sb, state.deletions.snapshot());
        sb.append(",\"settledDeletions\":");
        watermark(sb, state.settledDeletions);
        if (state.settledAt != null) {
            sb.append(",\"settledAt\":");
            string(sb, state.settledAt.toString());
        }
        if (state.bulkHandover != null) {
            sb.append(",\"bulkHandover\":");
            string(sb, state.bulkHandover.toString());
            if (state.bulkLastId != null) {
                sb.append(",\"bulkLastId\":");
                string(sb, state.bulkLastId);
            }
        }
        if (!state.bulkSeen.isEmpty()) {
            sb.append(",\"bulkSeen\":{");
            boolean firstSeen = true;
            for (Map.Entry<String, Map<String, String>> e : state.bulkSeen.entrySet()) {
                sb.append(firstSeen ? "" : ",");
                string(sb, e.getKey());
                sb.append(":{");
                boolean firstField = true;
                for (Map.Entry<String, String> f : e.getValue().entrySet()) {
                    sb.append(firstField ? "" : ",");
                    string(sb, f.getKey());
                    sb.append(':');
                    string(sb, f.getValue());
                    firstField = false;
                }
                sb.append('}');
                firstSeen = false;
            }
            sb.append('}');
        }
        return sb.append('}').toString();
    }

    private static void watermark(StringBuilder sb, Watermark w) {
        sb.append('{');
        if (w.time() != null) {
            sb.append("\"time\":");
            string(sb, w.time().toString());
            sb.append(',');
        }
        sb.append("\"delivered\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : w.delivered().entrySet()) {
            sb.append(first ? "" : ",");
            string(sb, e.getKey());
            sb.append(':');
            if (e.getValue() == null) {
                sb.append("null");
            } else {
                string(sb, e.getValue());
            }
            first = false;
        }
        sb.append('}');
        if (w.sealed()) {
            sb.append(",\"sealed\":true");
        }
        sb.append('}');
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    static FeedState read(String json) {
        try {
            JsonNode root = ZohoJson.MAPPER.readTree(json);
            if (root == null || root.path("version").asInt() != VERSION) {
                throw new IllegalArgumentException("unknown format");
            }
            FeedState state = new FeedState(watermark(root.get("changes")), watermark(root.get("deletions")));
            state.base = root.path("baseIsChanges").asBoolean(false) ? state.changes() : watermark(root.get("base"));
            state.settledDeletions = root.has("settledDeletions") ? watermark(root.get("settledDeletions")) : state.deletions();
            root.path("createdIds").forEach(n -> state.createdIds.add(n.asText()));
            if (root.hasNonNull("settledAt")) {
                state.settledAt = Instant.parse(root.get("settledAt").asText());
            }
            if (root.hasNonNull("bulkHandover")) {
                state.bulkHandover = OffsetDateTime.parse(root.get("bulkHandover").asText());
                state.bulkLastId = root.hasNonNull("bulkLastId") ? root.get("bulkLastId").asText() : null;
            }
            root.path("bulkSeen").fields().forEachRemaining(e -> {
                Map<String, String> version = new LinkedHashMap<>();
                e.getValue().fields().forEachRemaining(f -> version.put(f.getKey(), f.getValue().asText()));
                state.bulkSeen.put(e.getKey(), version);
            });
            return state;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The stored state of the consumer cannot be read (" + e.getMessage()
                                               + "): remove it from the state repository to start again from"
                                               + " initialPosition. State: " + json, e);
        }
    }

    private static Watermark watermark(JsonNode n) {
        if (n == null || !n.has("time")) {
            return Watermark.BEGINNING;
        }
        Map<String, String> ids = new LinkedHashMap<>();
        n.path("delivered").fields().forEachRemaining(e -> ids.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return new Watermark(OffsetDateTime.parse(n.get("time").asText()), ids, n.path("sealed").asBoolean(false));
    }
}
