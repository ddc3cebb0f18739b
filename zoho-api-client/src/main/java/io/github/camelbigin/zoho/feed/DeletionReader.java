package io.github.camelbigin.zoho.feed;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    private static final Logger LOG = LoggerFactory.getLogger(DeletionReader.class);

    private final RecordReads reads;
    private final ZohoApi api;
    private final String module;

    DeletionReader(RecordReads reads, ZohoApi api, String module) {
        this.reads = reads;
        this.api = api;
        this.module = module;
    }

    /** Up to {@code max} records deleted after {@code from}, oldest first. */
    Changes read(Watermark from, int max) {
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
        Changes changes = Scan.oldestFirst(newer, max);
        if (truncated) {
            LOG.warn("More than {} {} records were deleted since {}, and {}'s deleted-records list pages at most {}:"
                     + " deletions older than {} may be missing. Poll more often.", api.pageNumberReach(), module,
                    from.time(), api.product(), api.pageNumberReach(),
                    changes.changes().isEmpty() ? "now" : changes.changes().get(0).time());
            return changes.withOlderMissing();
        }
        return changes;
    }

    /** The watermark of the newest deletion. */
    Watermark newest() {
        // one page: Zoho lists deletions newest first, and the page is scanned whole in case it does not
        return Scan.newestOf(reads.deleted(module, RecordQuery.create().type(DeletedType.all.name())
                .perPage(api.pageSize()).page(1)), TIME_FIELD, row -> null, false);
    }
}
