package io.github.camelbigin.common.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.client.ScopedEndpoint;
import io.github.camelbigin.common.consumer.ZohoConsumer;
import io.github.camelbigin.zoho.feed.FeedState;
import io.github.camelbigin.zoho.http.ClientStats;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * A product's dev console ({@code bigin}, {@code zohocrm}): each of its endpoints' calls, credits and errors, and each
 * of its consumers' watermark. Each product registers its own, named for its scheme.
 */
public abstract class ZohoDevConsole extends AbstractDevConsole {

    private final String scheme;

    protected ZohoDevConsole(String scheme, String displayName) {
        super("camel", scheme, displayName, displayName + " endpoints: API calls, credits, errors and consumer"
                                            + " watermarks");
        this.scheme = scheme;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (ScopedEndpoint e : endpoints()) {
            EndpointScope scope = e.scope();
            ClientStats s = scope.client() == null ? null : scope.client().stats();
            sb.append(String.format("    %s%n        api: %s, calls: %d, credits: %d, retries: %d, read: %d, written: %d%n",
                    e.getEndpointBaseUri(), scope.serviceUrl(), s == null ? 0 : s.getApiCalls(),
                    s == null ? 0 : s.getCredits(), s == null ? 0 : s.getRetries(), s == null ? 0 : s.getRecordsRead(),
                    s == null ? 0 : s.getRecordsWritten()));
            long budget = scope.config().getCreditBudget();
            if (budget > 0) {
                sb.append(String.format("        credit budget: %d spent of %d in 24 h%n", scope.creditsSpent(), budget));
            }
            if (s != null && s.getLastError() != null) {
                sb.append("        last error: ").append(s.getLastError()).append('\n');
            }
        }
        for (ZohoConsumer c : consumers()) {
            FeedState state = c.getState();
            sb.append(String.format("    consumer %s (%s): %s%n", c.getRouteId(), c.getStateKey(),
                    state == null ? "not polled yet" : state));
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> endpoints = new ArrayList<>();
        for (ScopedEndpoint e : endpoints()) {
            EndpointScope scope = e.scope();
            ClientStats s = scope.client() == null ? null : scope.client().stats();
            JsonObject jo = new JsonObject();
            jo.put("uri", e.getEndpointBaseUri());
            jo.put("module", scope.module());
            jo.put("apiUrl", scope.serviceUrl());
            if (scope.config().getCreditBudget() > 0) {
                jo.put("creditBudget", scope.config().getCreditBudget());
                jo.put("creditsSpent24h", scope.creditsSpent());
            }
            if (s != null) {
                jo.put("apiCalls", s.getApiCalls());
                jo.put("credits", s.getCredits());
                jo.put("retries", s.getRetries());
                jo.put("recordsRead", s.getRecordsRead());
                jo.put("recordsWritten", s.getRecordsWritten());
                jo.put("failedCalls", s.getFailedCalls());
                if (s.getLastError() != null) {
                    jo.put("lastError", s.getLastError());
                }
            }
            endpoints.add(jo);
        }
        root.put("endpoints", endpoints);
        List<JsonObject> consumers = new ArrayList<>();
        for (ZohoConsumer c : consumers()) {
            JsonObject jo = new JsonObject();
            jo.put("routeId", c.getRouteId());
            jo.put("stateKey", c.getStateKey());
            FeedState state = c.getState();
            if (state != null) {
                jo.put("changes", String.valueOf(state.changes()));
                jo.put("deletions", String.valueOf(state.deletions()));
            }
            consumers.add(jo);
        }
        root.put("consumers", consumers);
        return root;
    }

    private boolean ours(Endpoint e) {
        return e instanceof ScopedEndpoint s && s.scope().product().scheme().equals(scheme);
    }

    private List<ScopedEndpoint> endpoints() {
        List<ScopedEndpoint> list = new ArrayList<>();
        for (Endpoint e : getCamelContext().getEndpoints()) {
            if (ours(e)) {
                list.add((ScopedEndpoint) e);
            }
        }
        return list;
    }

    private List<ZohoConsumer> consumers() {
        List<ZohoConsumer> list = new ArrayList<>();
        for (Route r : getCamelContext().getRoutes()) {
            if (r.getConsumer() instanceof ZohoConsumer c && ours(c.getEndpoint())) {
                list.add(c);
            }
        }
        return list;
    }
}
