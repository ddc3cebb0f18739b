package io.github.camelbigin.zoho.records;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Zoho's timestamps ({@code 2026-02-06T00:28:53-08:00}: to the second, with an offset), read and written. Reads
 * them without the general ISO-8601 parser, which a change feed would otherwise run several times per record.
 */
public final class ZohoTime {

    private ZohoTime() {
    }

    private static volatile ZoneOffset lastOffset = ZoneOffset.UTC;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** Zoho's time format: ISO-8601 to the second, with the offset. */
    public static String format(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.SECONDS).format(FORMAT);
    }

    /**
     * The time of a record in a field ({@code Modified_Time}, {@code deleted_time}, …), or null when it has none.
     *
     * @throws IllegalArgumentException when the field holds no ISO-8601 time
     */
    public static OffsetDateTime of(Map<String, Object> record, String field) {
        Object v = record.get(field);
        if (v == null) {
            return null;
        }
        String text = v.toString();
        OffsetDateTime fast = parse(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the " + field + " of record " + record.get("id")
                                               + " is not an ISO-8601 time: " + v, e);
        }
    }

    /** The time, or null when the text is not exactly Bigin's format (the caller then parses it the long way). */
    static OffsetDateTime parse(String s) {
        if (s.length() != 25 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
            || s.charAt(16) != ':' || s.charAt(22) != ':' || s.charAt(19) != '+' && s.charAt(19) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int offH = digits(s, 20, 2);
        int offM = digits(s, 23, 2);
        if ((year | month | day | hour | minute | second | offH | offM) < 0) {
            return null;
        }
        int sign = s.charAt(19) == '-' ? -1 : 1;
        try {
            ZoneOffset offset = lastOffset; // an org writes every time with the same offset
            if (offset.getTotalSeconds() != sign * (offH * 3600 + offM * 60)) {
                offset = ZoneOffset.ofHoursMinutes(sign * offH, sign * offM);
                lastOffset = offset;
            }
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
