package io.github.camelbigin.zoho.feed;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.Sleeper;
import io.github.camelbigin.zoho.records.Approval;

/**
 * What changed in a module after a {@link Watermark}, oldest first, in as few calls as the API allows: an idle read is
 * one call, N changes cost about N/200 calls. The parts: a {@link ChangeSource} per {@link ChangeDetection} (list or
 * COQL), the {@link KeysetReader} that re-anchors every page on the watermark, the {@link ReadAhead} that reads the
 * next batch while this one is delivered, and the {@link DeletionReader} for deleted records.
 */
public final class ChangeFeed {

    /** How long after a second no record can appear in it or change within it any more. */
    public static final Duration SETTLE_MARGIN = KeysetReader.SETTLE_MARGIN;
    /** The time field of deleted records. */
    public static final String DELETED_TIME = DeletionReader.TIME_FIELD;
    private static final String CREATED_TIME = "Created_Time";

    private final ZohoClient client;
    private final String module;
    private final List<String> requestedFields;
    private final String timeField;
    private final ChangeDetection detection;
    private final ChangeSource source;
    private final ReadAhead changes;
    /** A feed of new records through the list: the one-page read that spares idle polls the edits (else null). */
    private final NewestCreated created;
    private final DeletionReader deletions;
    /** Whether the last read stopped at its limit: the next one goes on with the keyset reader's backlog. */
    private volatile boolean backlog;
    private volatile List<String> fields;

    /**
     * @param fields    the fields to read (null: every field); the time fields are always added
     * @param timeField {@code Modified_Time} for every change, {@code Created_Time} for new records only
     */
    public ChangeFeed(ZohoClient client, String module, List<String> fields, String timeField,
                      ChangeDetection detection) {
        this(client, module, fields, timeField, detection, Approval.approved);
    }

    /**
     * @param approval which records by approval a list-based feed reads (a COQL feed takes only the default: COQL has
     *                 no approval filter)
     */
    public ChangeFeed(ZohoClient client, String module, List<String> fields, String timeField,
                      ChangeDetection detection, Approval approval) {
        checkApproval(detection, approval);
        ZohoApi api = client.api();
        this.client = client;
        this.module = module;
        this.requestedFields = fields;
        this.timeField = timeField;
        this.detection = detection;
        ListChangeSource list = detection == ChangeDetection.coql ? null
                : new ListChangeSource(client.reads(), module, timeField, this::fields, api.pageSize(), approval);
        this.source = list != null ? list
                : new CoqlChangeSource(client.reads(), api, module, timeField, this::fields, client::serverTime);
        // COQL filters on Created_Time itself; a list filters on Modified_Time only
        this.created = list != null && CREATED_TIME.equals(timeField)
                ? new NewestCreated(list, client.reads(), timeField, this::fields) : null;
        this.changes = new ReadAhead(new KeysetReader(source, api, module, timeField, this::fingerprint));
        this.deletions = new DeletionReader(client.reads(), api, module);
    }

    /** Fails when the detection cannot honour the approval filter (COQL has none). */
    public static void checkApproval(ChangeDetection detection, Approval approval) {
        if (detection == ChangeDetection.coql && approval != null && approval != Approval.approved) {
            throw new IllegalArgumentException("approved=" + approval + " needs changeDetection=list: COQL has no"
                                               + " approval filter, so records awaiting approval could be missed");
        }
    }

    public String timeField() {
        return timeField;
    }

    /** Up to {@code max} records changed after {@code from}, oldest first. */
    public Changes read(Watermark from, int max) {
        Changes read = created != null && !backlog ? created.read(from, max) : null;
        if (read == null) {
            read = changes.read(from, max);
            backlog = read.more();
        }
        return read;
    }

    /** Lets reads go ahead on {@code executor} (null: never); see {@link ReadAhead}. */
    public void readAhead(Executor executor) {
        changes.executor(executor);
    }

    /** Stops a read ahead after the page in flight: the next read starts somewhere else. */
    public void cancelReadAhead() {
        changes.cancel();
    }

    /**
     * Where a feed that starts now begins: the newest second with every record in it, so that only what changes after
     * this call is delivered; see {@link StartingPoint}. One call, or one a page of records sharing that second.
     */
    public Watermark startingPoint() {
        return StartingPoint.read(source.newestFirst(0), timeField, this::fingerprint, client::serverTime,
                Sleeper.REAL, client.api(), module + " records");
    }

    /** Up to {@code max} records deleted after {@code from}, oldest first. */
    public Changes readDeleted(Watermark from, int max) {
        return deletions.read(from, max, null, null);
    }

    /**
     * Up to {@code max} records deleted after {@code from}, oldest first, reconciled with the deletions callbacks
     * announced: when more were deleted than the deleted-records list reaches back to, the announced ones beyond its
     * reach come first ({@link Changes#announced()}); see {@link DeletionInbox}.
     */
    public Changes readDeleted(Watermark from, int max, DeletionInbox inbox) {
        return deletions.read(from, max, inbox, client::serverTime);
    }

    /** Where a feed of deletions that starts now begins, as {@link #startingPoint()} for records. */
    public Watermark deletionsStartingPoint() {
        return StartingPoint.read(deletions.newestFirst(), DELETED_TIME, row -> null, client::serverTime, Sleeper.REAL,
                client.api(), module + " deletions");
    }

    /**
     * The {@link Fingerprint} of a record, to notice a record changed again within the second it was delivered in;
     * null when the feed follows Created_Time (a second change of a new record is no new record).
     */
    public String fingerprint(Map<String, Object> record) {
        return "Modified_Time".equals(timeField) ? Fingerprint.of(record) : null;
    }

    /** The fields the feed reads: the time fields, then the requested ones (or every field). */
    private List<String> fields() {
        List<String> f = fields;
        if (f == null) {
            Set<String> set = new LinkedHashSet<>();
            set.add(timeField);
            set.add("Created_Time");
            set.add("Modified_Time");
            set.addAll(requestedFields != null ? requestedFields : client.metadata().defaultFields(module));
            set.remove("id");
            f = List.copyOf(set);
            fields = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return "ChangeFeed[" + module + ", " + timeField + ", " + detection + "]";
    }
}
