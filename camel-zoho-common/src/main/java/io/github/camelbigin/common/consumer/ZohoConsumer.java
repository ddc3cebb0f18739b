package io.github.camelbigin.common.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.FeedSettings;
import io.github.camelbigin.common.options.PollSchedule;
import io.github.camelbigin.common.push.CallbackReceiver;
import io.github.camelbigin.common.push.WakeUps;
import io.github.camelbigin.zoho.credits.CreditBudgetExceededException;
import io.github.camelbigin.zoho.feed.FeedState;
import io.github.camelbigin.zoho.http.ZohoApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a module and emits one exchange per created, updated or deleted record, oldest first, at least once with
 * duplicate suppression: the consumer's lifecycle and its poll gate (push mode's wake-ups, backing off a failure only
 * a person can fix, the credit budget's pause). A poll's reading is {@link FeedPoll}'s, the initial bulk load
 * {@link InitialLoadPoll}'s, the delivery {@link Delivery}'s, the saved state {@link FeedStore}'s; in push mode a
 * {@link CallbackReceiver} keeps the channel and sets the {@link WakeUps} this consumer asks at every tick.
 */
@ManagedResource(description = "Managed Zoho consumer")
public class ZohoConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ZohoConsumer.class);
    static final String INITIAL_LOAD = "initialLoad";

    private final EndpointScope scope;
    private final FeedSettings feed;
    private final FeedStore store;
    private FeedPoll feedPoll;
    private InitialLoadPoll initialLoad;
    private Delivery delivery;
    private ExecutorService readAhead;
    private volatile boolean backlog;
    /** Whether the last poll delivered its whole batch: only then may the next read go ahead of delivery. */
    private boolean lastPollComplete = true;
    private final PollGate gate;
    private volatile CallbackReceiver receiver; // push mode's channel and callbacks; null in polling mode
    private WakeUps wakeUps;
    private String trigger = "poll"; // why the current poll runs, for the trigger header
    private final StuckFeed stuck;
    private FeedPoll.Batch batch;

    public ZohoConsumer(ScheduledPollEndpoint endpoint, Processor processor, EndpointScope scope) {
        super(endpoint, processor);
        this.scope = scope;
        this.feed = scope.settings().feed();
        this.store = new FeedStore(scope);
        this.gate = new PollGate(scope.label(), () -> scope.clock().instant());
        this.stuck = new StuckFeed(scope.label(), scope.clock());
        setMaxMessagesPerPoll(scope.config().getMaxMessagesPerPoll());
    }

    /** The key of this consumer's watermark in the state repository. */
    public String getStateKey() {
        return store.key();
    }

    /** The watermarks delivered so far, or null before the first poll. */
    public FeedState getState() {
        return store.state();
    }

    /** The record the feed is stuck on, or null when it moves. */
    public StuckRecord stuck() {
        return stuck.current();
    }

    @ManagedAttribute(description = "The watermark of created/updated records delivered")
    public String getWatermark() {
        return text(store.state(), FeedState::changes);
    }

    @ManagedAttribute(description = "The watermark of deleted records delivered")
    public String getDeletionsWatermark() {
        return text(store.state(), FeedState::deletions);
    }

    @ManagedAttribute(description = "The key of the watermark in the state repository")
    public String getWatermarkKey() {
        return store.key();
    }

    @ManagedAttribute(description = "Whether the last poll stopped at maxMessagesPerPoll with more changes waiting")
    public boolean isBacklog() {
        return backlog;
    }

    @ManagedAttribute(description = "Polls whose deletions could not reach back to the watermark: more than 2,000 records"
                                    + " deleted between two polls, so older deletions may be missing")
    public long getDeletionGaps() {
        FeedPoll p = feedPoll;
        return p == null ? 0 : p.deletionGaps();
    }

    @ManagedAttribute(description = "While the connection's credit budget is spent: when the consumer resumes"
                                    + " (null when it is not paused)")
    public String getPausedUntil() {
        return text(gate.pausedUntil(), p -> p);
    }

    @ManagedAttribute(description = "The id of the record whose exchange keeps failing, so the feed does not move past it"
                                    + " (null when the feed moves)")
    public String getStuckRecordId() {
        return text(stuck.current(), StuckRecord::id);
    }

    @ManagedAttribute(description = "How many polls in a row the stuck record's exchange failed (0 when the feed moves)")
    public int getStuckAttempts() {
        StuckRecord s = stuck.current();
        return s == null ? 0 : s.attempts();
    }

    @ManagedAttribute(description = "When the stuck record's exchange first failed (null when the feed moves)")
    public String getStuckSince() {
        return text(stuck.current(), StuckRecord::since);
    }

    @ManagedAttribute(description = "Push mode: the notification channel's id (null in polling mode)")
    public String getChannelId() {
        return text(receiver, CallbackReceiver::channelId);
    }

    @ManagedAttribute(description = "Push mode: callbacks accepted (each wakes a poll; a burst wakes one)")
    public long getCallbacksAccepted() {
        CallbackReceiver r = receiver;
        return r == null ? 0 : r.acceptedCallbacks();
    }

    @ManagedAttribute(description = "Push mode: callbacks refused as forged (403) or malformed (400)")
    public long getCallbacksRefused() {
        CallbackReceiver r = receiver;
        return r == null ? 0 : r.refusedCallbacks();
    }

    private static <T> String text(T value, Function<T, Object> part) {
        return value == null ? null : String.valueOf(part.apply(value));
    }

    @Override
    protected void doStart() throws Exception {
        // before super.doStart(): that schedules the first poll, which may run at once
        boolean push = scope.settings().push() != null;
        store.start(push && feed.deletions());
        feedPoll = new FeedPoll(scope);
        initialLoad = new InitialLoadPoll(scope);
        delivery = new Delivery(new Delivery.Route(this::isBatchAllowed, n -> pendingExchanges = n, this::run,
                (message, exchange, failure) -> getExceptionHandler().handleException(message, exchange, failure),
                exchange -> releaseExchange(exchange, false)), new Exchanges(scope, () -> createExchange(false)),
                store, stuck, scope.label());
        stuck.reset();
        backlog = false;
        lastPollComplete = true;
        gate.reset();
        feedPoll.checkModule();
        if (feed.startNow() && store.isNew()) {
            FeedState start = feedPoll.startNow();
            if (start != null) {
                store.begin(start);
            }
        }
        if (getExceptionHandler() instanceof LoggingExceptionHandler) {
            setExceptionHandler(new OncePerFailureExceptionHandler(getExceptionHandler(), LOG));
        }
        if (push) {
            wakeUps = new WakeUps(scope.settings().push().reconcile(), scope.client()::serverTime, scope.clock());
            CallbackReceiver starting = new CallbackReceiver(getEndpoint().getCamelContext(), scope, store.key(),
                    new ArrayList<>(feed.events()), wakeUps, store.inbox() == null ? null : store::announced);
            starting.start(); // throws, leaving nothing open, when the channel is refused
            receiver = starting;
        } else {
            PollSchedule.warnIfCostly((ScheduledPollEndpoint) getEndpoint(), scope.label(), LOG);
        }
        if (scope.config().isReadAhead() && !feed.deletions()) {
            // (deletions interleave with changes by time, so a batch may end before the changes read: nothing to go on)
            readAhead = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "ZohoReadAhead");
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        CallbackReceiver stopping = receiver;
        receiver = null; // a poll still running finishes as in polling mode; the channel goes once the polls have stopped
        if (feedPoll != null) {
            feedPoll.cancelReadAhead();
        }
        if (readAhead != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(readAhead);
            readAhead = null;
        }
        if (initialLoad != null) {
            initialLoad.close();
        }
        store.write();
        super.doStop();
        if (stopping != null) {
            stopping.stop();
        }
    }

    @Override
    protected Map<String, Object> getLastErrorDetails() {
        return PollGate.errorDetails(super.getLastErrorDetails(), getLastError());
    }

    @Override
    public boolean isGreedy() {
        // a poll that stopped at maxMessagesPerPoll is followed at once by the next
        return super.isGreedy() || backlog;
    }

    @Override
    protected int poll() throws Exception {
        CallbackReceiver push = receiver;
        if (push != null && !backlog) {
            push.maintain(); // keeps the channel alive: a call only when a renewal or a check is due
            String why = wakeUps.due();
            if (why == null) {
                return 0; // no callback, and the safety net is not due: no call
            }
            trigger = why;
        }
        if (!gate.open()) {
            return 0; // backing off a failure only a person can fix, or the credit budget is spent
        }
        boolean returned = false;
        try {
            int done = pollFeed();
            if (gate.succeeded() && getExceptionHandler() instanceof OncePerFailureExceptionHandler h) {
                h.reset(); // the same failure coming back later is news again
            }
            returned = true;
            return done;
        } catch (CreditBudgetExceededException e) {
            gate.paused(e);
            return 0;
        } catch (ZohoApiException e) {
            gate.failed(e);
            throw e.during(scope.client().api(), "poll", scope.module());
        } finally {
            if (push != null) {
                wakeUps.polled(returned && lastPollComplete, returned && batch != null ? batch.readAgainAt() : null);
            }
        }
    }

    private int pollFeed() throws Exception {
        FeedState state = store.state();
        if (state == null) {
            state = store.isNew() ? store.begin(fresh()) : store.resume();
        }
        batch = null;
        int max = scope.config().getMaxMessagesPerPoll() > 0 ? scope.config().getMaxMessagesPerPoll()
                : Integer.MAX_VALUE;
        if (state.bulkLoading()) {
            return pollInitialLoad(state);
        }
        // after a failed exchange, read only on demand: a read ahead would be thrown away at every failing poll
        batch = feedPoll.read(state, max, lastPollComplete ? readAhead : null, store.inbox());
        backlog = batch.more();
        return deliver(batch.events(), trigger);
    }

    /** The starting state of a feed the repository has none for. */
    private FeedState fresh() {
        if (feed.startNow()) {
            return feedPoll.startingPoint(); // the start could not read it: now, from the second the route started
        }
        FeedState fresh = new FeedState(feed.start(), feed.start());
        if (feed.bulkLoad()) {
            initialLoad.begin(fresh);
        }
        return fresh;
    }

    /** A poll of the initial bulk load; once the load has handed over every record, the feed takes over at once. */
    private int pollInitialLoad(FeedState state) throws Exception {
        List<Event> events = initialLoad.next(state, scope.config().getMaxMessagesPerPoll());
        backlog = true; // more of the load, or the feed's first read, follows at once
        int done = deliver(events, INITIAL_LOAD);
        if (initialLoad.ended(state, lastPollComplete, events.size(), scope.config().getMaxMessagesPerPoll())) {
            LOG.info("{} loaded its existing records by bulk read; the feed goes on: {}", scope.label(),
                    state.describe(true, false));
            store.write();
        }
        return done;
    }

    @Override
    public int processBatch(Queue<Object> events) {
        List<Event> all = new ArrayList<>();
        events.forEach(e -> all.add((Event) e));
        return deliver(all, trigger);
    }

    private int deliver(List<Event> events, String why) {
        Delivery.Outcome outcome = scope.config().isUseIterator()
                ? delivery.each(events, why, batch != null && batch.deletionsMayBeMissing())
                : delivery.asOne(events, why);
        endPoll(outcome.complete());
        return outcome.delivered();
    }

    /** Runs an exchange through the route, leaving a failure on it. */
    private void run(Exchange exchange) {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
    }

    /** The end of a poll: what the next poll starts from, and the watermark saved. */
    private void endPoll(boolean complete) {
        if (complete) {
            stuck.pollCompleted();
        }
        if (complete && !backlog && batch != null) {
            store.state().caughtUp(batch.pollStart());
        }
        if (!complete) {
            backlog = false; // wait for the next scheduled poll rather than retry a failing record at once
            feedPoll.cancelReadAhead(); // the next read starts at the failed record, not where the batch ended
        }
        lastPollComplete = complete;
        store.write();
    }
}
