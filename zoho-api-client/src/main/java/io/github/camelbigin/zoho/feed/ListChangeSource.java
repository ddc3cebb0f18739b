package io.github.camelbigin.zoho.feed;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

import io.github.camelbigin.zoho.records.Approval;
import io.github.camelbigin.zoho.records.RecordIterator;
import io.github.camelbigin.zoho.records.RecordQuery;
import io.github.camelbigin.zoho.records.RecordReads;
import io.github.camelbigin.zoho.records.SortOrder;

/**
 * Changes through {@code GET /{module}?sort_by=<time field>&sort_order=asc} with {@code If-Modified-Since} one second
 * before the anchor, so that "after" and "at or after" readings of the header both include the anchor's second. The
 * server's filtering is never relied on: the reader filters every row again.
 */
final class ListChangeSource implements ChangeSource {

    private final RecordReads reads;
    private final String module;
    private final String timeField;
    private final Supplier<List<String>> fields;
    private final int pageSize;
    private final Approval approval;

    ListChangeSource(RecordReads reads, String module, String timeField, Supplier<List<String>> fields, int pageSize,
                     Approval approval) {
        this.approval = approval;
        this.reads = reads;
        this.module = module;
        this.timeField = timeField;
        this.fields = fields;
        this.pageSize = pageSize;
    }

    @Override
    public RecordIterator since(Watermark anchor) {
        RecordQuery q = query(SortOrder.asc);
        OffsetDateTime at = anchor.time();
        if (at != null) {
            q.ifModifiedSince(anchor.sealed() ? at : at.minusSeconds(1));
        }
        return reads.list(module, q);
    }

    @Override
    public RecordIterator newestFirst(int max) {
        return reads.list(module, query(SortOrder.desc).maxRecords(max));
    }

    /** The first page of the records newest first, with only {@code fieldsRead} (and the id). */
    RecordIterator newestPage(List<String> fieldsRead) {
        return reads.list(module, query(SortOrder.desc, fieldsRead).page(1));
    }

    private RecordQuery query(SortOrder order) {
        return query(order, fields.get());
    }

    private RecordQuery query(SortOrder order, List<String> fieldsRead) {
        // a record changed between the reads of a wide record's field chunks comes again, newer, later in the feed
        return RecordQuery.create().fields(fieldsRead).sortBy(timeField).sortOrder(order.name()).perPage(pageSize)
                .skipChangedDuringRead(true).approved(approval);
    }

    @Override
    public boolean mayIgnoreFilter() {
        return true;
    }
}
