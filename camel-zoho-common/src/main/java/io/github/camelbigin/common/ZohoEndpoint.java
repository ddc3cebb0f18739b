package io.github.camelbigin.common;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.client.ScopedEndpoint;
import io.github.camelbigin.common.consumer.ZohoConsumer;
import io.github.camelbigin.common.observe.ZohoHealthCheck;
import io.github.camelbigin.common.options.EndpointSettings;
import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.common.producer.ZohoProducer;
import io.github.camelbigin.common.push.WakeUps;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.ClientStats;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * The base of the family's endpoints, generic over the product's configuration: a product adds its
 * {@code @UriEndpoint} (the catalog takes its headers from there) and holds its configuration as its
 * {@code @UriParam}. Its options are checked once, when it is created, into {@link EndpointSettings}; its producer and
 * consumers receive the {@link EndpointScope} built from them. Also its readiness check and JMX attributes.
 *
 * @param <C> the product's configuration
 */
public abstract class ZohoEndpoint<C extends ZohoConfiguration> extends ScheduledPollEndpoint
        implements EndpointServiceLocation, ScopedEndpoint {

    /** How often a consumer polls by default, in milliseconds. */
    public static final long DEFAULT_DELAY = 60_000;

    // shadows the scheduler's 500 ms default: every poll spends an API credit
    @UriParam(defaultValue = "" + DEFAULT_DELAY, javaType = "java.time.Duration", label = "consumer,scheduler",
              description = "Milliseconds before the next poll. Each poll costs at least one API call (1,440 a day at"
                            + " the default); 0 or less is refused.")
    private long delay = DEFAULT_DELAY;

    private EndpointScope scope;
    private ZohoHealthCheck healthCheck;
    private WritableHealthCheckRepository healthRepository;

    protected ZohoEndpoint(String uri, ZohoComponent<C> component) {
        super(uri, component);
        setDelay(DEFAULT_DELAY);
    }

    /** The endpoint's options (the product's configuration, a copy of its component's). */
    public abstract C getConfiguration();

    /** Milliseconds before the next poll. */
    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ZohoComponent<C> getComponent() {
        return (ZohoComponent<C>) super.getComponent();
    }

    /** The Zoho API this endpoint's component speaks. */
    public ZohoApi api() {
        return getComponent().product().api();
    }

    /**
     * Checks every option, once: a value that makes no sense fails here, naming it, before any route starts.
     *
     * @throws IllegalArgumentException naming the bad option and value, and what to give
     */
    void check() {
        scope = new EndpointScope(getConfiguration(),
                EndpointSettings.check(getComponent().product(), getConfiguration(), this), getComponent().clients());
    }

    /** What the producer and consumers share: the options as checked, the client while started. */
    @Override
    public EndpointScope scope() {
        if (scope == null) {
            check(); // an endpoint made by hand, not through its component: checked now
        }
        return scope;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new ZohoProducer(this, scope());
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ZohoConsumer consumer = new ZohoConsumer(this, processor, scope());
        configureConsumer(consumer);
        if (scope().settings().push() != null) {
            // a tick only looks whether a callback came or the safety net is due: no call unless one is; the first
            // tick comes at once, so "now" (initialPosition) is when the route started
            consumer.setDelay(WakeUps.TICK_MILLIS);
            consumer.setInitialDelay(0);
        }
        return consumer;
    }

    /** The shared client, available while the endpoint is started. */
    public ZohoClient getClient() {
        return scope == null ? null : scope.client();
    }

    /** Calls, credits, retries and records of the client this endpoint uses. */
    public ClientStats getClientStats() {
        ZohoClient c = getClient();
        return c == null ? null : c.stats();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        scope().start();
        ZohoComponent<C> component = getComponent();
        if (component.isHealthCheckProducerEnabled() || component.isHealthCheckConsumerEnabled()) {
            healthRepository = HealthCheckHelper.getHealthCheckRepository(getCamelContext(), "producers",
                    WritableHealthCheckRepository.class);
            if (healthRepository != null) {
                String id = component.product().scheme() + "-" + getConfiguration().getModule() + "-"
                            + Integer.toHexString(getEndpointUri().hashCode());
                healthCheck = new ZohoHealthCheck(this, scope, id);
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
        if (scope != null) {
            scope.stop();
        }
        super.doStop();
    }

    // ------------------------------------------------------------------ JMX

    @ManagedAttribute(description = "The module")
    public String getModule() {
        return getConfiguration().getModule();
    }

    @ManagedAttribute(description = "The producer's operation")
    public String getOperation() {
        return getConfiguration().getOperation() == null ? null : getConfiguration().getOperation().name();
    }

    @ManagedAttribute(description = "The connection's credit budget for 24 hours (0: none)")
    public long getCreditBudget() {
        return getConfiguration().getCreditBudget();
    }

    @ManagedAttribute(description = "With a credit budget: the credits the connection spent in the last 24 hours")
    public long getCreditsSpent() {
        return scope == null ? 0 : scope.creditsSpent();
    }

    @ManagedAttribute(description = "API calls made by this endpoint's client (shared by endpoints with the same connection)")
    public long getApiCalls() {
        ClientStats s = getClientStats();
        return s == null ? 0 : s.getApiCalls();
    }

    @ManagedAttribute(description = "API credits the calls cost by Zoho's table")
    public long getCredits() {
        ClientStats s = getClientStats();
        return s == null ? 0 : s.getCredits();
    }

    @ManagedAttribute(description = "Calls sent again after 429, 5xx, I/O errors or an expired token")
    public long getRetries() {
        ClientStats s = getClientStats();
        return s == null ? 0 : s.getRetries();
    }

    @ManagedAttribute(description = "Records read")
    public long getRecordsRead() {
        ClientStats s = getClientStats();
        return s == null ? 0 : s.getRecordsRead();
    }

    @ManagedAttribute(description = "Records Zoho reported written")
    public long getRecordsWritten() {
        ClientStats s = getClientStats();
        return s == null ? 0 : s.getRecordsWritten();
    }

    @ManagedAttribute(description = "Calls that failed after their retries")
    public long getFailedCalls() {
        ClientStats s = getClientStats();
        return s == null ? 0 : s.getFailedCalls();
    }

    @ManagedAttribute(description = "The message of the last failed call")
    public String getLastError() {
        ClientStats s = getClientStats();
        return s == null ? null : s.getLastError();
    }

    @Override
    public String getServiceUrl() {
        return scope().serviceUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }
}
