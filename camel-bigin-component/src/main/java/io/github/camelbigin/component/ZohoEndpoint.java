package io.github.camelbigin.component;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelbigin.zoho.api.Feature;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.DataCenter;
import io.github.camelbigin.zoho.auth.MatonAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.ClientStats;
import io.github.camelbigin.zoho.records.RecordQuery;
import io.github.camelbigin.zoho.records.WriteOptions;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * What an endpoint of a Zoho component is, whichever API it speaks: its options, its shared client, its producer and
 * consumer, its health check and JMX attributes. {@link BiginEndpoint} ({@code bigin:}) and the Zoho CRM component's
 * endpoint ({@code zohocrm:}) add only their {@code @UriEndpoint}: the catalog takes each one's headers from there.
 */
public abstract class ZohoEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ZohoEndpoint.class);

    /** How often a consumer polls by default, in milliseconds. */
    public static final long DEFAULT_DELAY = 60_000;

    @UriParam
    private final BiginConfiguration configuration;

    // shadows the scheduler's 500 ms default: every poll spends an API credit
    @UriParam(defaultValue = "" + DEFAULT_DELAY, javaType = "java.time.Duration", label = "consumer,scheduler",
              description = "Milliseconds before the next poll. Each poll costs at least one API call (1,440 a day at"
                            + " the default); 0 or less is refused.")
    private long delay = DEFAULT_DELAY;

    private ZohoClient client;
    private final MatonOperations maton;
    private BiginHealthCheck healthCheck;
    private WritableHealthCheckRepository healthRepository;
    private final MemoryStateRepository memoryState = new MemoryStateRepository();
    /** The consumer options, checked at endpoint creation. */
    private FeedSettings feedSettings;
    /** The started consumers of this endpoint, for the health check. */
    private final Set<BiginConsumer> consumers = ConcurrentHashMap.newKeySet();

    protected ZohoEndpoint(String uri, BiginComponent component, BiginConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        this.maton = new MatonOperations(this);
        setDelay(DEFAULT_DELAY);
    }

    /** Milliseconds before the next poll. */
    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    @Override
    public BiginComponent getComponent() {
        return (BiginComponent) super.getComponent();
    }

    public BiginConfiguration getConfiguration() {
        return configuration;
    }

    /** The Zoho API this endpoint's component speaks. */
    public ZohoApi api() {
        return getComponent().api();
    }

    /** The URI scheme: {@code bigin}, {@code zohocrm}. */
    String scheme() {
        return getComponent().scheme();
    }

    /** {@code scheme:module}, how messages and logs name this endpoint (no option, so no secret). */
    String label() {
        return scheme() + ":" + configuration.getModule();
    }

    /** The names of the headers this endpoint reads and sets. */
    HeaderNames headers() {
        return getComponent().headerNames();
    }

    /** Fails fast, at endpoint creation, on options Zoho would refuse later. */
    void validate() {
        if (configuration.getClient() == null) {
            configuration.authMode();
        }
        feedSettings = FeedSettings.of(configuration);
        PollSchedule.check(this, configuration);
        RecordQuery.create().perPage(configuration.getPerPage()).page(configuration.getPage())
                .maxRecords(configuration.getMaxRecords());
        WriteOptions.create().batchSize(configuration.getBatchSize());
        MatonOperations.check(configuration);
        if (!api().has(Feature.RECORD_ACTIONS)) {
            // Zoho CRM's record actions: refused here rather than answered by the API with an unknown URL
            String crmOnly = configuration.getOperation() == BiginOperation.massUpdate ? "operation=massUpdate"
                    : configuration.getExternalField() != null ? "externalField=" + configuration.getExternalField()
                    : configuration.getEdition() != null ? "edition=" + configuration.getEdition()
                    : configuration.getNotifyFields() != null ? "notifyFields=" + configuration.getNotifyFields() : null;
            if (crmOnly != null) {
                throw new IllegalArgumentException(crmOnly + " is a Zoho CRM option and " + label() + " speaks "
                                                   + api().product() + ": use it on a zohocrm: endpoint");
            }
        }
        if (configuration.getCreditBudget() < 0) {
            throw new IllegalArgumentException("creditBudget " + configuration.getCreditBudget() + " is negative: give"
                                               + " the most credits a day this connection may spend, or 0 for no"
                                               + " budget");
        }
        if (configuration.getBulkWorkDir() != null
            && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(configuration.getBulkWorkDir()))) {
            throw new IllegalArgumentException("bulkWorkDir '" + configuration.getBulkWorkDir() + "' is not a"
                                               + " directory: give an existing directory for the bulk-write files");
        }
        if (configuration.getBulkCriteria() != null) {
            try {
                com.fasterxml.jackson.databind.JsonNode c = io.github.camelbigin.zoho.http.ZohoJson.MAPPER
                        .readTree(configuration.getBulkCriteria());
                if (c == null || !c.isObject()) {
                    throw new IllegalArgumentException("not an object");
                }
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("bulkCriteria '" + configuration.getBulkCriteria() + "' is not a"
                                                   + " JSON object such as {\"api_name\":\"Email\",\"comparator\":"
                                                   + "\"equal\",\"value\":\"a@b.c\"}", e);
            }
        }
        if (configuration.getQuery() != null) {
            BiginProducer.checkQuery(this, configuration.getQuery(), configuration.getModule());
        }
        if (configuration.getApiUrl() != null) {
            URI.create(configuration.getApiUrl());
        }
        if (configuration.getAccountsUrl() != null) {
            URI.create(configuration.getAccountsUrl());
        }
    }

    @Override
    public Producer createProducer() throws Exception {
        return new BiginProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        BiginConsumer consumer = new BiginConsumer(this, processor);
        configureConsumer(consumer);
        if (configuration.isNotifications()) {
            // a tick only looks whether a callback came or the safety net is due: no call unless one is; the first
            // tick comes at once, so "now" (initialPosition) is when the route started
            consumer.setDelay(PushMode.TICK_MILLIS);
            consumer.setInitialDelay(0);
        }
        return consumer;
    }

    /** The consumer options as checked when the endpoint was created (an endpoint made by hand: checked now). */
    FeedSettings feedSettings() {
        if (feedSettings == null) {
            feedSettings = FeedSettings.of(configuration);
        }
        return feedSettings;
    }

    /** The started consumers of this endpoint. */
    Set<BiginConsumer> consumers() {
        return consumers;
    }

    /** Where consumers keep their watermark when no stateRepository is set: survives route restarts, not JVM ones. */
    StateRepository<String, String> memoryState() {
        return memoryState;
    }

    /** The shared client, available while the endpoint is started. */
    /** The Maton connection operations of this endpoint. */
    MatonOperations maton() {
        return maton;
    }

    public ZohoClient getClient() {
        return client;
    }

    @ManagedAttribute(description = "The connection's credit budget for 24 hours (0: none)")
    public long getCreditBudget() {
        return configuration.getCreditBudget();
    }

    @ManagedAttribute(description = "With a credit budget: the credits the connection spent in the last 24 hours")
    public long getCreditsSpent() {
        ZohoClient c = client;
        return c == null || c.creditBudget() == null ? 0 : c.creditBudget().spent();
    }

    /** Calls, credits, retries and records of the client this endpoint uses. */
    public ClientStats getClientStats() {
        return client == null ? null : client.stats();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (client == null) {
            client = configuration.getClient() != null ? configuration.getClient()
                    : getComponent().acquire(configuration);
        }
        BiginComponent component = getComponent();
        if (configuration.getClient() == null && configuration.getApiKey() != null
            && configuration.getConnectionId() == null && maton.controlApiKnown()
            && component.firstStartOfMatonKey(configuration)) {
            maton.sayWhichConnection(LOG);
        }
        if (component.isHealthCheckProducerEnabled() || component.isHealthCheckConsumerEnabled()) {
            healthRepository = HealthCheckHelper.getHealthCheckRepository(getCamelContext(), "producers",
                    WritableHealthCheckRepository.class);
            if (healthRepository != null) {
                String id = component.scheme() + "-" + configuration.getModule() + "-"
                            + Integer.toHexString(getEndpointUri().hashCode());
                healthCheck = new BiginHealthCheck(this, id);
                healthRepository.addHealthCheck(healthCheck);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null && healthRepository != null) {
            healthRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        if (client != null && client != configuration.getClient()) {
            getComponent().release(client); // a client the user gave is the user's to close
        }
        client = null;
        maton.close();
        super.doStop();
    }

    // ------------------------------------------------------------------ JMX

    @ManagedAttribute(description = "The module")
    public String getModule() {
        return configuration.getModule();
    }

    @ManagedAttribute(description = "The producer's operation")
    public String getOperation() {
        return configuration.getOperation() == null ? null : configuration.getOperation().name();
    }

    @ManagedAttribute(description = "API calls made by this endpoint's client (shared by endpoints with the same connection)")
    public long getApiCalls() {
        return client == null ? 0 : client.stats().getApiCalls();
    }

    @ManagedAttribute(description = "API credits the calls cost by Zoho's table")
    public long getCredits() {
        return client == null ? 0 : client.stats().getCredits();
    }

    @ManagedAttribute(description = "Calls sent again after 429, 5xx, I/O errors or an expired token")
    public long getRetries() {
        return client == null ? 0 : client.stats().getRetries();
    }

    @ManagedAttribute(description = "Records read")
    public long getRecordsRead() {
        return client == null ? 0 : client.stats().getRecordsRead();
    }

    @ManagedAttribute(description = "Records Zoho reported written")
    public long getRecordsWritten() {
        return client == null ? 0 : client.stats().getRecordsWritten();
    }

    @ManagedAttribute(description = "Calls that failed after their retries")
    public long getFailedCalls() {
        return client == null ? 0 : client.stats().getFailedCalls();
    }

    @ManagedAttribute(description = "The message of the last failed call")
    public String getLastError() {
        return client == null ? null : client.stats().getLastError();
    }

    @Override
    public String getServiceUrl() {
        if (configuration.getApiUrl() != null) {
            return configuration.getApiUrl();
        }
        if (configuration.getApiKey() != null) {
            return MatonAuthenticator.gatewayUrl(api()).toString();
        }
        DataCenter dc = configuration.getDataCenter() == null ? DataCenter.US : configuration.getDataCenter();
        return dc.apiUrl(api()).toString();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }
}
