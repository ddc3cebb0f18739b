package io.github.camelbigin.common.consumer;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which record, if any, the feed is stuck on: at least once means the feed stops at a record whose exchange failed and
 * delivers it again at every poll until its exchange completes. Read by JMX, the health check and the failure's WARN.
 */
final class StuckFeed {

    private static final Logger LOG = LoggerFactory.getLogger(StuckFeed.class);

    private final String label;
    private final Clock clock;
    private volatile StuckRecord stuck;

    StuckFeed(String label, Clock clock) {
        this.label = label;
        this.clock = clock;
    }

    /** The record the feed is stuck on, or null when it moves. */
    StuckRecord current() {
        return stuck;
    }

    /** An exchange of this record failed: the feed is stuck on it (once more, when it was already). */
    StuckRecord failed(String id, String type) {
        StuckRecord s = StuckRecord.failedAgain(stuck, id, type, clock.instant());
        stuck = s;
        return s;
    }

    /** An exchange of this record completed: if the feed was stuck on it, it moves again. */
    void movedPast(String id) {
        StuckRecord s = stuck;
        if (s != null && s.id().equals(id)) {
            LOG.info("{} moved past record {} after {} failed attempts since {}", label, id, s.attempts(), s.since());
            stuck = null;
        }
    }

    /** A poll delivered all it read: a stuck record was delivered, or is gone from the feed (changed again, deleted). */
    void pollCompleted() {
        StuckRecord s = stuck;
        if (s != null) {
            movedPast(s.id());
        }
    }

    void reset() {
        stuck = null;
    }
}
