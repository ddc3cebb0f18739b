package io.github.camelbigin.zoho.feed;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.camelbigin.zoho.records.ZohoTime;

/** What the readers of changes and of deletions both do with the rows they scanned. */
final class Scan {

    private static final Comparator<Change> OLDEST_FIRST = Comparator
            .comparing((Change c) -> c.time().toInstant())
            .thenComparing(Change::id, Scan::compareIds);

    private Scan() {
    }

    /** The first {@code max} changes by (time, id), and whether more were left. */
    static Changes oldestFirst(List<Change> changes, int max) {
        changes.sort(OLDEST_FIRST);
        if (changes.size() > max) {
            return new Changes(new ArrayList<>(changes.subList(0, max)), true, null);
        }
        return new Changes(changes, false, null);
    }

    /**
     * The watermark of the newest rows: their second, with each id there and its fingerprint ({@code fingerprint} may
     * answer null). {@code sortedNewestFirst} lets the scan stop at the first older row.
     */
    static Watermark newestOf(Iterator<Map<String, Object>> rows, String field,
                              Function<Map<String, Object>, String> fingerprint, boolean sortedNewestFirst) {
        OffsetDateTime newest = null;
        Map<String, String> ids = new LinkedHashMap<>();
        while (rows.hasNext()) {
            Map<String, Object> row = rows.next();
            OffsetDateTime t = ZohoTime.of(row, field);
            if (t == null) {
                continue;
            }
            if (newest == null || t.toInstant().isAfter(newest.toInstant())) {
                newest = t;
                ids.clear();
                ids.put(String.valueOf(row.get("id")), fingerprint.apply(row));
            } else if (t.toInstant().equals(newest.toInstant())) {
                ids.put(String.valueOf(row.get("id")), fingerprint.apply(row));
            } else if (sortedNewestFirst) {
                break; // nothing after this row can tie with the newest
            }
        }
        return newest == null ? Watermark.BEGINNING : new Watermark(newest, ids, false);
    }

    /** Zoho ids are numbers written as strings: compare them as numbers. */
    static int compareIds(String a, String b) {
        int c = Integer.compare(a.length(), b.length());
        return c != 0 ? c : a.compareTo(b);
    }
}
