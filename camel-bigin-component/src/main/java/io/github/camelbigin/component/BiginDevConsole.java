package io.github.camelbigin.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.feed.FeedState;
import io.github.camelbigin.zoho.http.ClientStats;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/** The {@code bigin} dev console: each endpoint's calls, credits and errors, and each consumer's watermark. */
@DevConsole(name = "bigin", displayName = "Zoho Bigin", description = "Bigin and Zoho CRM endpoints: API calls, credits, errors and consumer watermarks")
public class BiginDevConsole extends AbstractDevConsole {

    public BiginDevConsole() {
        super("camel", "bigin", "Zoho Bigin", "Bigin and Zoho CRM endpoints: API calls, credits, errors and consumer"
              + " watermarks");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (ZohoEndpoint e : endpoints()) {
            ClientStats s = e.getClientStats();
            sb.append(String.format("    %s%n        api: %s, calls: %d, credits: %d, retries: %d, read: %d, written: %d%n",
                    e.getEndpointBaseUri(), e.getServiceUrl(), s == null ? 0 : s.getApiCalls(),
                    s == null ? 0 : s.getCredits(), s == null ? 0 : s.getRetries(), s == null ? 0 : s.getRecordsRead(),
                    s == null ? 0 : s.getRecordsWritten()));
            if (e.getCreditBudget() > 0) {
                sb.append(String.format("        credit budget: %d spent of %d in 24 h%n", e.getCreditsSpent(),
                        e.getCreditBudget()));
            }
            if (s != null && s.getLastError() != null) {
                sb.append("        last error: ").append(s.getLastError()).append('\n');
            }
        }
        for (BiginConsumer c : consumers()) {
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
        for (ZohoEndpoint e : endpoints()) {
            ClientStats s = e.getClientStats();
            JsonObject jo = new JsonObject();
            jo.put("uri", e.getEndpointBaseUri());
            jo.put("module", e.getConfiguration().getModule());
            jo.put("apiUrl", e.getServiceUrl());
            if (e.getCreditBudget() > 0) {
                jo.put("creditBudget", e.getCreditBudget());
                jo.put("creditsSpent24h", e.getCreditsSpent());
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
        for (BiginConsumer c : consumers()) {
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

    private List<ZohoEndpoint> endpoints() {
        List<ZohoEndpoint> list = new ArrayList<>();
        for (Endpoint e : getCamelContext().getEndpoints()) {
            if (e instanceof ZohoEndpoint) {
                list.add((ZohoEndpoint) e);
            }
        }
        return list;
    }

    private List<BiginConsumer> consumers() {
        List<BiginConsumer> list = new ArrayList<>();
        for (Route r : getCamelContext().getRoutes()) {
            if (r.getConsumer() instanceof BiginConsumer) {
                list.add((BiginConsumer) r.getConsumer());
            }
        }
        return list;
    }
}
