package io.github.camelbigin.zoho.feed;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;

/** What one read of a feed found: changes oldest first, and whether more were waiting than it read. */
public final class Changes {

    private final List<Change> changes;
    private final boolean more;
    private final boolean olderMayBeMissing;
    private final boolean announced;
    private final Instant holdUntil;
    /** Where the read stopped, for the next read to go on from without asking a page again; null when it ended. */
    final KeysetReader.Session resume;

    Changes(List<Change> changes, boolean more, KeysetReader.Session resume) {
        this(changes, more, resume, false, false, null);
    }

    private Changes(List<Change> changes, boolean more, KeysetReader.Session resume, boolean olderMayBeMissing,
                    boolean announced, Instant holdUntil) {
        this.changes = changes;
        this.more = more;
        this.resume = resume;
        this.olderMayBeMissing = olderMayBeMissing;
        this.announced = announced;
        this.holdUntil = holdUntil;
    }

    /** These changes, marked as a read that could not reach back to its watermark. */
    Changes withOlderMissing() {
        return new Changes(changes, more, resume, true, announced, holdUntil);
    }

    /** These changes, marked as announced by callbacks rather than listed; the listed ones are still waiting. */
    Changes asAnnounced() {
        return new Changes(changes, true, resume, olderMayBeMissing, true, holdUntil);
    }

    /** No change yet: the listed ones wait until {@code until} for the callbacks that announce older ones. */
    static Changes holding(Instant until) {
        return new Changes(List.of(), false, null, true, false, until);
    }

    /**
     * Whether changes older than these may be missing: the server's list could not reach back to the watermark (Bigin's
     * deleted-records list pages at most 2,000 records and offers no page token).
     */
    public boolean olderMayBeMissing() {
        return olderMayBeMissing;
    }

    /**
     * Whether these deletions come from a {@link DeletionInbox} — announced by callbacks, beyond the deleted list's
     * reach — rather than from the list: each is done by {@link DeletionInbox#delivered}, and does not move the
     * deletions' watermark (the listed deletions newer than them are still to come, so {@link #more()} is true).
     */
    public boolean announced() {
        return announced;
    }

    /**
     * When a read held back what it listed (Bigin's server time), or null when it did not: after a mass deletion the
     * listed deletions wait until the callbacks announcing the older ones beyond the list's reach have had time to
     * arrive, for once they are delivered the watermark passes those older ones. Read again then.
     */
    public Instant holdUntil() {
        return holdUntil;
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
