package io.github.camelbigin.common.observe;

import java.util.List;
import java.util.Map;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.consumer.StuckRecord;
import io.github.camelbigin.common.consumer.ZohoConsumer;
import io.github.camelbigin.zoho.auth.ZohoAuthenticationException;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.ClientStats;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.RecordQuery;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of an endpoint: DOWN with Zoho's message when its credentials are rejected or Zoho cannot be reached, or
 * when its change feed is stuck on a record. It spends credits sparingly: the endpoint's own recent calls answer it;
 * only when nothing was called for five minutes does it ask Zoho (one one-record read of the endpoint's module), at
 * most once per five minutes.
 */
public class ZohoHealthCheck extends AbstractHealthCheck {

    /** How long a call's outcome answers the check, and the least time between two probes. */
    static final long FRESH_MILLIS = 5 * 60_000;

    private final Endpoint endpoint;
    private final EndpointScope scope;
    private final String scheme;
    private volatile long lastProbeAt;

    public ZohoHealthCheck(Endpoint endpoint, EndpointScope scope, String id) {
        super("camel", id);
        this.endpoint = endpoint;
        this.scope = scope;
        this.scheme = scope.product().scheme();
    }

    @Override
    public boolean isLiveness() {
        return false; // Zoho being unreachable is no reason to restart this application
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail(HealthCheck.ENDPOINT_URI, endpoint.getEndpointBaseUri());
        builder.detail(scheme + ".module", scope.module());
        builder.detail(scheme + ".api.url", scope.serviceUrl());
        ZohoClient client = scope.client();
        if (client == null) {
            builder.message("The endpoint is not started").unknown();
            return;
        }
        ClientStats stats = client.stats();
        long now = System.currentTimeMillis();
        if (!judge(builder, stats, now) && now - lastProbeAt >= FRESH_MILLIS) {
            lastProbeAt = now;
            try {
                client.reads().list(scope.module(), RecordQuery.create()
                        .fields(List.of("Created_Time")).perPage(1).page(1)).hasNext();
            } catch (ZohoApiException e) {
                // judged below from the client's statistics
            }
            judge(builder, stats, System.currentTimeMillis());
        }
        builder.detail(scheme + ".api.calls", stats.getApiCalls());
        builder.detail(scheme + ".credits", stats.getCredits());
        builder.detail(scheme + ".retries", stats.getRetries());
        long budget = scope.config().getCreditBudget();
        if (budget > 0) {
            builder.detail(scheme + ".credit.budget", budget);
            builder.detail(scheme + ".credits.spent24h", scope.creditsSpent());
            builder.detail(scheme + ".credits.remaining", Math.max(0, budget - scope.creditsSpent()));
        }
        if (builder.state() == null) {
            builder.message("No call to " + scope.product().name() + " in the last " + FRESH_MILLIS / 60_000
                            + " minutes").up();
        }
        stuckFeed(builder);
    }

    /** A consumer stuck on a record whose exchange keeps failing: which record, since when; DOWN once it lasts. */
    private void stuckFeed(HealthCheckResultBuilder builder) {
        for (Route route : endpoint.getCamelContext().getRoutes()) {
            StuckRecord s = route.getConsumer() instanceof ZohoConsumer consumer && consumer.getEndpoint() == endpoint
                    ? consumer.stuck() : null;
            if (s == null) {
                continue;
            }
            String prefix = scheme + ".stuck.";
            builder.detail(prefix + "record.id", s.id()).detail(prefix + "event.type", s.type())
                    .detail(prefix + "attempts", s.attempts()).detail(prefix + "since", s.since().toString());
            if (s.unhealthy()) {
                builder.message("The change feed of " + scope.label() + " is stuck on record " + s.id() + ": its "
                                + s.type() + " event failed in " + s.attempts() + " polls in a row since " + s.since()
                                + ". Fix the route, or park such records with a deadLetterChannel error handler")
                        .down();
            }
        }
    }

    /** Sets the state when the client's last calls tell it; false when they are too old to tell. */
    private boolean judge(HealthCheckResultBuilder builder, ClientStats stats, long now) {
        ZohoApiException failure = stats.getLastFailure();
        if (failure != null && stats.getLastFailureAt() >= stats.getLastSuccessAt() && unhealthy(failure)) {
            builder.message(failure.getMessage()).error(failure)
                    .detail(SERVICE_STATUS_CODE, failure.getStatusCode())
                    .detail(HealthCheck.HTTP_RESPONSE_CODE, failure.getStatusCode());
            if (failure.getCode() != null) {
                builder.detail(SERVICE_ERROR_CODE, failure.getCode());
            }
            builder.down();
            return true;
        }
        if (stats.getLastSuccessAt() > 0 && now - stats.getLastSuccessAt() < FRESH_MILLIS) {
            builder.message(scope.product().name() + " answered " + (now - stats.getLastSuccessAt()) / 1000
                            + " s ago").up();
            return true;
        }
        return false;
    }

    /** Credentials refused, or Zoho out of reach; a refused record or a 429 says Zoho is there. */
    static boolean unhealthy(ZohoApiException e) {
        int status = e.getStatusCode();
        return e instanceof ZohoAuthenticationException || status == 0 || status == 401 || status == 403
               || status >= 500;
    }
}
