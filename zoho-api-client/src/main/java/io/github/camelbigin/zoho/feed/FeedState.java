package io.github.camelbigin.zoho.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.camelbigin.zoho.records.ZohoTime;

/**
 * What a change feed has delivered, kept between polls and restarts:
 * <ul>
 * <li>{@code changes}: the watermark of created/updated records delivered;</li>
 * <li>{@code deletions}: the watermark of deleted records delivered;</li>
 * <li>{@code base} and {@code createdIds}: what tells a created record from an updated one. A record is new when it was
 * created after {@code base}, the watermark the feed last caught up to, and was not already delivered as created
 * since. While the feed is caught up, {@code base} equals {@code changes} and {@code createdIds} is empty; during a
 * backlog read over several polls, {@code createdIds} remembers what was delivered as created so that a record
 * created and then updated within the backlog arrives once as created — never lost as a mere update, never created
 * twice. They are stored with the watermark, so this holds across a crash in the middle of a backlog too.</li>
 * </ul>
 * Stored as JSON in a Camel StateRepository.
 */
public final class FeedState {

    final Watermark.Tracker changes;
    Watermark base;
    final Set<String> createdIds = new LinkedHashSet<>();
    final Watermark.Tracker deletions;
    Watermark settledDeletions;
    Instant settledAt;
    /** During an initial bulk load: where the feed takes over (the load's start, less a margin); else null. */
    OffsetDateTime bulkHandover;
    /** During an initial bulk load: the id of the last record it delivered (it goes on after it on a restart). */
    String bulkLastId;
    /**
     * Records a bulk load delivered that were modified at or after the handover, as text (see {@link #text}): the feed
     * then reads them again, and passes over the ones still at that version — same Modified_Time and same values, for
     * a record can change twice within Bigin's one-second Modified_Time — and calls a later version an update.
     * Forgotten once the feed's watermark has moved past their second.
     */
    final Map<String, Map<String, String>> bulkSeen = new LinkedHashMap<>();

    public FeedState(Watermark changes, Watermark deletions) {
        this.changes = new Watermark.Tracker(changes);
        this.base = changes;
        this.deletions = new Watermark.Tracker(deletions);
        this.settledDeletions = deletions;
    }

    public Watermark changes() {
        return changes.snapshot();
    }

    public Watermark deletions() {
        return deletions.snapshot();
    }

    /** How many ids the state remembers: what makes saving it expensive. */
    public int size() {
        return createdIds.size() + changes.size() + deletions.size() + base.ids().size() + bulkSeen.size();
    }

    /**
     * Starts an initial bulk load: the feed will take over at {@code handover}; until then the changes' watermark stays
     * where it is (the beginning).
     */
    public void startBulkLoad(OffsetDateTime handover) {
        bulkHandover = handover;
        bulkLastId = null;
        bulkSeen.clear();
    }

    /** Whether an initial bulk load is under way (also after a restart in the middle of one). */
    public boolean bulkLoading() {
        return bulkHandover != null;
    }

    /** The id after which a resumed bulk load goes on, or null. */
    public String bulkLastId() {
        return bulkLastId;
    }

    /**
     * A record of the bulk load is done: remembered as created (when it was created after the handover, so the feed
     * calls its next version an update) and as seen (when modified after the handover, so the feed skips this version).
     */
    public void bulkRecordDone(Map<String, Object> record) {
        String id = String.valueOf(record.get("id"));
        bulkLastId = id;
        OffsetDateTime modified = ZohoTime.of(record, "Modified_Time");
        OffsetDateTime created = ZohoTime.of(record, "Created_Time");
        if (modified != null && !modified.toInstant().isBefore(bulkHandover.toInstant())) {
            Map<String, String> version = new LinkedHashMap<>();
            record.forEach((field, value) -> version.put(field, text(value)));
            version.put("Modified_Time", modified.toInstant().toString());
            bulkSeen.put(id, version);
        }
        if (created != null && !created.toInstant().isBefore(bulkHandover.toInstant())) {
            createdIds.add(id);
        }
    }

    /** The bulk load delivered every record: the feed goes on from the handover. */
    public void finishBulkLoad() {
        Watermark handover = Watermark.at(bulkHandover);
        changes.reset(handover);
        base = handover;
        bulkHandover = null;
        bulkLastId = null;
    }

    /**
     * Whether the feed's record is the version the bulk load already delivered: same Modified_Time, and the same value in
     * every field both have (compared as text: the load's values are the bulk CSV's text).
     */
    public boolean deliveredByBulkLoad(Map<String, Object> record) {
        if (bulkSeen.isEmpty()) {
            return false;
        }
        Map<String, String> seen = bulkSeen.get(String.valueOf(record.get("id")));
        OffsetDateTime modified = ZohoTime.of(record, "Modified_Time");
        if (seen == null || modified == null || !modified.toInstant().toString().equals(seen.get("Modified_Time"))) {
            return false;
        }
        for (Map.Entry<String, String> e : seen.entrySet()) {
            String field = e.getKey();
            if (!field.equals("Modified_Time") && !field.equals("Created_Time") && record.containsKey(field)
                && !text(record.get(field)).equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A value as text the same way whether it came typed from a read or as text from a bulk CSV: empty for none, a
     * lookup as its id, a list as its items joined by ';', a number without trailing zeros.
     */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> m) {
            Object id = m.get("id");
            return id != null ? id.toString() : text(m.get("name"));
        }
        if (value instanceof java.util.Collection<?> items) {
            StringBuilder sb = new StringBuilder();
            for (Object item : items) {
                sb.append(sb.length() == 0 ? "" : ";").append(item instanceof Map<?, ?> m && m.containsKey("name")
                        ? text(m.get("name")) : text(item));
            }
            return sb.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && (Character.isDigit(s.charAt(s.length() - 1)))) {
            try {
                return new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException notANumber) {
                return s;
            }
        }
        return s;
    }

    public Set<String> createdIds() {
        return createdIds;
    }

    /** {@code created} or {@code updated}: whether the consumer has never delivered this record before. */
    public String classify(Map<String, Object> record) {
        OffsetDateTime created = ZohoTime.of(record, "Created_Time");
        String id = String.valueOf(record.get("id"));
        if (created == null || base.covers(created, id) || createdIds.contains(id) || bulkSeen.containsKey(id)) {
            return "updated";
        }
        return "created";
    }

    /**
     * Records that a change (delivered or skipped) is done: {@code time} is the record's time in the feed's field,
     * {@code fingerprint} from {@link ChangeFeed#fingerprint} (null in a Created_Time feed).
     */
    public void changeDone(Map<String, Object> record, OffsetDateTime time, String eventType, String fingerprint) {
        String id = String.valueOf(record.get("id"));
        changes.advance(time, id, fingerprint);
        if ("created".equals(eventType) && fingerprint != null) {
            createdIds.add(id); // forgotten again once caught up (a Created_Time feed, without fingerprints, needs none)
        }
    }

    /** Records that a deletion (delivered or skipped) is done. */
    public void deletionDone(Map<String, Object> entry) {
        deletions.advance(ZohoTime.of(entry, ChangeFeed.DELETED_TIME), String.valueOf(entry.get("id")), null);
    }

    /**
     * The feed read and delivered everything there was, in a poll that began at {@code pollStart} (Bigin's clock):
     * the next poll classifies against this point.
     */
    public void caughtUp(Instant pollStart) {
        base = changes.snapshot();
        settledDeletions = deletions.snapshot();
        createdIds.clear();
        // a version the load delivered can be read again while it is not older than the watermark's second (a page
        // that shifted under a read comes back at the next poll): forget only those the feed has left behind
        Instant passed = changes.snapshot().time() == null ? null : changes.snapshot().time().toInstant();
        if (passed != null) {
            bulkSeen.values().removeIf(v -> Instant.parse(v.get("Modified_Time")).isBefore(passed));
        }
        settledAt = pollStart;
    }

    /**
     * Seals the watermarks whose second lies more than {@code margin} before the start of the last complete poll: that
     * poll saw every record of that second, and no record can appear in it any more. A sealed watermark forgets its
     * ids and asks Bigin only for later records, so an idle poll stays one call however many records share the
     * watermark's second.
     */
    public void seal(Duration margin) {
        if (settledAt == null) {
            return;
        }
        Instant cutoff = settledAt.minus(margin);
        if (changes.snapshot().equals(base)) { // nothing delivered since that poll: it saw the whole second
            base = base.sealedBefore(cutoff);
            changes.reset(base);
        }
        if (deletions.snapshot().equals(settledDeletions)) {
            settledDeletions = settledDeletions.sealedBefore(cutoff);
            deletions.reset(settledDeletions);
        }
    }


    /**
     * The state as JSON (see {@link FeedStateJson}). It always holds {@code createdIds}, so a consumer restored after a
     * crash in the middle of a backlog never delivers a record created in it as created twice.
     */
    public String toJson() {
        return FeedStateJson.write(this);
    }

    /** The state a consumer saved; fails naming what to do when it cannot be read. */
    public static FeedState fromJson(String json) {
        return FeedStateJson.read(json);
    }

    @Override
    public String toString() {
        return describe(true, true);
    }

    /** The parts of the state a feed uses: its changes, its deletions, or both. */
    public String describe(boolean withChanges, boolean withDeletions) {
        StringBuilder sb = new StringBuilder();
        if (withChanges && bulkHandover != null) {
            sb.append("an initial bulk load handing over at ").append(bulkHandover)
                    .append(bulkLastId == null ? "" : ", after record " + bulkLastId);
        } else if (withChanges) {
            sb.append("changes after ").append(changes.snapshot());
            if (!createdIds.isEmpty()) {
                sb.append(" (").append(createdIds.size()).append(" created since ").append(base).append(')');
            }
        }
        if (withDeletions) {
            sb.append(sb.length() == 0 ? "" : ", ").append("deletions after ").append(deletions.snapshot());
        }
        return sb.toString();
    }
}
