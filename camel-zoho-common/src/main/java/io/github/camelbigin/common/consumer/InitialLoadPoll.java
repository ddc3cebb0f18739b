package io.github.camelbigin.common.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.zoho.feed.FeedState;
import io.github.camelbigin.zoho.feed.InitialLoad;
import io.github.camelbigin.zoho.records.ZohoTime;

/**
 * initialLoad=bulk: the records that exist when the route first starts, read by bulk-read jobs and delivered as created,
 * at most maxMessagesPerPoll (1,000 when that is unlimited) a poll; once every record is handed over, the feed takes
 * over at the handover with no gap and no double.
 */
final class InitialLoadPoll implements AutoCloseable {

    /** Records an initial bulk load hands over per poll at most: the rows a poll holds in memory. */
    private static final int BATCH = 1000;

    private final EndpointScope scope;
    private InitialLoad load;

    InitialLoadPoll(EndpointScope scope) {
        this.scope = scope;
    }

    /** A fresh feed starts with the load: its handover is set in the state before the state is first saved. */
    void begin(FeedState fresh) {
        load().start(fresh);
    }

    /** The records the next poll delivers, as created events. */
    List<Event> next(FeedState state, int maxMessagesPerPoll) {
        int max = maxMessagesPerPoll > 0 ? Math.min(maxMessagesPerPoll, BATCH) : BATCH;
        List<Event> events = new ArrayList<>();
        for (Map<String, Object> row : load().next(state, max)) {
            events.add(new Event(row, false, "created", ZohoTime.of(row, "Modified_Time"), true, null, false, true));
        }
        return events;
    }

    /**
     * A poll of the load ended: when it delivered everything (fewer rows than asked, and the load is done) the load is
     * finished in the state and true returned; when it stopped at a failed record, the next poll asks the jobs again
     * after the last record done.
     */
    boolean ended(FeedState state, boolean complete, int rows, int maxMessagesPerPoll) {
        int max = maxMessagesPerPoll > 0 ? Math.min(maxMessagesPerPoll, BATCH) : BATCH;
        if (!complete) {
            close();
            return false;
        }
        if (rows < max && load != null && load.done()) {
            close();
            state.finishBulkLoad();
            return true;
        }
        return false;
    }

    private InitialLoad load() {
        if (load == null) {
            load = new InitialLoad(scope.client(), scope.module(), scope.settings().feed().fields(),
                    Duration.ofMillis(scope.config().getBulkTimeout()));
        }
        return load;
    }

    @Override
    public void close() {
        if (load != null) {
            load.close();
            load = null;
        }
    }
}
