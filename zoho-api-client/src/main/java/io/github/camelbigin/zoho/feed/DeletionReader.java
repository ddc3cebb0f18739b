package io.github.camelbigin.zoho.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.DeletedType;
import io.github.camelbigin.zoho.records.RecordIterator;
import io.github.camelbigin.zoho.records.RecordQuery;
import io.github.camelbigin.zoho.records.RecordReads;
import io.github.camelbigin.zoho.records.ZohoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the deletions after a watermark from {@code GET /{module}/deleted}, which Zoho lists newest first: the scan stops
 * at the watermark, and the deletions are handed over oldest first.
 */
final class DeletionReader {

    static final String TIME_FIELD = "deleted_time";
    /**
     * How long after a deletion its callback is expected at the latest. After a mass deletion the listed deletions
     * wait this long past the oldest of them, so the callbacks of the older ones beyond the list's reach are in.
     */
    static final Duration ANNOUNCE_MARGIN = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(DeletionReader.class);

    private final RecordReads reads;
    private final ZohoApi api;
    private final String module;

    DeletionReader(RecordReads reads, ZohoApi api, String module) {
        this.reads = reads;
        this.api = api;
        this.module = module;
    }

    /**
     * Up to {@code max} records deleted after {@code from}, oldest first. With an {@code inbox} (null: none), a read
     * that cannot reach back to {@code from} returns the announced deletions it did not list instead — they are older
     * than all it listed, and come first — and a read that reached back forgets the announcements it did not list.
     */
    Changes read(Watermark from, int max, DeletionInbox inbox, Supplier<Instant> serverTime) {
        RecordQuery q = RecordQuery.create().type(DeletedType.all.name()).perPage(api.pageSize());
        if (from.time() != null) {
            q.ifModifiedSince(from.sealed() ? from.time() : from.time().minusSeconds(1));
        }
        List<Change> newer = new ArrayList<>();
        OffsetDateTime previous = null;
        boolean newestFirst = true;
        boolean truncated = false;
        RecordIterator it = reads.deleted(module, q);
        try {
            while (it.hasNext()) {
                Map<String, Object> row = it.next();
                OffsetDateTime t = ZohoTime.of(row, TIME_FIELD);
                if (t == null) {
                    continue;
                }
                if (previous != null && t.isAfter(previous)) {
                    newestFirst = false; // not the order Zoho documents: read every page
                }
                previous = t;
                if (from.time() != null && newestFirst && t.toInstant().isBefore(from.time().toInstant())) {
                    break;
                }
                if (from.isNew(t, String.valueOf(row.get("id")), null)) {
                    newer.add(new Change(row, t, null));
                }
            }
        } catch (ZohoApiException e) {
            if (!"DISCRETE_PAGINATION_LIMIT_EXCEEDED".equals(e.getCode())) {
                throw e;
            }
            truncated = true;
        }
        if (inbox != null) {
            Changes announced = reconcile(newer, truncated, from, max, inbox, serverTime.get());
            if (announced != null) {
                return announced;
            }
        }
        Changes changes = Scan.oldestFirst(newer, max);
        if (truncated) {
            LOG.warn("More than {} {} records were deleted since {}, and {}'s deleted-records list pages at most {}:"
                     + " deletions older than {} {}", api.pageNumberReach(), module, from.time(), api.product(),
                    api.pageNumberReach(), changes.changes().isEmpty() ? "now" : changes.changes().get(0).time(),
                    inbox != null ? "that no callback announced may be missing."
                            : "may be missing. Poll more often, or use notifications=true.");
            return changes.withOlderMissing();
        }
        return changes;
    }

    /**
     * Push mode: a read that could not reach back first hands over the announced deletions beyond its reach, then holds
     * what it listed until its oldest is {@link #ANNOUNCE_MARGIN} old; a read that reached back forgets the
     * announcements it did not list. Null when the listed deletions are to be delivered.
     */
    private Changes reconcile(List<Change> listedChanges, boolean truncated, Watermark from, int max,
                              DeletionInbox inbox, Instant readEnd) {
        Set<String> listed = new HashSet<>();
        OffsetDateTime oldest = null;
        for (Change c : listedChanges) {
            listed.add(c.id());
            oldest = oldest == null || c.time().isBefore(oldest) ? c.time() : oldest;
        }
        if (!truncated) {
            inbox.forgetUnlisted(listed, readEnd, KeysetReader.SETTLE_MARGIN);
            return null;
        }
        List<Change> beyond = inbox.beyondReach(listed, from);
        if (!beyond.isEmpty()) {
            LOG.info("More than {} {} records were deleted since {}: {} deletions beyond the deleted-records list's"
                     + " reach are delivered from their callbacks", api.pageNumberReach(), module, from.time(),
                    beyond.size());
            return Scan.oldestFirst(beyond, max).withOlderMissing().asAnnounced();
        }
        Instant hold = oldest == null ? null : oldest.toInstant().plus(ANNOUNCE_MARGIN);
        if (hold != null && hold.isAfter(readEnd)) {
            LOG.debug("{} deletions listed after a gap are held until {} for the callbacks of older ones", module, hold);
            return Changes.holding(hold);
        }
        return null;
    }

    /** Every deletion, as Zoho lists them: newest first, lazily paged. */
    RecordIterator newestFirst() {
        return reads.deleted(module, RecordQuery.create().type(DeletedType.all.name()).perPage(api.pageSize()));
    }
}
