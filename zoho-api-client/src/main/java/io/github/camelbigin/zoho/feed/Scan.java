package io.github.camelbigin.zoho.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    /** Zoho ids are numbers written as strings: compare them as numbers. */
    static int compareIds(String a, String b) {
        int c = Integer.compare(a.length(), b.length());
        return c != 0 ? c : a.compareTo(b);
    }
}
