package io.github.camelbigin.zoho.credits;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbigin.zoho.http.ZohoJson;

/**
 * Credits spent over Zoho's rolling 24 hours, counted per minute: what a day of calls cost, and when the oldest of
 * them leave the window. Not thread-safe: {@link CreditBudget} guards it.
 */
final class CreditLedger {

    static final Duration WINDOW = Duration.ofHours(24);

    /** Epoch minute to the credits spent in it, oldest first. */
    private final TreeMap<Long, Long> minutes = new TreeMap<>();

    void add(long credits, Instant at) {
        minutes.merge(at.getEpochSecond() / 60, credits, Long::sum);
    }

    /** Credits spent in the 24 hours before {@code now}. */
    long spent(Instant now) {
        forgetBefore(now);
        return minutes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** When at least {@code needed} more credits fit under {@code budget} (now when they already do). */
    Instant freeAt(long budget, long needed, Instant now) {
        long spent = spent(now);
        if (spent + needed <= budget) {
            return now;
        }
        long over = spent + needed - budget;
        for (Map.Entry<Long, Long> e : minutes.entrySet()) {
            over -= e.getValue();
            if (over <= 0) {
                return Instant.ofEpochSecond((e.getKey() + 1) * 60).plus(WINDOW);
            }
        }
        return now.plus(WINDOW); // more than a whole budget's worth: a day from now
    }

    private void forgetBefore(Instant now) {
        long oldest = now.minus(WINDOW).getEpochSecond() / 60;
        minutes.headMap(oldest, false).clear();
    }

    String toJson() {
        StringBuilder sb = new StringBuilder("{\"version\":1,\"minutes\":{");
        boolean first = true;
        for (Map.Entry<Long, Long> e : minutes.entrySet()) {
            sb.append(first ? "" : ",").append('"').append(e.getKey()).append("\":").append(e.getValue());
            first = false;
        }
        return sb.append("}}").toString();
    }

    static CreditLedger fromJson(String json) {
        CreditLedger ledger = new CreditLedger();
        if (json == null || json.isBlank()) {
            return ledger;
        }
        try {
            JsonNode root = ZohoJson.MAPPER.readTree(json);
            root.path("minutes").fields().forEachRemaining(e -> ledger.minutes.put(Long.parseLong(e.getKey()),
                    e.getValue().asLong()));
            return ledger;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The stored credit ledger cannot be read (" + e.getMessage() + "):"
                                               + " remove it from the state repository to start counting afresh", e);
        }
    }
}
