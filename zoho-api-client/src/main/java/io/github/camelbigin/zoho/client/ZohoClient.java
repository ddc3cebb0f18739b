package io.github.camelbigin.zoho.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.Authenticator;
import io.github.camelbigin.zoho.http.ClientStats;
import io.github.camelbigin.zoho.http.ConcurrencyLimit;
import io.github.camelbigin.zoho.http.HttpTransport;
import io.github.camelbigin.zoho.http.RetryPolicy;
import io.github.camelbigin.zoho.http.Sleeper;
import io.github.camelbigin.zoho.http.TransportSettings;
import io.github.camelbigin.zoho.metadata.DefaultFields;
import io.github.camelbigin.zoho.metadata.Metadata;
import io.github.camelbigin.zoho.notifications.Watch;
import io.github.camelbigin.zoho.records.JsonCalls;
import io.github.camelbigin.zoho.bulk.BulkJobs;
import io.github.camelbigin.zoho.bulk.BulkReader;
import io.github.camelbigin.zoho.bulk.BulkWriter;
import io.github.camelbigin.zoho.bulk.MassUpdateResult;
import io.github.camelbigin.zoho.credits.CreditBudget;
import io.github.camelbigin.zoho.records.Attachments;
import io.github.camelbigin.zoho.records.RecordIterator;
import io.github.camelbigin.zoho.records.RecordQuery;
import io.github.camelbigin.zoho.records.RecordReads;
import io.github.camelbigin.zoho.records.RecordWrites;
import io.github.camelbigin.zoho.records.WriteOptions;
import io.github.camelbigin.zoho.records.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of one Zoho REST API ({@link ZohoApi#BIGIN_V2} now) for one connection, with no Camel types: records (list,
 * get, create, update, upsert, delete, search, deleted, related, COQL) and metadata (modules, fields, layouts, users,
 * org). It spends as few calls as the API allows: writes go 100 records a call, reads 200 a page, field metadata is
 * asked once per module. Thread-safe; share one per connection.
 *
 * <pre>{@code
 * try (ZohoClient bigin = ZohoClient.builder()
 *         .authenticator(new OAuthAuthenticator(ZohoApi.BIGIN_V2, new OAuthTokenProvider(DataCenter.EU, id, secret, refresh)))
 *         .build()) {
 *     bigin.list("Contacts", RecordQuery.create().maxRecords(10)).forEachRemaining(System.out::println);
 * }
 * }</pre>
 */
public final class ZohoClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZohoClient.class);

    private final ZohoApi api;
    private final ClientStats stats = new ClientStats();
    private final HttpTransport transport;
    private final RecordReads reads;
    private final RecordWrites writes;
    private final Metadata metadata;
    private final DefaultFields defaultFields;
    private final Watch watch;
    private final Attachments attachments;
    private final BulkJobs bulk;
    private volatile String orgId;
    private final CreditBudget creditBudget;

    private ZohoClient(Builder b) {
        this.api = b.api;
        this.transport = new HttpTransport(b.api, b.transport, b.authenticator, b.apiUrl, b.retryPolicy, stats,
                b.clock, b.sleeper);
        JsonCalls calls = new JsonCalls(transport, stats);
        this.metadata = new Metadata(calls);
        this.defaultFields = new DefaultFields(metadata, api);
        this.reads = new RecordReads(calls, defaultFields::of);
        this.writes = new RecordWrites(calls);
        this.watch = new Watch(calls);
        this.attachments = new Attachments(calls, writes);
        this.bulk = new BulkJobs(calls, b.clock, b.sleeper);
        this.creditBudget = b.creditBudget;
        transport.budget(b.creditBudget);
        transport.concurrency(b.concurrency);
    }

    /**
     * The credentials this client's calls carry — an OAuth token is minted or refreshed when due, shared with the
     * client's own calls — for calls to other Zoho APIs the token's scopes cover (Zoho Books, say).
     */
    public Authenticator.Credentials credentials() {
        return transport.credentials();
    }

    /** The API domain of {@code credentials}, e.g. {@code https://www.zohoapis.com}. */
    public URI apiDomain(Authenticator.Credentials credentials) {
        return transport.apiDomain(credentials);
    }

    /** The connection's credit budget, or null when it has none. */
    public CreditBudget creditBudget() {
        return creditBudget;
    }

    /**
     * Reads every record of a module matching a bulk criteria (null: all) by bulk-read jobs, chained past 200,000;
     * see {@link BulkReader}. Close it when stopping early.
     */
    public BulkReader bulkRead(String module, List<String> fields, Map<String, Object> criteria, Duration jobTimeout,
                               long maxRecords) {
        return new BulkReader(bulk, module, fields, criteria, jobTimeout, maxRecords);
    }

    /**
     * Sets the same values on every record of a custom view by Zoho CRM's mass-update job and waits for it; see
     * {@link BulkJobs#massUpdateView}. (By ids: {@link RecordWrites#massUpdate}.)
     */
    public MassUpdateResult massUpdateView(String module, Map<String, Object> values, String cvid,
                                           Duration timeout) {
        return bulk.massUpdateView(module, values, cvid, timeout);
    }

    /** Writes records by bulk-write jobs, with zip files in {@code workDir}; see {@link BulkWriter}. */
    public BulkWriter bulkWriter(Path workDir, Duration jobTimeout) {
        return new BulkWriter(bulk, this::orgId, workDir, jobTimeout);
    }

    /** The org's zgid, asked once ({@code GET /org}). */
    private String orgId() {
        String id = orgId;
        if (id == null) {
            Object zgid = metadata.org().get("zgid");
            if (zgid == null) {
                throw new IllegalStateException(api.product() + "'s org answer has no zgid, which uploads need");
            }
            id = zgid.toString();
            orgId = id;
        }
        return id;
    }

    /** The files of records: attachments and photos, streamed both ways. */
    public Attachments attachments() {
        return attachments;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The API this client speaks. */
    public ZohoApi api() {
        return api;
    }

    public ClientStats stats() {
        return stats;
    }

    /** The server's clock as its last answer's Date header tells it (the local clock before the first answer). */
    public Instant serverTime() {
        return transport.serverTime();
    }

    // ---------------------------------------------------------------- writes

    /** Creates records, 100 a call; results in input order. */
    public List<WriteResult> create(String module, List<Map<String, Object>> records, WriteOptions options) {
        return writes.create(module, records, options);
    }

    /** Updates records, each identified by its {@code id}; 100 a call; results in input order. */
    public List<WriteResult> update(String module, List<Map<String, Object>> records, WriteOptions options) {
        return writes.update(module, records, options);
    }

    /** Inserts records or updates those that match on the duplicate-check fields; results say which. */
    public List<WriteResult> upsert(String module, List<Map<String, Object>> records, WriteOptions options) {
        return writes.upsert(module, records, options);
    }

    /** Deletes records by id, 100 a call; results in input order. */
    public List<WriteResult> delete(String module, List<String> ids, WriteOptions options) {
        return writes.delete(module, ids, options);
    }

    /** Adds tags to records, 500 a call; the module gains the tags it lacks. */
    public List<WriteResult> addTags(String module, List<String> ids, List<String> tags, boolean overwrite,
                                     WriteOptions options) {
        return writes.addTags(module, ids, tags, overwrite, options);
    }

    /** Removes tags from records, 100 a call. */
    public List<WriteResult> removeTags(String module, List<String> ids, List<String> tags, WriteOptions options) {
        return writes.removeTags(module, ids, tags, options);
    }

    /** Creates tags in a module. */
    public List<WriteResult> createTags(String module, List<String> names, WriteOptions options) {
        return writes.createTags(module, names, options);
    }

    /** The tags of a module. */
    public List<Map<String, Object>> tags(String module) {
        return metadata.tags(module);
    }

    /** Creates notes on a record. */
    public List<WriteResult> createNotes(String module, String recordId, List<Map<String, Object>> notes,
                                         WriteOptions options) {
        return writes.createNotes(module, recordId, notes, options);
    }

    /** Relates records of a related list to a record, updating the fields each carries beside its id. */
    public List<WriteResult> updateRelated(String module, String recordId, String relatedList,
                                           List<Map<String, Object>> related, WriteOptions options) {
        return writes.updateRelated(module, recordId, relatedList, related, options);
    }

    /** Sets the same values on records by id (Zoho CRM's mass update); one result per id in input order. */
    public List<WriteResult> massUpdate(String module, Map<String, Object> values, List<String> ids,
                                        WriteOptions options) {
        return writes.massUpdate(module, values, ids, options);
    }

    /** Delinks records of a related list from a record. */
    public List<WriteResult> delinkRelated(String module, String recordId, String relatedList, List<String> relatedIds,
                                           WriteOptions options) {
        return writes.delinkRelated(module, recordId, relatedList, relatedIds, options);
    }

    // ---------------------------------------------------------------- reads

    /** The record reads, for code that needs no more than them (the change feed). */
    public RecordReads reads() {
        return reads;
    }

    /** One record by id, or empty when there is no such record. */
    public Optional<Map<String, Object>> get(String module, String id) {
        return reads.get(module, id);
    }

    /** Every record of a module (or one page of it), lazily paged. Without fields, all fields are read. */
    public RecordIterator list(String module, RecordQuery query) {
        return reads.list(module, query);
    }

    /** Records matching a criteria, an email, a phone or a word (exactly one of them), lazily paged. */
    public RecordIterator search(String module, RecordQuery query) {
        return reads.search(module, query);
    }

    /** Deleted records ({@code type} all, recycle or permanent), newest first, lazily paged. */
    public RecordIterator deleted(String module, RecordQuery query) {
        return reads.deleted(module, query);
    }

    /** The records of a related list of one record, e.g. the Contacts or Notes of an Account. */
    public RecordIterator related(String module, String id, String relatedList, RecordQuery query) {
        return reads.related(module, id, relatedList, query);
    }

    /** One page of a COQL query ({@code POST /coql}). */
    public RecordIterator.Page coql(String selectQuery) {
        return reads.coql(selectQuery);
    }

    // ---------------------------------------------------------------- metadata

    /** The modules of the org. */
    public List<Map<String, Object>> modules() {
        return metadata.modules();
    }

    /** The fields of a module. */
    public List<Map<String, Object>> fields(String module) {
        return metadata.fields(module);
    }

    /** The layouts of a module. */
    public List<Map<String, Object>> layouts(String module) {
        return metadata.layouts(module);
    }

    /** The users of the org, of the query's user type ({@code AllUsers} by default). */
    public RecordIterator users(RecordQuery query) {
        return metadata.users(query);
    }

    /** One user by id, or empty when there is none. */
    public Optional<Map<String, Object>> user(String id) {
        return metadata.user(id);
    }

    /** The organization. */
    public Map<String, Object> org() {
        return metadata.org();
    }

    /** The org's notification channels: enable, renew, list, delete. */
    public Watch watch() {
        return watch;
    }

    /** The fields a read asks for when the user named none (from the module's metadata, kept after one call). */
    public List<String> defaultFields(String module) {
        return defaultFields.of(module);
    }

    @Override
    public void close() {
        if (creditBudget != null) {
            creditBudget.flush(); // the day's spending survives a restart
        }
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("Closing the HTTP client failed", e);
        }
    }

    @Override
    public String toString() {
        return "ZohoClient[" + api + "]";
    }

    /** Builds a client. */
    public static final class Builder {
        private ZohoApi api = ZohoApi.BIGIN_V2;
        private Authenticator authenticator;
        private URI apiUrl;
        private TransportSettings transport = new TransportSettings();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;
        private CreditBudget creditBudget;
        private ConcurrencyLimit concurrency;

        /** The API to speak; Bigin v2 by default. */
        public Builder api(ZohoApi api) {
            this.api = api;
            return this;
        }

        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = authenticator;
            return this;
        }

        /** Overrides the API base URL (e.g. {@code http://127.0.0.1:8080/bigin/v2} for the emulator). */
        public Builder apiUrl(URI apiUrl) {
            this.apiUrl = apiUrl;
            return this;
        }

        public Builder transport(TransportSettings transport) {
            this.transport = transport;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** The clock of deadlines and of the server's time between answers; a test gives a fake one. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Every call spends from this budget before it is sent; one that would pass it is refused (null: none). */
        public Builder creditBudget(CreditBudget budget) {
            this.creditBudget = budget;
            return this;
        }

        /**
         * The most calls in flight at once (0: no limit but the connection pool's), e.g. a Zoho CRM edition's
         * {@link io.github.camelbigin.zoho.credits.CrmEdition#concurrency()}; heavy calls are held to 10 besides.
         */
        public Builder concurrency(int calls) {
            return concurrency(calls > 0 ? new ConcurrencyLimit(calls) : null);
        }

        /** A concurrency limit shared with other clients of the same org (null: none). */
        public Builder concurrency(ConcurrencyLimit limit) {
            this.concurrency = limit;
            return this;
        }

        /** How the client waits before a retry; a test gives one that moves its fake clock. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public ZohoClient build() {
            if (authenticator == null) {
                throw new IllegalStateException("No credentials: give an OAuthAuthenticator, StaticTokenAuthenticator"
                                                 + " or MatonAuthenticator");
            }
            return new ZohoClient(this);
        }
    }
}
