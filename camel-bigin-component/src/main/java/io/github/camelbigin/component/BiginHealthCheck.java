package io.github.camelbigin.component;

import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.auth.ZohoAuthenticationException;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.ClientStats;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.RecordQuery;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a bigin endpoint: DOWN with Bigin's message when its credentials are rejected or Bigin cannot be
 * reached. It spends credits sparingly: the endpoint's own recent calls answer it; only when nothing was called for
 * five minutes does it ask Bigin (one one-record read of the endpoint's module), at most once per five minutes.
 */
public class BiginHealthCheck extends AbstractHealthCheck {

    /** How long a call's outcome answers the check, and the least time between two probes. */
    static final long FRESH_MILLIS = 5 * 60_000;

    private final ZohoEndpoint endpoint;
    private volatile long lastProbeAt;

    public BiginHealthCheck(ZohoEndpoint endpoint, String id) {
        super("camel", id);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        return false; // Bigin being unreachable is no reason to restart this application
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail(HealthCheck.ENDPOINT_URI, endpoint.getEndpointBaseUri());
        builder.detail(endpoint.scheme() + ".module", endpoint.getConfiguration().getModule());
        builder.detail(endpoint.scheme() + ".api.url", endpoint.getServiceUrl());
        ZohoClient client = endpoint.getClient();
        if (client == null) {
            builder.message("The endpoint is not started").unknown();
            return;
        }
        ClientStats stats = client.stats();
        long now = System.currentTimeMillis();
        if (!judge(builder, stats, now) && now - lastProbeAt >= FRESH_MILLIS) {
            lastProbeAt = now;
            try {
                client.reads().list(endpoint.getConfiguration().getModule(), RecordQuery.create()
                        .fields(List.of("Created_Time")).perPage(1).page(1)).hasNext();
            } catch (ZohoApiException e) {
                // judged below from the client's statistics
            }
            judge(builder, stats, System.currentTimeMillis());
        }
        builder.detail(endpoint.scheme() + ".api.calls", stats.getApiCalls());
        builder.detail(endpoint.scheme() + ".credits", stats.getCredits());
        builder.detail(endpoint.scheme() + ".retries", stats.getRetries());
        if (endpoint.getCreditBudget() > 0) {
            builder.detail(endpoint.scheme() + ".credit.budget", endpoint.getCreditBudget());
            builder.detail(endpoint.scheme() + ".credits.spent24h", endpoint.getCreditsSpent());
            builder.detail(endpoint.scheme() + ".credits.remaining", Math.max(0, endpoint.getCreditBudget()
                                                                  - endpoint.getCreditsSpent()));
        }
        if (builder.state() == null) {
            builder.message("No call to Bigin in the last " + FRESH_MILLIS / 60_000 + " minutes").up();
        }
        stuckFeed(builder);
    }

    /** A consumer stuck on a record whose exchange keeps failing: which record, since when; DOWN once it lasts. */
    private void stuckFeed(HealthCheckResultBuilder builder) {
        for (BiginConsumer consumer : endpoint.consumers()) {
            StuckRecord s = consumer.stuck();
            if (s == null) {
                continue;
            }
            String prefix = endpoint.scheme() + ".stuck.";
            builder.detail(prefix + "record.id", s.id()).detail(prefix + "event.type", s.type())
                    .detail(prefix + "attempts", s.attempts()).detail(prefix + "since", s.since().toString());
            if (s.unhealthy()) {
                builder.message("The change feed of " + endpoint.label() + " is stuck on record " + s.id() + ": its "
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
            builder.message("Bigin answered " + (now - stats.getLastSuccessAt()) / 1000 + " s ago").up();
            return true;
        }
        return false;
    }

    /** Credentials refused, or Bigin out of reach; a refused record or a 429 says Bigin is there. */
    static boolean unhealthy(ZohoApiException e) {
        int status = e.getStatusCode();
        return e instanceof ZohoAuthenticationException || status == 0 || status == 401 || status == 403
               || status >= 500;
    }
}
