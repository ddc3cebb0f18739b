package io.github.camelbigin.common.consumer;

import java.time.Instant;
import java.util.List;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.FeedSettings;
import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.zoho.feed.DeletionInbox;
import io.github.camelbigin.zoho.feed.FeedState;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a consumer keeps what it delivered: its {@link FeedState} (and in push mode the deletions callbacks announced)
 * in a Camel {@link StateRepository}, under its state key. A durable repository is written every stateSaveEvery
 * exchanges, so a crash repeats fewer records than that; the default in-memory one dies with the JVM, so only the end
 * of a poll and a stop write it.
 */
final class FeedStore {

    private static final Logger LOG = LoggerFactory.getLogger(FeedStore.class);
    /** A state of n ids (n over 128) is saved at most every n/8 exchanges: about 350 bytes written per record at most. */
    private static final int LARGE_STATE_IDS_PER_SAVE = 8;
    /** Up to this many ids (a few kilobytes) the state is saved every stateSaveEvery exchanges, whatever its size. */
    private static final int SMALL_STATE_IDS = 128;

    private final StateRepository<String, String> repository;
    private final boolean durable;
    private final String key;
    private final int saveEvery;
    private final String label;
    private final FeedSettings feed;
    private FeedState state;
    /** Push mode with deletions: the deleted ids callbacks announced, not yet delivered; null otherwise. */
    private DeletionInbox inbox;
    private long inboxSaved = -1;
    private int unsaved;

    FeedStore(EndpointScope scope) {
        ZohoConfiguration c = scope.config();
        this.feed = scope.settings().feed();
        this.durable = c.getStateRepository() != null;
        this.repository = durable ? c.getStateRepository() : scope.memoryState();
        this.key = c.getStateKey() != null ? c.getStateKey() : scope.label() + ":" + String.join(",", feed.events());
        this.saveEvery = c.getStateSaveEvery();
        this.label = scope.label();
    }

    /** The consumer starts: the state is read again from the repository (another node may have moved it). */
    void start(boolean withInbox) {
        ServiceHelper.startService(repository);
        state = null;
        inbox = withInbox ? DeletionInbox.fromJson(repository.getState(inboxKey())) : null;
        inboxSaved = inbox == null ? -1 : inbox.revision();
    }

    String key() {
        return key;
    }

    /** The state delivered so far, or null before it was read or started. */
    FeedState state() {
        return state;
    }

    /** The deletions callbacks announced and the feed has not delivered yet (push mode with deletions), or null. */
    DeletionInbox inbox() {
        return inbox;
    }

    /** Whether the repository holds no state for this consumer: it starts from initialPosition. */
    boolean isNew() {
        return repository.getState(key) == null;
    }

    /** The stored state, read. */
    FeedState resume() {
        state = FeedState.fromJson(repository.getState(key));
        LOG.info("{} resumes: {}", label, state.describe(feed.changes(), feed.deletions()));
        return state;
    }

    /** A new feed's starting state, saved at once: a restart before the first change must not move it. */
    FeedState begin(FeedState fresh) {
        LOG.info("{} starts: {}", label, fresh.describe(feed.changes(), feed.deletions()));
        repository.setState(key, fresh.toJson());
        state = fresh;
        return fresh;
    }

    /**
     * A delete callback (on the HTTP server's thread): its ids are kept, and saved before the callback is answered,
     * so that a deletion beyond the deleted-records list's reach survives a crash too.
     */
    void announced(List<String> ids, Instant at) {
        if (inbox.announce(ids, at)) {
            saveInbox();
        }
    }

    /** An event is done (delivered, or passed over as not asked for): the watermark moves past it and may be saved. */
    void done(Event event) {
        advance(event);
        // a large state (thousands of ids sharing one second, in a burst) is saved less often, so the bytes written
        // per record stay small: a crash in such a burst may repeat up to size/8 records, never lose one
        int size = state.size() + (inbox != null ? inbox.size() : 0);
        int every = size > SMALL_STATE_IDS ? Math.max(saveEvery, size / LARGE_STATE_IDS_PER_SAVE) : saveEvery;
        if (durable && ++unsaved >= every) {
            write();
        }
    }

    /** The watermark moves past an event, unsaved (a batch exchange's events move together, then are written). */
    void advance(Event event) {
        if (event.bulk()) {
            state.bulkRecordDone(event.record());
        } else if (event.deletion()) {
            if (!event.announced()) {
                state.deletionDone(event.record()); // an announced one is older than the listed ones still to come
            }
            if (inbox != null) {
                inbox.delivered(event.id());
            }
        } else {
            state.changeDone(event.record(), event.time(), event.type(), event.fingerprint());
        }
    }

    /** Saves the watermark (and the announced deletions after it: a crash in between repeats deletions, never loses one). */
    void write() {
        if (state == null) {
            return;
        }
        repository.setState(key, state.toJson());
        if (inbox != null) {
            saveInbox();
        }
        unsaved = 0;
    }

    /** Where push mode keeps the deletions callbacks announced: beside the watermark. */
    private String inboxKey() {
        return key + ":announcedDeletions";
    }

    private void saveInbox() {
        synchronized (inbox) { // the poller and the callbacks both save it: the newest must be written last
            long revision = inbox.revision();
            if (revision != inboxSaved) {
                repository.setState(inboxKey(), inbox.toJson());
                inboxSaved = revision;
            }
        }
    }
}
