package io.github.camelbigin.common.consumer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.FeedSettings;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.feed.Change;
import io.github.camelbigin.zoho.feed.ChangeFeed;
import io.github.camelbigin.zoho.feed.Changes;
import io.github.camelbigin.zoho.feed.DeletionInbox;
import io.github.camelbigin.zoho.feed.FeedState;
import io.github.camelbigin.zoho.feed.Watermark;
import io.github.camelbigin.zoho.http.ZohoApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what one poll delivers from the change feed: the changes and deletions after the watermark, each told created
 * or updated by the state, in time order, at most maxMessagesPerPoll of them. Also where a new feed starts: with
 * initialPosition=now, the starting point read when the route starts.
 */
final class FeedPoll {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoll.class);

    /** What a poll read. */
    record Batch(List<Event> events, boolean more, boolean deletionsMayBeMissing, Instant readAgainAt,
                 Instant pollStart) {
    }

    private final EndpointScope scope;
    private final FeedSettings feed;
    private final ZohoClient client;
    private final ChangeFeed reader;
    private final AtomicLong deletionGaps = new AtomicLong();
    /**
     * initialPosition=now, when the route's start could not read its starting point (Zoho out of reach): when the
     * route started (System.nanoTime), so the first poll starts the feed from there; else 0.
     */
    private long startPending;

    FeedPoll(EndpointScope scope) {
        this.scope = scope;
        this.feed = scope.settings().feed();
        this.client = scope.client();
        this.reader = new ChangeFeed(client, scope.module(), feed.fields(), feed.timeField(), feed.detection(),
                scope.config().getApproved());
    }

    /**
     * Finds at start what a call can tell and only a person can fix: the field metadata a read of every field needs
     * (asked once, kept by the client) answers for an unknown module, refused credentials or a missing scope. Such a
     * failure stops the route from starting; a passing one (no network, 5xx) is left to the polls.
     */
    void checkModule() {
        if (feed.fields() != null) {
            return; // no metadata needed: the first poll tells
        }
        try {
            client.metadata().defaultFields(scope.module());
        } catch (ZohoApiException e) {
            if (!e.isTransient()) {
                throw e.during(client.api(), "poll", scope.module());
            }
            LOG.warn("{} could not check its module at start ({}); the polls will try again", scope.label(),
                    e.getMessage());
        }
    }

    /**
     * initialPosition=now: the feed starts when the route starts, not at its first poll, so a record changed after
     * start() returned is delivered even when the first poll comes much later (initialDelay). The starting point holds
     * every record of the newest second, whatever their number. When Zoho cannot be read now (out of reach, or the
     * credentials refused), the first poll that can starts the feed at the second the route started (by Zoho's clock),
     * with no ids: a record of that second that existed before may then come too — at least once, never lost.
     *
     * @return the starting point, or null when it must wait for the first poll
     */
    FeedState startNow() {
        startPending = 0;
        try {
            return startingPoint();
        } catch (ZohoApiException e) {
            // the polls report the failure (once, backing off when only a person can fix it)
            startPending = System.nanoTime();
            LOG.info("{} could not read its starting point at start ({}); the first poll that can starts the feed from"
                     + " the second the route started", scope.label(), e.getMessage());
            return null;
        }
    }

    /** The feed's starting point now: every id of the newest second, or from when the route started. */
    FeedState startingPoint() {
        Watermark changes = feed.changes() ? reader.startingPoint() : Watermark.BEGINNING;
        Watermark deletions = feed.deletions() ? reader.deletionsStartingPoint() : Watermark.BEGINNING;
        if (startPending != 0) {
            // later than the start: everything from the start's second on is new (at least once)
            Watermark started = Watermark.at(OffsetDateTime.ofInstant(client.serverTime()
                    .minusNanos(System.nanoTime() - startPending).truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
            changes = feed.changes() ? started : changes;
            deletions = feed.deletions() ? started : deletions;
            startPending = 0;
        }
        return new FeedState(changes, deletions);
    }

    /**
     * The next batch after {@code state}: at most {@code max} events, oldest first.
     *
     * @param readAhead where the next batch of a backlog is read while this one is delivered; null: on demand
     * @param inbox     the deletions callbacks announced (push mode), or null
     */
    Batch read(FeedState state, int max, ExecutorService readAhead, DeletionInbox inbox) {
        reader.readAhead(readAhead);
        Instant pollStart = client.serverTime();
        state.seal(ChangeFeed.SETTLE_MARGIN); // a second that long before a complete poll gains no record
        List<Event> events = new ArrayList<>();
        boolean more = false;
        boolean mayBeMissing = false;
        Instant readAgainAt = null;
        if (feed.changes()) {
            Changes changes = reader.read(state.changes(), max);
            more = changes.more();
            Set<String> createdHere = new HashSet<>();
            for (Change c : changes.changes()) {
                String type = state.classify(c.record());
                if ("created".equals(type) && !createdHere.add(c.id())) {
                    type = "updated"; // changed again after this read passed it: its second version is an update
                }
                boolean deliver = feed.events().contains(type) && !state.deliveredByBulkLoad(c.record());
                events.add(new Event(c.record(), false, type, c.time(), deliver, c.fingerprint(), false, false));
            }
        }
        if (feed.deletions()) {
            Changes deleted = inbox != null ? reader.readDeleted(state.deletions(), max, inbox)
                    : reader.readDeleted(state.deletions(), max);
            more |= deleted.more();
            mayBeMissing = deleted.olderMayBeMissing();
            readAgainAt = deleted.holdUntil();
            if (mayBeMissing) {
                deletionGaps.incrementAndGet();
            }
            for (Change c : deleted.changes()) {
                events.add(new Event(c.record(), true, "deleted", c.time(), true, null, deleted.announced(), false));
            }
        }
        events.sort(Comparator.comparing(e -> e.time().toInstant())); // stable: each kind keeps its own order
        if (events.size() > max) {
            events = new ArrayList<>(events.subList(0, max));
            more = true;
        }
        return new Batch(events, more, mayBeMissing, readAgainAt, pollStart);
    }

    /** Polls whose deletions could not reach back to the watermark. */
    long deletionGaps() {
        return deletionGaps.get();
    }

    /** Throws away what was read ahead: the next read starts at the failed record, not where the batch ended. */
    void cancelReadAhead() {
        reader.cancelReadAhead();
    }
}
