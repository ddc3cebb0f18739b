package io.github.camelbigin.zoho.feed;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One changed record as a feed read it: the record, its time in the feed's time field, and its content fingerprint
 * ({@link Fingerprint}; null in a feed that follows Created_Time).
 */
public record Change(Map<String, Object> record, OffsetDateTime time, String fingerprint) {

    public String id() {
        return String.valueOf(record.get("id"));
    }
}
