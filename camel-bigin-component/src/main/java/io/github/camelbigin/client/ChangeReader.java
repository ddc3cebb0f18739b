package io.github.camelbigin.client;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what changed in a module after a {@link Watermark}, oldest first, in as few calls as Bigin allows: an idle read
 * is one call, N changes cost about N/200 calls.
 * <p>
 * Every page is anchored on the watermark as it stands after the previous page ("keyset" paging): a record modified
 * while the feed pages moves to the end and is read again later, never skipped, and no plain page number has to pass
 * Bigin's 2,000-record limit (only a group of more than 2,000 records sharing one second would). Two ways to ask:
 * <ul>
 * <li>{@link Strategy#LIST}: {@code GET /{module}?sort_by=Modified_Time&sort_order=asc} with
 * {@code If-Modified-Since} one second before the watermark (so "after" and "at or after" readings both include the
 * watermark's second). Rows are filtered again here, so a server that ignores the header loses nothing: when the
 * first row is older than asked, the reader pages the newest first instead and stops at the watermark.</li>
 * <li>{@link Strategy#COQL}: {@code select … where Modified_Time >= '…' order by Modified_Time asc, id asc limit 200}
 * — filtering guaranteed by the server, but it needs the {@code ZohoBigin.coql.READ} scope and returns lookups as ids
 * only. When the anchor's second is settled, the query also leaves out the ids already delivered in it
 * ({@code (Modified_Time > T or (Modified_Time = T and id not in (…)))}), so a page that ends inside a busy second costs
 * no re-read: N changes cost N/200 calls.</li>
 * </ul>
 * Deleted records come from {@code GET /{module}/deleted}, newest first, with the same watermark logic.
 * <p>
 * With an executor ({@link #readAhead(Executor)}), a read that stopped at its limit starts the next read at once on
 * that executor, from where it stopped: while the consumer delivers one batch, the next is on its way. The next
 * {@link #read} from that point takes it; a read from anywhere else (an exchange failed) cancels it after the page in
 * flight.
 */
public final class ChangeReader {

    /** How changes are asked for. */
    public enum Strategy {
        LIST, COQL
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChangeReader.class);
    private static final int PAGE = 200;
    private static final int COQL_MAX_OFFSET = 9800;
    /** COQL's {@code in} / {@code not in} take at most 50 values (100 in newer Zoho CRM versions). */
    private static final int MAX_NOT_IN = 50;
    /**
     * How long after a second no record can appear in it or change within it any more (Bigin's write and index lag
     * stay well within it).
     */
    public static final Duration SETTLE_MARGIN = Duration.ofSeconds(60);

    private final BiginClient client;
    private final String module;
    private final List<String> requestedFields;
    private final String timeField;
    private final Strategy strategy;
    private List<String> fields;
    /** Whether COQL queries leave out the records already delivered at the anchor's second (until Bigin refuses it). */
    private volatile boolean excludeDelivered = true;
    /** Where the next read starts when it goes on from the last one: only the caller's thread uses it. */
    private Session session;
    private volatile Executor readAhead;
    private volatile Ahead ahead;

    /**
     * @param fields    the fields to read (null: every field); the time fields are always added
     * @param timeField {@code Modified_Time} for every change, {@code Created_Time} for new records only
     */
    public ChangeReader(BiginClient client, String module, List<String> fields, String timeField, Strategy strategy) {
        this.client = client;
        this.module = module;
        this.requestedFields = fields;
        this.timeField = timeField;
        this.strategy = strategy;
    }

    /** What a read worked out about a record it kept: its time in the feed's field, and its fingerprint. */
    private static final class Seen {
        final OffsetDateTime time;
        final String fingerprint;

        Seen(OffsetDateTime time, String fingerprint) {
            this.time = time;
            this.fingerprint = fingerprint;
        }
    }

    /** The records read. */
    public static final class Changes {
        private final List<Map<String, Object>> records;
        private final List<Seen> seen;
        private final boolean more;
        private final Session resume;

        Changes(List<Map<String, Object>> records, boolean more) {
            this(records, null, more, null);
        }

        Changes(List<Map<String, Object>> records, List<Seen> seen, boolean more, Session resume) {
            this.records = records;
            this.seen = seen;
            this.more = more;
            this.resume = resume;
        }

        /** New records, oldest first. */
        public List<Map<String, Object>> records() {
            return records;
        }

        /** The {@link ChangeReader#fingerprint} of the record at {@code index}, as the read computed it anyway. */
        public String fingerprint(ChangeReader reader, int index) {
            return seen != null ? seen.get(index).fingerprint : reader.fingerprint(records.get(index));
        }

        /** The time of the record at {@code index} in the reader's time field, as the read parsed it anyway. */
        public OffsetDateTime time(ChangeReader reader, int index) {
            return seen != null ? seen.get(index).time : ChangeReader.time(records.get(index), reader.timeField);
        }

        /** Whether more changes are waiting than were read (the read stopped at its limit). */
        public boolean more() {
            return more;
        }
    }

    public String timeField() {
        return timeField;
    }

    /** The time of a record in a field ({@code Modified_Time}, {@code deleted_time}, …), or null. */
    public static OffsetDateTime time(Map<String, Object> record, String field) {
        Object v = record.get(field);
        if (v == null) {
            return null;
        }
        String text = v.toString();
        OffsetDateTime fast = BiginTime.parse(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new BiginApiException("read", null, 200, "INVALID_RESPONSE",
                    "the " + field + " of record " + record.get("id") + " is not an ISO-8601 time: " + v, null, e);
        }
    }

    private List<String> fields() {
        if (fields == null) {
            Set<String> f = new LinkedHashSet<>();
            f.add(timeField);
            f.add("Created_Time");
            f.add("Modified_Time");
            f.addAll(requestedFields != null ? requestedFields : client.defaultFields(module));
            f.remove("id");
            List<String> list = new ArrayList<>(f);
            fields = list.size() > BiginClient.MAX_FIELDS ? List.copyOf(list.subList(0, BiginClient.MAX_FIELDS)) : list;
        }
        return fields;
    }

    // ---------------------------------------------------------------- changes

    /**
     * Lets reads go ahead on {@code executor} (null: never): a read that stopped at its limit starts the next one at
     * once. Costs no call that the next read would not make, unless that read starts elsewhere (an exchange failed,
     * or the feed stopped): then the pages fetched ahead are wasted.
     */
    public void readAhead(Executor executor) {
        this.readAhead = executor;
        if (executor == null) {
            cancelReadAhead();
        }
    }

    /** Stops a read ahead after the page in flight: the next read starts somewhere else. */
    public void cancelReadAhead() {
        Ahead a = ahead;
        ahead = null;
        if (a != null) {
            a.cancelled.set(true);
        }
    }

    /** A read that went ahead: from where, with what limit, and its result. */
    private static final class Ahead {
        final Watermark from;
        final int max;
        final AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Changes> result;

        Ahead(Watermark from, int max) {
            this.from = from;
            this.max = max;
        }
    }

    /** Up to {@code max} records changed after {@code from}, oldest first. */
    public Changes read(Watermark from, int max) {
        Changes changes = takeAhead(from, max);
        if (changes == null) {
            Session resume = session;
            session = null;
            changes = readTranslated(from, max, resume, () -> false);
        }
        session = changes.resume;
        if (changes.more() && readAhead != null && session != null) {
            Ahead next = new Ahead(session.end, max);
            Session handed = session;
            session = null; // the read ahead goes on with it
            next.result = CompletableFuture.supplyAsync(
                    () -> readTranslated(next.from, max, handed, next.cancelled::get), readAhead);
            ahead = next;
        }
        return changes;
    }

    /** The read ahead's changes when it started at {@code from}; null (and cancelled) otherwise, or when it failed. */
    private Changes takeAhead(Watermark from, int max) {
        Ahead a = ahead;
        ahead = null;
        if (a == null) {
            return null;
        }
        if (!a.from.equals(from) || a.max != max) {
            a.cancelled.set(true);
            return null;
        }
        try {
            return a.result.join();
        } catch (CompletionException e) {
            // read again now, on this thread: a fault may have passed, and a lasting one is raised from here
            LOG.debug("Reading {} changes ahead failed; reading them again", module, e.getCause());
            return null;
        }
    }

    private Changes readTranslated(Watermark from, int max, Session resume, BooleanSupplier stop) {
        try {
            return readAnchored(from, max, resume, stop);
        } catch (BiginApiException e) {
            if ("DISCRETE_PAGINATION_LIMIT_EXCEEDED".equals(e.getCode())) {
                throw new BiginApiException("poll", module, e.getStatusCode(), "TOO_MANY_AT_ONCE", "more than 2,000 "
                        + module + " records share one " + timeField + " second after " + from.time()
                        + ", and Bigin gives no page token to page past 2,000: use changeDetection=coql", null, e);
            }
            throw e;
        }
    }

    /**
     * Where the last read stopped at its limit, to go on from there when the next read starts where it ended (the
     * usual case: the consumer delivered everything): no page is asked twice across a backlog's polls.
     */
    private static final class Session {
        final Watermark end;
        final RecordIterator rows;
        final Watermark anchor;
        final boolean verified;
        final Map<String, Object> next;

        Session(Watermark end, RecordIterator rows, Watermark anchor, boolean verified, Map<String, Object> next) {
            this.end = end;
            this.rows = rows;
            this.anchor = anchor;
            this.verified = verified;
            this.next = next;
        }
    }

    /** Reads from {@code from}, going on with {@code resume} when it ended there; null when {@code stop} said so. */
    private Changes readAnchored(Watermark from, int max, Session resume, BooleanSupplier stop) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Seen> seen = new ArrayList<>();
        Watermark.Tracker cursor = new Watermark.Tracker(from);
        Watermark anchor;
        RecordIterator rows;
        boolean verified;
        Map<String, Object> pending = null;
        boolean first;
        if (resume != null && resume.end.equals(from)) {
            anchor = resume.anchor;
            rows = resume.rows;
            verified = resume.verified;
            pending = resume.next;
            first = false;
        } else {
            anchor = from;
            rows = query(anchor);
            verified = false;
            first = true;
        }
        while (true) {
            if (pending == null) {
                if (rows.endOfPage() && stop.getAsBoolean()) {
                    return null; // a read ahead no one waits for any more: no further page
                }
                if (!rows.hasNext()) {
                    break;
                }
            }
            Map<String, Object> row = pending != null ? pending : rows.next();
            pending = null;
            OffsetDateTime t = time(row, timeField);
            if (first && strategy == Strategy.LIST && anchor.time() != null
                    && time(row, "Modified_Time").isBefore(anchor.time().minusSeconds(1))) {
                // If-Modified-Since is about Modified_Time, whichever field the feed follows
                LOG.debug("Bigin ignored If-Modified-Since on {}: reading the newest changes first instead", module);
                return readNewestFirst(from, max);
            }
            first = false;
            if (t == null) {
                continue;
            }
            String id = String.valueOf(row.get("id"));
            if (!verified && anchor.time() != null && !anchor.sealed() && rows.pagesFetched() > 1
                    && t.toInstant().isAfter(anchor.time().toInstant())) {
                // the records of the anchor's second took more than a page: pages are offsets, so one that moved
                // meanwhile could have shifted another out of sight. Read that second again before leaving it.
                rows = query(anchor);
                verified = true;
                first = true;
                continue;
            }
            String fp = fingerprint(row);
            if (cursor.isNew(t, id, fp)) {
                if (out.size() == max) {
                    return new Changes(out, seen, true,
                            new Session(cursor.snapshot(), rows, anchor, verified, row));
                }
                out.add(row);
                seen.add(new Seen(t, fp));
                cursor.advance(t, id, fp);
            }
            if (rows.endOfPage() && rows.hasMorePages() && cursor.time() != null
                    && (anchor.time() == null || cursor.time().toInstant().isAfter(anchor.time().toInstant()))) {
                // re-anchor on the watermark: a record modified while the feed pages moves behind it, not past it
                anchor = cursor.snapshot();
                rows = query(anchor);
                first = true;
                verified = false;
            }
        }
        return new Changes(out, seen, false, null);
    }

    /** The changes from {@code anchor} on, oldest first, paged lazily. */
    private RecordIterator query(Watermark anchor) {
        OffsetDateTime at = anchor.time();
        if (strategy == Strategy.COQL) {
            String order = " order by " + timeField + " asc, id asc limit " + PAGE;
            String plain = select(at == null ? timeField + " is not null"
                    : timeField + (anchor.sealed() ? " > '" : " >= '") + BiginClient.formatTime(at) + "'") + order;
            List<String> skip = excludable(anchor);
            String[] current = {skip.isEmpty() ? plain : select("(" + timeField + " > '" + BiginClient.formatTime(at)
                    + "' or (" + timeField + " = '" + BiginClient.formatTime(at) + "' and id not in ('"
                    + String.join("', '", skip) + "')))") + order};
            return new RecordIterator((page, token, perPage) -> {
                int offset = (page - 1) * PAGE;
                if (offset > COQL_MAX_OFFSET) {
                    throw new BiginApiException("poll", module, 0, "TOO_MANY_AT_ONCE", "more than 10,000 " + module
                            + " records share the " + timeField + " " + at + ": COQL cannot page past them", null, null);
                }
                try {
                    return client.coql(offset == 0 ? current[0] : current[0] + " offset " + offset);
                } catch (BiginApiException e) {
                    if (offset > 0 || current[0].equals(plain) || e.getStatusCode() != 400) {
                        throw e;
                    }
                    // this server does not take "id not in (…)": read the second's delivered records again instead
                    LOG.info("Bigin refused a COQL query that leaves out records already delivered ({} {}); {} polls"
                             + " re-read them instead from now on", e.getCode(), e.getMessage(), module);
                    excludeDelivered = false;
                    current[0] = plain;
                    return client.coql(plain);
                }
            }, PAGE, 1, false, 0);
        }
        RecordQuery q = RecordQuery.create().fields(fields()).sortBy(timeField).sortOrder("asc").perPage(PAGE);
        if (at != null) {
            // "after T-1s" holds the second T under both readings of the header (after / at or after)
            q.ifModifiedSince(anchor.sealed() ? at : at.minusSeconds(1));
        }
        return client.list(module, q);
    }

    private String select(String where) {
        return "select " + String.join(", ", fields()) + " from " + module + " where " + where;
    }

    /**
     * The ids a COQL query may leave out because they were delivered at the anchor's second (at most 50, as COQL's
     * {@code not in} takes): only when that second is settled, i.e. more than a minute before Bigin's now, so none of
     * them can still change within it (a change in a later second is not left out: the query only excludes them at the
     * anchor's second). Leaving them out spares re-reading them when a page ends inside a second.
     */
    private List<String> excludable(Watermark anchor) {
        if (!excludeDelivered || anchor.time() == null || anchor.sealed() || anchor.ids().isEmpty()
                || !anchor.time().toInstant().isBefore(client.serverTime().minus(SETTLE_MARGIN))) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(anchor.ids());
        return ids.subList(Math.max(0, ids.size() - MAX_NOT_IN), ids.size());
    }

    /** For servers that ignore If-Modified-Since: page from the newest record back to the watermark. */
    private Changes readNewestFirst(Watermark from, int max) {
        List<Map<String, Object>> newer = new ArrayList<>();
        RecordQuery q = RecordQuery.create().fields(fields()).sortBy(timeField).sortOrder("desc").perPage(PAGE);
        try {
            RecordIterator it = client.list(module, q);
            while (it.hasNext()) {
                Map<String, Object> row = it.next();
                OffsetDateTime t = time(row, timeField);
                if (t == null) {
                    continue;
                }
                if (!from.isNew(t, String.valueOf(row.get("id")), fingerprint(row))) {
                    if (t.toInstant().isBefore(from.time().toInstant()) || from.sealed()) {
                        break; // newest first: everything after this row is older still
                    }
                } else {
                    newer.add(row);
                }
            }
        } catch (BiginApiException e) {
            if ("DISCRETE_PAGINATION_LIMIT_EXCEEDED".equals(e.getCode())) {
                throw new BiginApiException("poll", module, e.getStatusCode(), "TOO_MANY_CHANGES",
                        "Bigin ignores If-Modified-Since and gives no page token, so more than 2,000 changes since "
                        + from.time() + " cannot be read oldest first: poll more often, or use changeDetection=coql",
                        null, e);
            }
            throw e;
        }
        return oldestFirst(newer, timeField, max);
    }

    /** The watermark of the newest record: a feed from there delivers only what changes from now on. */
    public Watermark newest() {
        RecordIterator rows;
        if (strategy == Strategy.COQL) {
            String select = select(timeField + " is not null") + " order by " + timeField + " desc, id desc limit "
                            + PAGE;
            rows = new RecordIterator((page, token, perPage) -> client.coql(
                    page == 1 ? select : select + " offset " + (page - 1) * PAGE), PAGE, 1, false, 2000);
        } else {
            rows = client.list(module, RecordQuery.create().fields(fields()).sortBy(timeField).sortOrder("desc")
                    .perPage(PAGE).maxRecords(2000));
        }
        return newestOf(rows, timeField, true);
    }

    // ---------------------------------------------------------------- deletions

    /** Up to {@code max} records deleted after {@code from}, oldest first. */
    public Changes readDeleted(Watermark from, int max) {
        RecordQuery q = RecordQuery.create().type("all").perPage(PAGE);
        if (from.time() != null) {
            q.ifModifiedSince(from.sealed() ? from.time() : from.time().minusSeconds(1));
        }
        List<Map<String, Object>> newer = new ArrayList<>();
        OffsetDateTime previous = null;
        boolean newestFirst = true;
        boolean truncated = false;
        RecordIterator it = client.deleted(module, q);
        try {
            while (it.hasNext()) {
                Map<String, Object> row = it.next();
                OffsetDateTime t = time(row, "deleted_time");
                if (t == null) {
                    continue;
                }
                if (previous != null && t.isAfter(previous)) {
                    newestFirst = false; // not the order Bigin documents: read every page
                }
                previous = t;
                if (from.time() != null && newestFirst && t.toInstant().isBefore(from.time().toInstant())) {
                    break;
                }
                if (from.isNew(t, String.valueOf(row.get("id")), null)) {
                    newer.add(row);
                }
            }
        } catch (BiginApiException e) {
            if (!"DISCRETE_PAGINATION_LIMIT_EXCEEDED".equals(e.getCode())) {
                throw e;
            }
            truncated = true;
        }
        Changes changes = oldestFirst(newer, "deleted_time", max);
        if (truncated) {
            LOG.warn("More than 2,000 {} records were deleted since {}, and Bigin's deleted-records list pages at most"
                     + " 2,000: deletions older than {} may be missing. Poll more often.", module, from.time(),
                    changes.records().isEmpty() ? "now" : changes.records().get(0).get("deleted_time"));
        }
        return changes;
    }

    /** The watermark of the newest deletion. */
    public Watermark newestDeleted() {
        // one page: Bigin lists deletions newest first, and the page is scanned whole in case it does not
        return newestOf(client.deleted(module, RecordQuery.create().type("all").perPage(PAGE).page(1)), "deleted_time",
                false);
    }

    // ---------------------------------------------------------------- helpers

    private Watermark newestOf(RecordIterator rows, String field, boolean sortedNewestFirst) {
        OffsetDateTime newest = null;
        Map<String, String> ids = new LinkedHashMap<>();
        boolean changes = !"deleted_time".equals(field);
        while (rows.hasNext()) {
            Map<String, Object> row = rows.next();
            OffsetDateTime t = time(row, field);
            if (t == null) {
                continue;
            }
            String fp = changes ? fingerprint(row) : null;
            if (newest == null || t.toInstant().isAfter(newest.toInstant())) {
                newest = t;
                ids.clear();
                ids.put(String.valueOf(row.get("id")), fp);
            } else if (t.toInstant().equals(newest.toInstant())) {
                ids.put(String.valueOf(row.get("id")), fp);
            } else if (sortedNewestFirst) {
                break; // nothing after this row can tie with the newest
            }
        }
        return newest == null ? Watermark.BEGINNING : new Watermark(newest, ids, false);
    }

    private static Changes oldestFirst(List<Map<String, Object>> rows, String field, int max) {
        rows.sort(Comparator.comparing((Map<String, Object> r) -> time(r, field).toInstant())
                .thenComparing(r -> String.valueOf(r.get("id")), ChangeReader::compareIds));
        if (rows.size() > max) {
            return new Changes(new ArrayList<>(rows.subList(0, max)), true);
        }
        return new Changes(rows, false);
    }

    /**
     * A fingerprint of a record's content (64-bit FNV-1a of its text, {@code record.toString()}, hashed as it would be
     * written without writing it), to notice a record changed again within the second it was delivered in; null when
     * the feed follows Created_Time (a second change of a new record is no new record).
     */
    public String fingerprint(Map<String, Object> record) {
        if (!"Modified_Time".equals(timeField)) {
            return null;
        }
        return Long.toHexString(new Fnv().value(record).hash);
    }

    /** FNV-1a over the characters of {@code toString()} of maps, lists and values as the JDK writes them. */
    private static final class Fnv {
        long hash = 0xcbf29ce484222325L;

        Fnv text(String s) {
            for (int i = 0; i < s.length(); i++) {
                hash ^= s.charAt(i);
                hash *= 0x100000001b3L;
            }
            return this;
        }

        Fnv value(Object v) {
            if (v instanceof java.util.AbstractMap<?, ?> map) { // "{k=v, k=v}"
                text("{");
                boolean next = false;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    text(next ? ", " : "");
                    next = true;
                    value(e.getKey() == map ? "(this Map)" : e.getKey()).text("=");
                    value(e.getValue() == map ? "(this Map)" : e.getValue());
                }
                return text("}");
            }
            if (v instanceof java.util.AbstractCollection<?> list) { // "[a, b]"
                text("[");
                boolean next = false;
                for (Object o : list) {
                    text(next ? ", " : "");
                    next = true;
                    value(o == list ? "(this Collection)" : o);
                }
                return text("]");
            }
            return text(String.valueOf(v));
        }
    }

    /** Bigin ids are numbers written as strings: compare them as numbers. */
    static int compareIds(String a, String b) {
        int c = Integer.compare(a.length(), b.length());
        return c != 0 ? c : a.compareTo(b);
    }

    @Override
    public String toString() {
        return "ChangeReader[" + module + ", " + timeField + ", " + strategy.name().toLowerCase(Locale.ROOT) + "]";
    }
}
