package io.github.camelbigin.zoho.client;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.Authenticator;
import io.github.camelbigin.zoho.http.ClientStats;
import io.github.camelbigin.zoho.http.ConcurrencyLimit;
import io.github.camelbigin.zoho.http.HttpTransport;
import io.github.camelbigin.zoho.http.RetryPolicy;
import io.github.camelbigin.zoho.http.Sleeper;
import io.github.camelbigin.zoho.http.TransportSettings;
import io.github.camelbigin.zoho.metadata.Metadata;
import io.github.camelbigin.zoho.notifications.Watch;
import io.github.camelbigin.zoho.records.JsonCalls;
import io.github.camelbigin.zoho.bulk.BulkJobs;
import io.github.camelbigin.zoho.credits.CreditBudget;
import io.github.camelbigin.zoho.records.Attachments;
import io.github.camelbigin.zoho.records.Composite;
import io.github.camelbigin.zoho.records.RecordActions;
import io.github.camelbigin.zoho.records.RecordReads;
import io.github.camelbigin.zoho.records.RecordWrites;
import io.github.camelbigin.zoho.records.RecycleBin;
import io.github.camelbigin.zoho.records.RelatedWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of one Zoho REST API ({@link ZohoApi#BIGIN_V2}, {@link ZohoApi#CRM_V8}) for one connection, with no Camel
 * types. Its services, one per concern: {@link #reads()}, {@link #writes()}, {@link #related()}, {@link #actions()},
 * {@link #recycleBin()}, {@link #composite()}, {@link #attachments()}, {@link #bulk()}, {@link #metadata()},
 * {@link #watch()}. It spends as few calls as the API allows: writes go 100 records a call, reads 200 a page, field metadata is
 * asked once per module. Thread-safe; share one per connection.
 *
 * <pre>{@code
 * try (ZohoClient bigin = ZohoClient.builder()
 *         .authenticator(new OAuthAuthenticator(ZohoApi.BIGIN_V2, new OAuthTokenProvider(DataCenter.EU, id, secret, refresh)))
 *         .build()) {
 *     bigin.reads().list("Contacts", RecordQuery.create().maxRecords(10)).forEachRemaining(System.out::println);
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
    private final RelatedWrites related;
    private final RecordActions actions;
    private final RecycleBin recycleBin;
    private final Composite composite;
    private final Metadata metadata;
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
        this.reads = new RecordReads(calls, metadata::defaultFields);
        this.writes = new RecordWrites(calls, metadata::subformFields);
        this.related = new RelatedWrites(calls);
        this.actions = new RecordActions(calls);
        this.recycleBin = new RecycleBin(calls);
        this.composite = new Composite(calls);
        this.watch = new Watch(calls);
        this.attachments = new Attachments(calls);
        this.bulk = new BulkJobs(calls, this::orgId, b.clock, b.sleeper);
        this.creditBudget = b.creditBudget;
        transport.budget(b.creditBudget);
        transport.concurrency(b.concurrency);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- the services, one per concern

    /** Reads of records: get, list, search, deleted, related lists, COQL, count. */
    public RecordReads reads() {
        return reads;
    }

    /** Writes of records: create, update, upsert, delete, mass update; 100 a call, results in input order. */
    public RecordWrites writes() {
        return writes;
    }

    /** What is written beside records: tags, notes, related lists. */
    public RelatedWrites related() {
        return related;
    }

    /** Zoho CRM's record actions: lead conversion, owner changes, blueprint transitions, mail sent from a record. */
    public RecordActions actions() {
        return actions;
    }

    /** Zoho CRM's recycle bin: list, restore, delete for good. */
    public RecycleBin recycleBin() {
        return recycleBin;
    }

    /** Zoho CRM's composite calls: up to five in one, optionally all or nothing. */
    public Composite composite() {
        return composite;
    }

    /** The files of records: attachments and photos, streamed both ways. */
    public Attachments attachments() {
        return attachments;
    }

    /** Bulk jobs: reads and writes of whole modules, Zoho CRM's mass update of a custom view. */
    public BulkJobs bulk() {
        return bulk;
    }

    /** What the org is made of: modules, fields (and the default fields of reads), layouts, tags, users, the org. */
    public Metadata metadata() {
        return metadata;
    }

    /** The org's notification channels: enable, renew, list, delete. */
    public Watch watch() {
        return watch;
    }

    // ---------------------------------------------------------------- the connection

    /** The API this client speaks. */
    public ZohoApi api() {
        return api;
    }

    /** Calls, credits, retries and records of this client. */
    public ClientStats stats() {
        return stats;
    }

    /** The server's clock as its last answer's Date header tells it (the local clock before the first answer). */
    public Instant serverTime() {
        return transport.serverTime();
    }

    /** The connection's credit budget, or null when it has none. */
    public CreditBudget creditBudget() {
        return creditBudget;
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

    /** The org's zgid, asked once ({@code GET /org}): bulk uploads name it. */
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
