package io.github.camelbigin.zoho.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How far a change feed has delivered: the newest timestamp delivered (inclusive) and the records delivered at exactly
 * that second, each with a fingerprint of its content. A record is new when its time is later, or equal and it is not
 * among those records — or is, with other content (Bigin's times have one-second precision, so a record changed
 * twice in one second keeps its Modified_Time). So records that share a second are neither lost (the "+1 s" bug) nor
 * delivered twice (the "≥ without ids" bug). Times are compared as instants, whatever offset they carry.
 */
public final class Watermark {

    /** Before every record: a feed from here delivers everything. */
    public static final Watermark BEGINNING = new Watermark(null, Map.of(), false);

    private final OffsetDateTime time;
    private final Map<String, String> delivered;
    private final boolean sealed;

    /**
     * @param delivered the ids delivered at {@code time}, each with its content fingerprint (or null)
     * @param sealed    every record of the second {@code time} has been delivered and none can still appear in it: only
     *                  later records are new
     */
    public Watermark(OffsetDateTime time, Map<String, String> delivered, boolean sealed) {
        this.time = time;
        this.sealed = sealed && time != null;
        this.delivered = this.sealed ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(delivered));
    }

    /** A watermark at {@code time} with no record delivered at that second yet. */
    public static Watermark at(OffsetDateTime time) {
        return new Watermark(time, Map.of(), false);
    }

    /** The newest delivered time, or null at the beginning. */
    public OffsetDateTime time() {
        return time;
    }

    /** The ids delivered at {@link #time()}. */
    public Set<String> ids() {
        return delivered.keySet();
    }

    /** The ids delivered at {@link #time()} with their fingerprints. */
    public Map<String, String> delivered() {
        return delivered;
    }

    /** Whether every record of the second {@link #time()} has been delivered. */
    public boolean sealed() {
        return sealed;
    }

    /** Whether a record with this time, id and content fingerprint (null: ids only) comes after the watermark. */
    public boolean isNew(OffsetDateTime recordTime, String id, String fingerprint) {
        return isNew(time, delivered, sealed, recordTime, id, fingerprint);
    }

    /**
     * Whether a record comes after a watermark at {@code time} (null: the beginning) that delivered {@code delivered}
     * (id to fingerprint) of that second, or all of it when {@code sealed}.
     */
    private static boolean isNew(OffsetDateTime time, Map<String, String> delivered, boolean sealed,
                                 OffsetDateTime recordTime, String id, String fingerprint) {
        if (time == null) {
            return true;
        }
        int c = recordTime.toInstant().compareTo(time.toInstant());
        if (c != 0 || sealed) {
            return c > 0;
        }
        return !delivered.containsKey(id) || fingerprint != null && !fingerprint.equals(delivered.get(id));
    }

    /** Whether a record with this time and id was at or before the watermark, whatever its content. */
    public boolean covers(OffsetDateTime recordTime, String id) {
        if (time == null) {
            return false;
        }
        int c = recordTime.toInstant().compareTo(time.toInstant());
        return c < 0 || c == 0 && (sealed || delivered.containsKey(id));
    }

    /** The watermark after delivering a record with this time, id and fingerprint. */
    public Watermark advance(OffsetDateTime recordTime, String id, String fingerprint) {
        if (time == null || recordTime.toInstant().isAfter(time.toInstant())) {
            Map<String, String> one = new LinkedHashMap<>();
            one.put(id, fingerprint);
            return new Watermark(recordTime, one, false);
        }
        if (recordTime.toInstant().equals(time.toInstant()) && !sealed) {
            Map<String, String> more = new LinkedHashMap<>(delivered);
            more.put(id, fingerprint);
            return new Watermark(time, more, false);
        }
        return this; // an older record never moves the watermark back
    }

    /** This watermark sealed, if its second lies before {@code cutoff}; otherwise this watermark. */
    public Watermark sealedBefore(Instant cutoff) {
        if (time == null || sealed || !time.toInstant().isBefore(cutoff)) {
            return this;
        }
        return new Watermark(time, Map.of(), true);
    }

    /**
     * A watermark that moves in place: a feed advances it once per record, so advancing must not copy the ids of the
     * second (thousands, after a bulk import). {@link #snapshot()} gives the immutable watermark.
     */
    public static final class Tracker {
        private OffsetDateTime time;
        private final Map<String, String> delivered = new LinkedHashMap<>();
        private boolean sealed;

        public Tracker(Watermark start) {
            reset(start);
        }

        public void reset(Watermark to) {
            time = to.time;
            sealed = to.sealed;
            delivered.clear();
            delivered.putAll(to.delivered);
        }

        public OffsetDateTime time() {
            return time;
        }

        /** How many ids it holds. */
        public int size() {
            return delivered.size();
        }

        public boolean isNew(OffsetDateTime recordTime, String id, String fingerprint) {
            return Watermark.isNew(time, delivered, sealed, recordTime, id, fingerprint);
        }

        public void advance(OffsetDateTime recordTime, String id, String fingerprint) {
            if (time == null || recordTime.toInstant().isAfter(time.toInstant())) {
                time = recordTime;
                sealed = false;
                delivered.clear();
                delivered.put(id, fingerprint);
            } else if (recordTime.toInstant().equals(time.toInstant()) && !sealed) {
                delivered.put(id, fingerprint);
            }
        }

        public Watermark snapshot() {
            return new Watermark(time, delivered, sealed);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Watermark)) {
            return false;
        }
        Watermark w = (Watermark) o;
        return (time == null ? w.time == null : w.time != null && time.toInstant().equals(w.time.toInstant()))
               && delivered.equals(w.delivered) && sealed == w.sealed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(time == null ? null : time.toInstant(), delivered, sealed);
    }

    /** The time and, for a few ids, the ids at that second; a count for many (a log line stays short). */
    @Override
    public String toString() {
        if (time == null) {
            return "beginning";
        }
        if (sealed) {
            return time + " (sealed)";
        }
        return time + (delivered.size() <= 3 ? " " + delivered.keySet() : " (" + delivered.size() + " ids at that second)");
    }
}
