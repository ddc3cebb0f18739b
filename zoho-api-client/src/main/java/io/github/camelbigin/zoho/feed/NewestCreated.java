package io.github.camelbigin.zoho.feed;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.camelbigin.zoho.records.RecordIterator;
import io.github.camelbigin.zoho.records.RecordReads;
import io.github.camelbigin.zoho.records.ZohoTime;

/**
 * The cheap read of a feed of new records through the list API. A list's {@code If-Modified-Since} is about
 * {@code Modified_Time}: read oldest first from the creation watermark, it would bring back every old record edited
 * since, at every poll, until a newer record is created. Read newest first by {@code Created_Time} instead, one page
 * that reaches back to the watermark holds every new record, whatever was edited: an idle poll is one call. When the
 * feed reads more fields than one request names (a wide module), that page asks only the time field, and only a page
 * with new records is read again whole (one call a chunk of fields).
 * <p>
 * A page is never followed by another (a record deleted meanwhile would shift the next page past one unread): when new
 * records fill the page, {@link #read} answers null and the keyset reader reads them oldest first, as for any backlog.
 */
final class NewestCreated {

    private final ListChangeSource source;
    private final RecordReads reads;
    private final String timeField;
    private final Supplier<List<String>> fields;

    NewestCreated(ListChangeSource source, RecordReads reads, String timeField, Supplier<List<String>> fields) {
        this.source = source;
        this.reads = reads;
        this.timeField = timeField;
        this.fields = fields;
    }

    /** Up to {@code max} records created after {@code from}, oldest first; null when they do not fit in one page. */
    Changes read(Watermark from, int max) {
        if (from.time() == null) {
            return null; // from the beginning: every record is new, a backlog by definition
        }
        List<String> all = fields.get();
        boolean oneCall = reads.fieldChunks(all).size() == 1;
        List<Change> created = newerOnOnePage(source.newestPage(oneCall ? all : List.of(timeField)), from);
        if (created == null || created.isEmpty() || oneCall) {
            return created == null ? null : Scan.oldestFirst(created, max);
        }
        // the probe found new records: read the page again with every field (records created meanwhile may have
        // pushed some off it; then the keyset reader takes over)
        created = newerOnOnePage(source.newestPage(all), from);
        return created == null ? null : Scan.oldestFirst(created, max);
    }

    /** The records of a newest-first page that come after {@code from}; null when the page does not reach back to it. */
    private List<Change> newerOnOnePage(RecordIterator page, Watermark from) {
        List<Change> newer = new ArrayList<>();
        while (page.hasNext()) {
            Map<String, Object> row = page.next();
            OffsetDateTime t = ZohoTime.of(row, timeField);
            if (t == null) {
                continue;
            }
            if (from.isNew(t, String.valueOf(row.get("id")), null)) {
                newer.add(new Change(row, t, null));
            } else if (from.sealed() || t.toInstant().isBefore(from.time().toInstant())) {
                return newer; // newest first: every row after this one is older still
            }
        }
        return page.moreRecords() ? null : newer; // a page without an older row reaches back only if it was the last
    }
}
