package io.github.camelbigin.zoho.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.Sleeper;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.RecordIterator;
import io.github.camelbigin.zoho.records.ZohoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a feed that starts now begins: the newest second that holds records, with the id of every record in it —
 * however many, for the reads follow page tokens — or, when that second lies more than the settle margin before the
 * server's now, that second sealed: no record can still appear in it, so no id need be held. Everything older existed
 * before the start and is never delivered; a record of that second not among the ids, or any later one, changed after
 * the start and is.
 * <p>
 * Only a second that cannot be read whole (more records in it than a server without page tokens pages to) is not held
 * by its ids: the start then waits until the server's clock (the {@code Date} header of its answers) has left that
 * second, and seals it — every record in it came before the start, and every record after the start comes later.
 */
final class StartingPoint {

    /** Answers that say a read went past what the server pages to (list page numbers, COQL offsets). */
    private static final Set<String> REACH_EXCEEDED = Set.of("DISCRETE_PAGINATION_LIMIT_EXCEEDED", "LIMIT_EXCEEDED",
            "TOO_MANY_AT_ONCE");
    private static final Logger LOG = LoggerFactory.getLogger(StartingPoint.class);

    private StartingPoint() {
    }

    /**
     * @param newestFirst the records newest first by {@code field}, lazily paged
     * @param serverTime  the server's clock, as the last answer's Date header tells it
     * @param what        what is read, for messages ({@code Contacts records}, {@code Contacts deletions})
     */
    static Watermark read(RecordIterator newestFirst, String field, Function<Map<String, Object>, String> fingerprint,
                          Supplier<Instant> serverTime, Sleeper sleeper, ZohoApi api, String what) {
        OffsetDateTime second = null;
        Map<String, String> ids = new LinkedHashMap<>();
        boolean pageHadSecond = false;
        try {
            while (newestFirst.hasNext()) {
                Map<String, Object> row = newestFirst.next();
                OffsetDateTime t = ZohoTime.of(row, field);
                if (t != null && (second == null || !t.toInstant().isBefore(second.toInstant()))) {
                    if (second == null || t.toInstant().isAfter(second.toInstant())) {
                        second = t; // a list not quite newest first: a newer row starts the second again
                        ids.clear();
                    }
                    ids.put(String.valueOf(row.get("id")), fingerprint.apply(row));
                    pageHadSecond = true;
                }
                if (newestFirst.endOfPage()) {
                    if (second != null && newestFirst.pagesFetched() == 1
                        && second.toInstant().isBefore(serverTime.get().minus(KeysetReader.SETTLE_MARGIN))) {
                        return new Watermark(second, Map.of(), true); // settled: nothing can appear in it, none to hold
                    }
                    if (!pageHadSecond) {
                        break; // newest first: no later page holds a row of that second
                    }
                    pageHadSecond = false;
                }
            }
        } catch (ZohoApiException e) {
            if (!REACH_EXCEEDED.contains(e.getCode()) || second == null) {
                throw e;
            }
            LOG.info("More {} share the second {} than {} pages to ({}): the feed starts after that second, once"
                     + " {}'s clock has left it", what, second, api.product(), e.getCode(), api.product());
            awaitSecondAfter(second.toInstant(), serverTime, sleeper);
            return new Watermark(second, Map.of(), true);
        }
        return second == null ? Watermark.BEGINNING : new Watermark(second, ids, false);
    }

    private static void awaitSecondAfter(Instant second, Supplier<Instant> serverTime, Sleeper sleeper) {
        try {
            while (!serverTime.get().truncatedTo(ChronoUnit.SECONDS).isAfter(second)) {
                sleeper.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server's next second", e);
        }
    }
}
