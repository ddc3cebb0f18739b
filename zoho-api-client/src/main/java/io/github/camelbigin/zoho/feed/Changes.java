package io.github.camelbigin.zoho.feed;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;

/** What one read of a feed found: changes oldest first, and whether more were waiting than it read. */
public final class Changes {

    private final List<Change> changes;
    private final boolean more;
    private final boolean olderMayBeMissing;
    /** Where the read stopped, for the next read to go on from without asking a page again; null when it ended. */
    final KeysetReader.Session resume;

    Changes(List<Change> changes, boolean more, KeysetReader.Session resume) {
        this(changes, more, resume, false);
    }

    private Changes(List<Change> changes, boolean more, KeysetReader.Session resume, boolean olderMayBeMissing) {
        this.changes = changes;
        this.more = more;
        this.resume = resume;
        this.olderMayBeMissing = olderMayBeMissing;
    }

    /** These changes, marked as a read that could not reach back to its watermark. */
    Changes withOlderMissing() {
        return new Changes(changes, more, resume, true);
    }

    /**
     * Whether changes older than these may be missing: the server's list could not reach back to the watermark (Bigin's
     * deleted-records list pages at most 2,000 records and offers no page token).
     */
    public boolean olderMayBeMissing() {
        return olderMayBeMissing;
    }

    /** The changes, oldest first. */
    public List<Change> changes() {
        return changes;
    }

    /** The changed records, oldest first. */
    public List<Map<String, Object>> records() {
        return new AbstractList<>() {
            @Override
            public Map<String, Object> get(int index) {
                return changes.get(index).record();
            }

            @Override
            public int size() {
                return changes.size();
            }
        };
    }

    /** Whether more changes are waiting than were read (the read stopped at its limit). */
    public boolean more() {
        return more;
    }
}
