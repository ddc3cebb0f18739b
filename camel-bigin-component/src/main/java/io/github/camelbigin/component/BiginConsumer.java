package io.github.camelbigin.component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbigin.zoho.credits.CreditBudgetExceededException;
import io.github.camelbigin.zoho.feed.Change;
import io.github.camelbigin.zoho.feed.ChangeFeed;
import io.github.camelbigin.zoho.feed.Changes;
import io.github.camelbigin.zoho.feed.DeletionInbox;
import io.github.camelbigin.zoho.feed.FeedState;
import io.github.camelbigin.zoho.feed.InitialLoad;
import io.github.camelbigin.zoho.feed.Watermark;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.http.ZohoJson;
import io.github.camelbigin.zoho.records.ZohoTime;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a Bigin module and emits one exchange per created, updated or deleted record, oldest first.
 * <p>
 * Delivery is at least once with duplicate suppression: the watermark advances only after an exchange completed
 * (after the route's error handler), and is kept in a Camel {@link StateRepository}. An exchange that fails stops the
 * batch; it and every record after it are read again at the next poll. With {@code useIterator=false} a poll is one
 * exchange whose body is the List of its records, done or repeated as a whole. See {@link ChangeFeed} for how
 * changes are read and {@link FeedState} for how created records are told from updated ones.
 */
@ManagedResource(description = "Managed Zoho Bigin consumer")
public class BiginConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(BiginConsumer.class);
    private static final ObjectMapper JSON = ZohoJson.MAPPER;
    /** A state of n ids (n over 128) is saved at most every n/8 exchanges: about 350 bytes written per record at most. */
    private static final int LARGE_STATE_IDS_PER_SAVE = 8;
    /** Up to this many ids (a few kilobytes) the state is saved every stateSaveEvery exchanges, whatever its size. */
    private static final int SMALL_STATE_IDS = 128;
    private static final int MAX_POLLS_SKIPPED = 32;
    /** Records an initial bulk load hands over per poll at most: the rows a poll holds in memory. */
    private static final int BULK_LOAD_BATCH = 1000;
    static final String INITIAL_LOAD = "initialLoad";

    /** One record to emit (or to pass over, when its event type was not asked for). */
    private static final class Event {
        final Map<String, Object> record;
        final boolean deletion;
        final String type;
        final OffsetDateTime time;
        final boolean deliver;
        final String fingerprint;
        /** A deletion a callback announced beyond the deleted-records list's reach (push mode). */
        final boolean announced;
        /** A record of the initial bulk load. */
        boolean bulk;

        Event(Map<String, Object> record, boolean deletion, String type, OffsetDateTime time, boolean deliver,
              String fingerprint, boolean announced) {
            this.record = record;
            this.deletion = deletion;
            this.type = type;
            this.time = time;
            this.deliver = deliver;
            this.fingerprint = fingerprint;
            this.announced = announced;
        }
    }

    private final ZohoEndpoint endpoint;
    private final BiginConfiguration config;
    private final HeaderNames headers;
    private final FeedSettings settings;
    private StateRepository<String, String> repository;
    private String stateKey;
    private ChangeFeed reader;
    private FeedState state;
    private volatile boolean backlog;
    private int unsaved;
    private Instant pollStart;
    private ExecutorService readAhead;
    /** Whether the last poll delivered its whole batch: only then may the next read go ahead of delivery. */
    private boolean lastPollComplete = true;
    /** Polls in a row that failed in a way only a person can fix (unknown module, refused credentials, no scope). */
    private int permanentFailures;
    private int pollsToSkip;
    /** Push mode's channel and wake-ups; null in polling mode. */
    private volatile PushMode push;
    /** initialLoad=bulk while the load runs; null otherwise. */
    private InitialLoad initialLoad;
    /** Push mode with deletions: the deleted ids callbacks announced, not yet delivered; null otherwise. */
    private DeletionInbox inbox;
    private long inboxSaved = -1;
    /** Whether the current poll's deletions could not reach back to the watermark (Bigin's 2,000-record list). */
    private boolean deletionsMayBeMissing;
    private final AtomicLong deletionGaps = new AtomicLong();
    /** While the credit budget is spent: when credits free up (the consumer makes no call until then), else null. */
    private volatile Instant pausedUntil;
    /** When the last poll held deletions back to read them again (push mode after a mass deletion), else null. */
    private Instant readAgainAt;
    /** Why the current poll runs, for the CamelBiginTrigger header. */
    private String trigger = "poll";
    /** The record whose exchange failed last and that the feed has not moved past since, or null. */
    private volatile StuckRecord stuck;
    /**
     * initialPosition=now, when the route's start could not read its starting point (Zoho out of reach): when the
     * route started (System.nanoTime), so the first poll starts the feed from there; else 0.
     */
    private long startPending;

    public BiginConsumer(ZohoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.headers = endpoint.headers();
        this.settings = endpoint.feedSettings();
        setMaxMessagesPerPoll(config.getMaxMessagesPerPoll());
    }

    @Override
    public ZohoEndpoint getEndpoint() {
        return endpoint;
    }

    /** The key of this consumer's watermark in the state repository. */
    public String getStateKey() {
        return stateKey;
    }

    /** The watermarks delivered so far, or null before the first poll. */
    public FeedState getState() {
        return state;
    }

    @ManagedAttribute(description = "The watermark of created/updated records delivered")
    public String getWatermark() {
        FeedState s = state;
        return s == null ? null : String.valueOf(s.changes());
    }

    @ManagedAttribute(description = "The watermark of deleted records delivered")
    public String getDeletionsWatermark() {
        FeedState s = state;
        return s == null ? null : String.valueOf(s.deletions());
    }

    @ManagedAttribute(description = "The key of the watermark in the state repository")
    public String getWatermarkKey() {
        return stateKey;
    }

    @ManagedAttribute(description = "Whether the last poll stopped at maxMessagesPerPoll with more changes waiting")
    public boolean isBacklog() {
        return backlog;
    }

    @ManagedAttribute(description = "Polls whose deletions could not reach back to the watermark: more than 2,000 records"
                                    + " deleted between two polls, so older deletions may be missing")
    public long getDeletionGaps() {
        return deletionGaps.get();
    }

    @ManagedAttribute(description = "While the connection's credit budget is spent: when the consumer resumes"
                                    + " (null when it is not paused)")
    public String getPausedUntil() {
        Instant p = pausedUntil;
        return p == null ? null : p.toString();
    }

    @ManagedAttribute(description = "The id of the record whose exchange keeps failing, so the feed does not move past it"
                                    + " (null when the feed moves)")
    public String getStuckRecordId() {
        StuckRecord s = stuck;
        return s == null ? null : s.id();
    }

    @ManagedAttribute(description = "How many polls in a row the stuck record's exchange failed (0 when the feed moves)")
    public int getStuckAttempts() {
        StuckRecord s = stuck;
        return s == null ? 0 : s.attempts();
    }

    @ManagedAttribute(description = "When the stuck record's exchange first failed (null when the feed moves)")
    public String getStuckSince() {
        StuckRecord s = stuck;
        return s == null ? null : s.since().toString();
    }

    /** The record the feed is stuck on, or null when it moves. */
    StuckRecord stuck() {
        return stuck;
    }

    @ManagedAttribute(description = "Push mode: the notification channel's id (null in polling mode)")
    public String getChannelId() {
        PushMode p = push;
        return p == null ? null : p.channelId();
    }

    @ManagedAttribute(description = "Push mode: callbacks accepted (each wakes a poll; a burst wakes one)")
    public long getCallbacksAccepted() {
        PushMode p = push;
        return p == null ? 0 : p.acceptedCallbacks();
    }

    @ManagedAttribute(description = "Push mode: callbacks refused as forged (403) or malformed (400)")
    public long getCallbacksRefused() {
        PushMode p = push;
        return p == null ? 0 : p.refusedCallbacks();
    }

    @Override
    protected void doStart() throws Exception {
        // before super.doStart(): that schedules the first poll, which may run at once
        repository = config.getStateRepository() != null ? config.getStateRepository() : endpoint.memoryState();
        ServiceHelper.startService(repository);
        stateKey = config.getStateKey() != null ? config.getStateKey()
                : endpoint.label() + ":" + String.join(",", settings.events);
        state = null; // read again from the repository: another node may have moved it
        reader = new ChangeFeed(endpoint.getClient(), config.getModule(), BiginConfiguration.splitList(config.getFields()),
                settings.timeField, settings.detection, config.getApproved());
        stuck = null;
        startPending = 0;
        backlog = false;
        lastPollComplete = true;
        permanentFailures = 0;
        pollsToSkip = 0;
        checkAtStart();
        if (settings.startNow && repository.getState(stateKey) == null) {
            startNow();
        }
        if (getExceptionHandler() instanceof LoggingExceptionHandler) {
            setExceptionHandler(new OncePerFailureExceptionHandler(getExceptionHandler(), LOG));
        }
        if (config.isNotifications()) {
            inbox = settings.deletions() ? DeletionInbox.fromJson(repository.getState(inboxKey())) : null;
            inboxSaved = inbox == null ? -1 : inbox.revision();
            PushMode starting = new PushMode(endpoint, stateKey, new ArrayList<>(settings.events),
                    inbox == null ? null : this::announced);
            starting.start(); // throws, leaving nothing open, when the channel is refused
            push = starting;
        }
        if (push == null) {
            PollSchedule.warnIfCostly(endpoint, endpoint.label(), LOG);
        }
        if (config.isReadAhead() && !settings.deletions()) {
            // (deletions interleave with changes by time, so a batch may end before the changes read: nothing to go on)
            readAhead = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "BiginReadAhead");
        }
        super.doStart();
        endpoint.consumers().add(this);
    }

    /**
     * Finds at start what a call can tell and only a person can fix: the field metadata a read of every field needs
     * (asked once, kept by the client) answers for an unknown module, refused credentials or a missing scope. Such a
     * failure stops the route from starting; a passing one (no network, 5xx) is left to the polls.
     */
    private void checkAtStart() {
        if (config.getFields() != null) {
            return; // no metadata needed: the first poll tells
        }
        try {
            endpoint.getClient().metadata().defaultFields(config.getModule());
        } catch (ZohoApiException e) {
            if (!e.isTransient()) {
                throw e.during(endpoint.getClient().api(), "poll", config.getModule());
            }
            LOG.warn("{} could not check its module at start ({}); the polls will try again",
                    endpoint.label(), e.getMessage());
        }
    }

    /**
     * initialPosition=now: the feed starts when the route starts, not at its first poll, so a record changed after
     * start() returned is delivered even when the first poll comes much later (initialDelay). The starting point holds
     * every record of the newest second, whatever their number. When Zoho cannot be read now (out of reach, or the
     * credentials refused), the first poll that can starts the feed at the second the route started (by Zoho's clock),
     * with no ids: a record of that second that existed before may then come too — at least once, never lost.
     */
    private void startNow() {
        try {
            state = startingPoint();
        } catch (ZohoApiException e) {
            // the polls report the failure (once, backing off when only a person can fix it)
            startPending = System.nanoTime();
            LOG.info("{} could not read its starting point at start ({}); the first poll that can starts the feed from"
                     + " the second the route started", endpoint.label(), e.getMessage());
        }
    }

    /** The feed's starting point now, saved: a restart before the first change must not move it. */
    private FeedState startingPoint() {
        Watermark changes = settings.changes() ? reader.startingPoint() : Watermark.BEGINNING;
        Watermark deletions = settings.deletions() ? reader.deletionsStartingPoint() : Watermark.BEGINNING;
        if (startPending != 0) {
            // later than the start: everything from the start's second on is new (at least once)
            Watermark started = Watermark.at(OffsetDateTime.ofInstant(endpoint.getClient().serverTime()
                    .minusNanos(System.nanoTime() - startPending).truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
            changes = settings.changes() ? started : changes;
            deletions = settings.deletions() ? started : deletions;
            startPending = 0;
        }
        return started(new FeedState(changes, deletions));
    }

    private FeedState started(FeedState fresh) {
        LOG.info("{} starts: {}", endpoint.label(), fresh.describe(settings.changes(), settings.deletions()));
        repository.setState(stateKey, fresh.toJson());
        return fresh;
    }

    /** Where push mode keeps the deletions callbacks announced: beside the watermark. */
    private String inboxKey() {
        return stateKey + ":announcedDeletions";
    }

    /**
     * A delete callback (on the HTTP server's thread): its ids are kept, and saved before the callback is answered,
     * so that a deletion beyond the deleted-records list's reach survives a crash too.
     */
    private void announced(List<String> ids, Instant at) {
        if (inbox.announce(ids, at)) {
            saveInbox();
        }
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

    @Override
    protected void doStop() throws Exception {
        endpoint.consumers().remove(this);
        PushMode stopping = push;
        push = null; // a poll still running finishes as in polling mode; the channel goes once the polls have stopped
        if (reader != null) {
            reader.cancelReadAhead();
        }
        if (readAhead != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(readAhead);
            readAhead = null;
        }
        if (initialLoad != null) {
            initialLoad.close();
            initialLoad = null;
        }
        if (state != null) {
            write();
        }
        super.doStop();
        if (stopping != null) {
            stopping.stop();
        }
    }

    /**
     * The last poll error's details with the HTTP status of a failed call, as Camel adds for exceptions that are
     * {@code HttpResponseAware} (the engine's exceptions know no Camel interface).
     */
    @Override
    protected Map<String, Object> getLastErrorDetails() {
        Map<String, Object> details = super.getLastErrorDetails();
        if (getLastError() instanceof ZohoApiException e && e.getStatusCode() > 0
                && (details == null || !details.containsKey(HealthCheck.HTTP_RESPONSE_CODE))) {
            details = details == null ? new HashMap<>() : new HashMap<>(details);
            details.put(HealthCheck.HTTP_RESPONSE_CODE, e.getStatusCode());
        }
        return details;
    }

    @Override
    public boolean isGreedy() {
        // a poll that stopped at maxMessagesPerPoll is followed at once by the next
        return super.isGreedy() || backlog;
    }

    @Override
    protected int poll() throws Exception {
        if (push != null && !backlog) {
            String why = push.due();
            if (why == null) {
                return 0; // no callback, and the safety net is not due: no call
            }
            trigger = why;
        }
        if (pollsToSkip > 0) {
            pollsToSkip--; // backing off a permanent failure: each skipped poll spares a call that would fail again
            return 0;
        }
        if (pausedUntil != null) {
            if (endpoint.getComponent().creditClock().instant().isBefore(pausedUntil)) {
                return 0; // the credit budget is spent: no call until credits free up
            }
            LOG.info("{} resumes: credits have freed up", endpoint.label());
            pausedUntil = null;
        }
        try {
            int done = pollChanges();
            if (permanentFailures > 0 && getExceptionHandler() instanceof OncePerFailureExceptionHandler h) {
                h.reset(); // the same failure coming back later is news again
            }
            permanentFailures = 0;
            if (push != null) {
                push.polled(lastPollComplete, readAgainAt);
            }
            return done;
        } catch (CreditBudgetExceededException e) {
            // not a failure: the budget is the user's own ceiling; wait for it rather than spend past it
            pausedUntil = e.freeAt();
            LOG.warn("{} pauses until {}: {}", endpoint.label(), pausedUntil, e.getMessage());
            if (push != null) {
                push.polled(false, null);
            }
            return 0;
        } catch (ZohoApiException e) {
            if (push != null) {
                push.polled(false, null);
            }
            if (!e.isTransient()) {
                // 1, 2, 4 … up to 32 polls skipped after the same kind of failure: fixing it takes a person
                pollsToSkip = Math.min(1 << Math.min(permanentFailures, 5), MAX_POLLS_SKIPPED) - 1;
                permanentFailures++;
            }
            throw e.during(endpoint.getClient().api(), "poll", config.getModule());
        }
    }

    private int pollChanges() throws Exception {
        if (state == null) {
            state = loadOrStart();
        }
        if (state.bulkLoading()) {
            return pollInitialLoad();
        }
        // after a failed exchange, read only on demand: a read ahead would be thrown away at every failing poll
        reader.readAhead(lastPollComplete ? readAhead : null);
        pollStart = endpoint.getClient().serverTime();
        state.seal(ChangeFeed.SETTLE_MARGIN); // a second that long before a complete poll gains no record
        int max = config.getMaxMessagesPerPoll() > 0 ? config.getMaxMessagesPerPoll() : Integer.MAX_VALUE;
        List<Event> events = new ArrayList<>();
        boolean more = false;
        readAgainAt = null;
        if (settings.changes()) {
            Changes changes = reader.read(state.changes(), max);
            more = changes.more();
            Set<String> createdHere = new HashSet<>();
            for (Change c : changes.changes()) {
                String type = state.classify(c.record());
                if ("created".equals(type) && !createdHere.add(c.id())) {
                    type = "updated"; // changed again after this read passed it: its second version is an update
                }
                boolean deliver = settings.events.contains(type) && !state.deliveredByBulkLoad(c.record());
                events.add(new Event(c.record(), false, type, c.time(), deliver, c.fingerprint(), false));
            }
        }
        if (settings.deletions()) {
            Changes deleted = inbox != null ? reader.readDeleted(state.deletions(), max, inbox)
                    : reader.readDeleted(state.deletions(), max);
            more |= deleted.more();
            deletionsMayBeMissing = deleted.olderMayBeMissing();
            readAgainAt = deleted.holdUntil();
            if (deletionsMayBeMissing) {
                deletionGaps.incrementAndGet();
            }
            for (Change c : deleted.changes()) {
                events.add(new Event(c.record(), true, "deleted", c.time(), true, null, deleted.announced()));
            }
        }
        events.sort(Comparator.comparing(e -> e.time.toInstant())); // stable: each kind keeps its own order
        if (events.size() > max) {
            events = new ArrayList<>(events.subList(0, max));
            more = true;
        }
        backlog = more;
        return processBatch(new ArrayDeque<>(events));
    }

    /**
     * A poll of the initial bulk load: its next records (at most maxMessagesPerPoll, and 1,000 when that is unlimited)
     * as created events; once the load has handed over every record, the feed takes over at once.
     */
    private int pollInitialLoad() throws Exception {
        if (initialLoad == null) {
            initialLoad = new InitialLoad(endpoint.getClient(), config.getModule(),
                    BiginConfiguration.splitList(config.getFields()), Duration.ofMillis(config.getBulkTimeout()));
        }
        int max = config.getMaxMessagesPerPoll() > 0 ? Math.min(config.getMaxMessagesPerPoll(), BULK_LOAD_BATCH)
                : BULK_LOAD_BATCH;
        String before = trigger;
        trigger = INITIAL_LOAD;
        List<Map<String, Object>> rows = initialLoad.next(state, max);
        Queue<Object> events = new ArrayDeque<>();
        for (Map<String, Object> row : rows) {
            Event e = new Event(row, false, "created", ZohoTime.of(row, "Modified_Time"), true, null, false);
            e.bulk = true;
            events.add(e);
        }
        backlog = true; // more of the load, or the feed's first read, follows at once
        int done;
        try {
            done = processBatch(events);
        } finally {
            trigger = before;
        }
        if (!lastPollComplete) {
            initialLoad.close(); // the next poll asks again after the last record done
            initialLoad = null;
        } else if (rows.size() < max && initialLoad.done()) {
            initialLoad.close();
            initialLoad = null;
            state.finishBulkLoad();
            LOG.info("{} loaded its existing records by bulk read; the feed goes on: {}", endpoint.label(),
                    state.describe(true, false));
            write();
        }
        return done;
    }

    @Override
    public int processBatch(Queue<Object> events) throws Exception {
        if (!config.isUseIterator()) {
            return processAsOne(events);
        }
        int total = (int) events.stream().filter(e -> ((Event) e).deliver).count();
        int index = 0;
        boolean complete = true;
        while (!events.isEmpty()) {
            if (!isBatchAllowed()) {
                complete = false;
                break;
            }
            Event event = (Event) events.poll();
            if (event.deliver) {
                Exchange exchange = createExchange(event, index, total);
                pendingExchanges = total - index - 1;
                String id = String.valueOf(event.record.get("id"));
                if (!deliver(exchange, () -> failed(id, event.type).failureMessage(endpoint.label()))) {
                    complete = false;
                    break;
                }
                movedPast(id);
                index++;
            }
            done(event);
        }
        pendingExchanges = 0;
        endPoll(complete);
        return index;
    }

    /** useIterator=false: the poll's records as the List body of one exchange; all or none of them are done. */
    private int processAsOne(Queue<Object> events) throws Exception {
        List<Event> all = new ArrayList<>();
        events.forEach(e -> all.add((Event) e));
        List<Object> records = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Event e : all) {
            if (e.deliver) {
                records.add(body(e));
                types.add(e.type);
                ids.add(String.valueOf(e.record.get("id")));
            }
        }
        boolean complete = records.isEmpty() || isBatchAllowed();
        if (!records.isEmpty() && complete) {
            Exchange exchange = createExchange(false);
            Message m = exchange.getIn();
            m.setHeader(headers.of(BiginConstants.MODULE), config.getModule());
            m.setHeader(headers.of(BiginConstants.RECORD_COUNT), records.size());
            m.setHeader(headers.of(BiginConstants.EVENT_TYPES), types);
            m.setHeader(headers.of(BiginConstants.TRIGGER), trigger);
            m.setHeader(headers.of(BiginConstants.RECORD_IDS), ids);
            m.setBody(records);
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, 0);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, 1);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, true);
            String batch = ids.get(0) + (ids.size() > 1 ? " (the first of " + ids.size() + ")" : "");
            complete = deliver(exchange, () -> failed(batch, String.join(",", new TreeSet<>(types)))
                    .failureMessage(endpoint.label()));
        }
        if (complete) {
            all.forEach(this::advance);
        }
        endPoll(complete);
        return complete ? records.size() : 0;
    }

    /** Runs an exchange through the route: true when it completed, false (after telling the exception handler) if not. */
    private boolean deliver(Exchange exchange, Supplier<String> failureMessage) {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        if (failure != null) {
            getExceptionHandler().handleException(failureMessage.get(), exchange, failure);
        }
        releaseExchange(exchange, false);
        return failure == null;
    }

    /** An exchange of this record failed: the feed is stuck on it (once more, when it was already). */
    private StuckRecord failed(String id, String type) {
        StuckRecord s = StuckRecord.failedAgain(stuck, id, type, Instant.now());
        stuck = s;
        return s;
    }

    /** An exchange of this record completed: if the feed was stuck on it, it moves again. */
    private void movedPast(String id) {
        StuckRecord s = stuck;
        if (s != null && s.id().equals(id)) {
            LOG.info("{} moved past record {} after {} failed attempts since {}", endpoint.label(), id, s.attempts(),
                    s.since());
            stuck = null;
        }
    }

    /** The end of a poll: what the next poll starts from, and the watermark saved. */
    private void endPoll(boolean complete) {
        if (complete && stuck != null) {
            movedPast(stuck.id()); // delivered, or gone from the feed (changed again, deleted)
        }
        if (complete && !backlog) {
            state.caughtUp(pollStart);
        }
        if (!complete) {
            backlog = false; // wait for the next scheduled poll rather than retry a failing record at once
            reader.cancelReadAhead(); // the next read starts at the failed record, not where the batch ended
        }
        lastPollComplete = complete;
        write();
    }

    private Exchange createExchange(Event event, int index, int total) {
        Exchange exchange = createExchange(false);
        Message m = exchange.getIn();
        String id = String.valueOf(event.record.get("id"));
        m.setHeader(headers.of(BiginConstants.MODULE), config.getModule());
        m.setHeader(headers.of(BiginConstants.EVENT_TYPE), event.type);
        m.setHeader(headers.of(BiginConstants.TRIGGER), event.announced ? PushMode.NOTIFICATION : trigger);
        m.setHeader(headers.of(BiginConstants.RECORD_ID), id);
        if (event.deletion) {
            m.setHeader(headers.of(BiginConstants.MODIFIED_TIME), event.time);
            m.setHeader(headers.of(BiginConstants.DELETED_TIME), event.time);
            m.setHeader(headers.of(BiginConstants.DELETED_BY), event.record.get("deleted_by"));
            if (deletionsMayBeMissing) {
                m.setHeader(headers.of(BiginConstants.DELETIONS_MAY_BE_MISSING), true);
            }
        } else {
            m.setHeader(headers.of(BiginConstants.MODIFIED_TIME), "Modified_Time".equals(settings.timeField) ? event.time
                    : ZohoTime.of(event.record, "Modified_Time"));
        }
        m.setBody(body(event));
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
        return exchange;
    }

    /** A record as the route gets it: a deletion's entry, the record's map, or the record as outputClass. */
    private Object body(Event event) {
        Class<?> type = config.getOutputClass();
        return event.deletion || type == null ? event.record : JSON.convertValue(event.record, type);
    }

    /** An event is done (delivered, or passed over as not asked for): the watermark moves past it and may be saved. */
    private void done(Event event) {
        advance(event);
        saveProgress();
    }

    private void advance(Event event) {
        if (event.bulk) {
            state.bulkRecordDone(event.record);
        } else if (event.deletion) {
            if (!event.announced) {
                state.deletionDone(event.record); // an announced one is older than the listed ones still to come
            }
            if (inbox != null) {
                inbox.delivered(String.valueOf(event.record.get("id")));
            }
        } else {
            state.changeDone(event.record, event.time, event.type, event.fingerprint);
        }
    }

    private FeedState loadOrStart() {
        String stored = repository.getState(stateKey);
        if (stored != null) {
            FeedState loaded = FeedState.fromJson(stored);
            LOG.info("{} resumes: {}", endpoint.label(), loaded.describe(settings.changes(), settings.deletions()));
            return loaded;
        }
        if (settings.startNow) {
            return startingPoint(); // the start could not read it: now, from the second the route started
        }
        FeedState fresh = new FeedState(settings.start, settings.start);
        if (settings.bulkLoad) {
            initialLoad = new InitialLoad(endpoint.getClient(), config.getModule(),
                    BiginConfiguration.splitList(config.getFields()), Duration.ofMillis(config.getBulkTimeout()));
            initialLoad.start(fresh);
        }
        return started(fresh); // a restart before the first change must not move the start
    }

    /**
     * After each completed exchange: the watermark has moved, and a durable repository is written every stateSaveEvery
     * exchanges, so a crash repeats fewer records than that. (The default in-memory repository dies with the JVM: a
     * crash loses it whole, so only the end of a poll and a stop write it.) The backlog's created ids are saved with
     * the watermark: a crash in a backlog never delivers a record created in it as created twice.
     */
    private void saveProgress() {
        // a large state (thousands of ids sharing one second, in a burst) is saved less often, so the bytes written
        // per record stay small: a crash in such a burst may repeat up to size/8 records, never lose one
        int size = state.size() + (inbox != null ? inbox.size() : 0);
        int every = size > SMALL_STATE_IDS ? Math.max(config.getStateSaveEvery(), size / LARGE_STATE_IDS_PER_SAVE)
                : config.getStateSaveEvery();
        if (config.getStateRepository() != null && ++unsaved >= every) {
            write();
        }
    }

    private void write() {
        repository.setState(stateKey, state.toJson());
        if (inbox != null) {
            saveInbox(); // after the watermark: a crash in between repeats deletions, never loses one
        }
        unsaved = 0;
    }
}
