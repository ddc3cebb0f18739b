package io.github.camelbigin.common.consumer;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One record a poll found: to emit, or to pass over when its event type was not asked for (the watermark still moves
 * past it).
 *
 * @param record      the record (a deletion's entry for deletions)
 * @param deletion    whether it was deleted
 * @param type        created, updated or deleted
 * @param time        the time the feed follows (Modified_Time, Created_Time or the deletion's time)
 * @param deliver     whether the consumer emits it
 * @param fingerprint the record's values, to tell a later version of the same second (null for deletions)
 * @param announced   a deletion a callback announced beyond the deleted-records list's reach (push mode)
 * @param bulk        a record of the initial bulk load
 */
record Event(Map<String, Object> record, boolean deletion, String type, OffsetDateTime time, boolean deliver,
             String fingerprint, boolean announced, boolean bulk) {

    String id() {
        return String.valueOf(record.get("id"));
    }
}
