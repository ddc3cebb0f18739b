package io.github.camelbigin.zoho.feed;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.RecordIterator;
import io.github.camelbigin.zoho.records.ZohoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the changes after a watermark from a {@link ChangeSource}, oldest first. Every page is anchored on the
 * watermark as it stands after the previous page ("keyset" paging): a record modified while the feed pages moves to the
 * end and is read again later, never skipped, and no plain page number has to pass the 2,000-record reach of page
 * numbers (only a group of more than 2,000 records sharing one second would).
 */
final class KeysetReader {

    /**
     * How long after a second no record can appear in it or change within it any more (Zoho's write and index lag stay
     * well within it).
     */
    static final Duration SETTLE_MARGIN = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(KeysetReader.class);

    private final ChangeSource source;
    private final ZohoApi api;
    private final String module;
    private final String timeField;
    private final Function<Map<String, Object>, String> fingerprint;

    KeysetReader(ChangeSource source, ZohoApi api, String module, String timeField,
                 Function<Map<String, Object>, String> fingerprint) {
        this.source = source;
        this.api = api;
        this.module = module;
        this.timeField = timeField;
        this.fingerprint = fingerprint;
    }

    /**
     * Where a read stopped at its limit, to go on from there when the next read starts where it ended (the usual case:
     * the consumer delivered everything): no page is asked twice across a backlog's polls.
     */
    record Session(Watermark end, RecordIterator rows, Watermark anchor, boolean verified, Map<String, Object> next) {
    }

    /**
     * Up to {@code max} changes after {@code from}, going on with {@code resume} when it ended there; null when
     * {@code stop} said so between two pages.
     */
    Changes read(Watermark from, int max, Session resume, BooleanSupplier stop) {
        try {
            return readAnchored(from, max, resume, stop);
        } catch (ZohoApiException e) {
            if ("DISCRETE_PAGINATION_LIMIT_EXCEEDED".equals(e.getCode())) {
                throw new ZohoApiException(api, "poll", module, e.getStatusCode(), "TOO_MANY_AT_ONCE", "more than "
                        + api.pageNumberReach() + " " + module + " records share one " + timeField + " second after "
                        + from.time() + ", and " + api.product() + " gives no page token to page past them: use"
                        + " changeDetection=coql", null, e);
            }
            throw e;
        }
    }

    private Changes readAnchored(Watermark from, int max, Session resume, BooleanSupplier stop) {
        List<Change> out = new ArrayList<>();
        Watermark.Tracker cursor = new Watermark.Tracker(from);
        Watermark anchor;
        RecordIterator rows;
        boolean verified;
        Map<String, Object> pending = null;
        boolean first;
        if (resume != null && resume.end().equals(from)) {
            anchor = resume.anchor();
            rows = resume.rows();
            verified = resume.verified();
            pending = resume.next();
            first = false;
        } else {
            anchor = from;
            rows = source.since(anchor);
            verified = false;
            first = true;
        }
        while (true) {
            if (pending == null) {
                if (rows.endOfPage() && stop.getAsBoolean()) {
                    return null; // a read ahead no one waits for any more: no further page
                }
                if (!rows.hasNext()) {
                    break;
                }
            }
            Map<String, Object> row = pending != null ? pending : rows.next();
            pending = null;
            OffsetDateTime t = ZohoTime.of(row, timeField);
            if (first && source.mayIgnoreFilter() && anchor.time() != null
                    && ZohoTime.of(row, "Modified_Time").isBefore(anchor.time().minusSeconds(1))) {
                // If-Modified-Since is about Modified_Time, whichever field the feed follows
                LOG.debug("{} ignored If-Modified-Since on {}: reading the newest changes first instead",
                        api.product(), module);
                return readNewestFirst(from, max);
            }
            first = false;
            if (t == null) {
                continue;
            }
            String id = String.valueOf(row.get("id"));
            if (!verified && anchor.time() != null && !anchor.sealed() && rows.pagesFetched() > 1
                    && t.toInstant().isAfter(anchor.time().toInstant())) {
                // the records of the anchor's second took more than a page: pages are offsets, so one that moved
                // meanwhile could have shifted another out of sight. Read that second again before leaving it.
                rows = source.since(anchor);
                verified = true;
                first = true;
                continue;
            }
            String fp = fingerprint.apply(row);
            if (cursor.isNew(t, id, fp)) {
                if (out.size() == max) {
                    return new Changes(out, true, new Session(cursor.snapshot(), rows, anchor, verified, row));
                }
                out.add(new Change(row, t, fp));
                cursor.advance(t, id, fp);
            }
            if (rows.endOfPage() && rows.hasMorePages() && cursor.time() != null
                    && (anchor.time() == null || cursor.time().toInstant().isAfter(anchor.time().toInstant()))) {
                // re-anchor on the watermark: a record modified while the feed pages moves behind it, not past it
                anchor = cursor.snapshot();
                rows = source.since(anchor);
                first = true;
                verified = false;
            }
        }
        return new Changes(out, false, null);
    }

    /** For servers that ignore If-Modified-Since: page from the newest record back to the watermark. */
    private Changes readNewestFirst(Watermark from, int max) {
        List<Change> newer = new ArrayList<>();
        try {
            RecordIterator it = source.newestFirst(0);
            while (it.hasNext()) {
                Map<String, Object> row = it.next();
                OffsetDateTime t = ZohoTime.of(row, timeField);
                if (t == null) {
                    continue;
                }
                String fp = fingerprint.apply(row);
                if (!from.isNew(t, String.valueOf(row.get("id")), fp)) {
                    if (t.toInstant().isBefore(from.time().toInstant()) || from.sealed()) {
                        break; // newest first: everything after this row is older still
                    }
                } else {
                    newer.add(new Change(row, t, fp));
                }
            }
        } catch (ZohoApiException e) {
            if ("DISCRETE_PAGINATION_LIMIT_EXCEEDED".equals(e.getCode())) {
                throw new ZohoApiException(api, "poll", module, e.getStatusCode(), "TOO_MANY_CHANGES", api.product()
                        + " ignores If-Modified-Since and gives no page token, so more than " + api.pageNumberReach()
                        + " changes since " + from.time() + " cannot be read oldest first: poll more often, or use"
                        + " changeDetection=coql", null, e);
            }
            throw e;
        }
        return Scan.oldestFirst(newer, max);
    }
}
