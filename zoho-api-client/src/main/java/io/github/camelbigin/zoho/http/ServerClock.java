package io.github.camelbigin.zoho.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The server's clock as the {@code Date} header of its last answer tells it, plus the time passed since on the local
 * clock; the local clock before the first answer. A change feed cuts its seconds by the server's clock, not by a JVM's
 * that may be minutes off.
 */
final class ServerClock {

    private final Clock local;
    private volatile long serverMillis = -1;
    private volatile long localMillisThen;

    ServerClock(Clock local) {
        this.local = local;
    }

    void note(ApiResponse response) {
        Instant date = httpDate(response.header("date"));
        if (date != null) { // a proxy's odd Date header: keep the last good one
            localMillisThen = local.millis();
            serverMillis = date.toEpochMilli();
        }
    }

    Instant now() {
        long millis = serverMillis;
        if (millis < 0) {
            return local.instant();
        }
        return Instant.ofEpochMilli(millis + local.millis() - localMillisThen);
    }

    /** An HTTP date (RFC 1123), or null when absent or unreadable. */
    static Instant httpDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
