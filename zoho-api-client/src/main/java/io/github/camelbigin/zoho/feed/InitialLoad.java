package io.github.camelbigin.zoho.feed;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelbigin.zoho.bulk.BulkReader;
import io.github.camelbigin.zoho.client.ZohoClient;

/**
 * A change feed's first load by bulk-read jobs instead of pages: 50 credits per 200,000 records rather than 1,000. The
 * records come by id; the feed then takes over at the handover — the load's start less the settle margin — with no
 * gap (it reads every change from there) and no double (it passes over the versions the load delivered, by id and
 * Modified_Time, and calls a record the load delivered as created an update). A restart in the middle of the load goes
 * on after the last record delivered. Rows are text, as Bigin's bulk CSV gives them.
 */
public final class InitialLoad implements AutoCloseable {

    private final ZohoClient client;
    private final String module;
    private final List<String> fields;
    private final Duration jobTimeout;
    private BulkReader reader;

    /** @param fields the fields to load (null: every field); the time fields are always added */
    public InitialLoad(ZohoClient client, String module, List<String> fields, Duration jobTimeout) {
        this.client = client;
        this.module = module;
        this.fields = fields;
        this.jobTimeout = jobTimeout;
    }

    /** Starts the load in a fresh state: the handover is the server's now, less the settle margin. */
    public void start(FeedState state) {
        OffsetDateTime handover = client.serverTime().minus(ChangeFeed.SETTLE_MARGIN).atOffset(ZoneOffset.UTC)
                .withNano(0);
        state.startBulkLoad(handover);
    }

    /** Up to {@code max} more records of the load (fewer at its end; none once it is done). */
    public List<Map<String, Object>> next(FeedState state, int max) {
        if (reader == null) {
            List<String> wanted = null;
            if (fields != null) {
                Set<String> f = new LinkedHashSet<>(fields);
                f.add("Created_Time");
                f.add("Modified_Time");
                wanted = new ArrayList<>(f);
            }
            reader = client.bulk().read(module, wanted, null, jobTimeout, 0).startAfter(state.bulkLastId()).strictOrder();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        while (out.size() < max && reader.hasNext()) {
            out.add(reader.next());
        }
        return out;
    }

    /** Whether every record was handed over (call after {@link #next} returned fewer than asked). */
    public boolean done() {
        return reader != null && !reader.hasNext();
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
