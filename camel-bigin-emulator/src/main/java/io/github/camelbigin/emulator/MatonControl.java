package io.github.camelbigin.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Maton's side, as bigin-api.md describes it: the connection API ({@code /connections}: list by {@code app} and
 * {@code status}, create — PENDING until a person opens its {@code url} —, get, delete) and the account's limit of 10
 * requests a second across the gateway and the connection API (the 11th gets 429). An ACTIVE connection to
 * {@code zoho-bigin} is one the gateway accepts.
 */
final class MatonControl {

    static final int REQUESTS_PER_SECOND = 10;
    private static final String AUTHORIZE_PATH = "/maton/authorize/";

    private final BiginEmulator emulator;
    /** API key to its connections, in creation order. */
    private final Map<String, Map<String, Map<String, Object>>> connections = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    /** The Maton API keys the emulator knows (a reset keeps them, as it keeps every credential). */
    private final java.util.Set<String> keys = ConcurrentHashMap.newKeySet();

    MatonControl(BiginEmulator emulator) {
        this.emulator = emulator;
    }

    void reset() {
        connections.clear();
        recent.clear();
    }

    void addKey(String apiKey) {
        keys.add(apiKey);
    }

    /** The request's Maton API key when it is one the emulator knows, else null. */
    String key(RecordedRequest req) {
        String auth = req.header("Authorization");
        String key = auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()).trim() : null;
        return key != null && keys.contains(key) ? key : null;
    }

    /** Whether the key is over Maton's 10 requests in the last second (counting this one). */
    boolean overLimit(String apiKey) {
        long now = System.nanoTime();
        Deque<Long> calls = recent.computeIfAbsent(apiKey, k -> new ArrayDeque<>());
        synchronized (calls) {
            while (!calls.isEmpty() && now - calls.peekFirst() >= 1_000_000_000L) {
                calls.pollFirst();
            }
            calls.addLast(now);
            return calls.size() > REQUESTS_PER_SECOND;
        }
    }

    /** The ids of the key's ACTIVE connections to an app, oldest first (the gateway uses the first by default). */
    List<String> active(String apiKey, String app) {
        List<String> out = new ArrayList<>();
        connections.getOrDefault(apiKey, Map.of()).values().forEach(c -> {
            if ("ACTIVE".equals(c.get("status")) && app.equals(c.get("app"))) {
                out.add(String.valueOf(c.get("connection_id")));
            }
        });
        return out;
    }

    /** An ACTIVE connection of the key to an app, made now (a key the emulator starts with, or a test's). */
    void addActive(String apiKey, String app, String connectionId) {
        Map<String, Map<String, Object>> mine = connections.computeIfAbsent(apiKey, k -> new LinkedHashMap<>());
        synchronized (mine) {
            mine.put(connectionId, connection(connectionId, app, "ACTIVE"));
        }
    }

    private Map<String, Object> connection(String id, String app, String status) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("connection_id", id);
        c.put("status", status);
        c.put("creation_time", now());
        c.put("last_updated_time", now());
        c.put("url", AUTHORIZE_PATH + id); // made absolute when shown: the port is known only once started
        c.put("app", app);
        c.put("method", "OAUTH2");
        c.put("metadata", Map.of());
        return c;
    }

    /** A person authorised a connection (opened its URL): it is ACTIVE. */
    boolean authorize(String connectionId) {
        for (Map<String, Map<String, Object>> ofKey : connections.values()) {
            Map<String, Object> c = ofKey.get(connectionId);
            if (c != null) {
                c.put("status", "ACTIVE");
                c.put("last_updated_time", now());
                return true;
            }
        }
        return false;
    }

    Answer route(RecordedRequest req, String apiKey, List<String> seg) {
        Map<String, Map<String, Object>> mine = connections.computeIfAbsent(apiKey, k -> new LinkedHashMap<>());
        synchronized (mine) {
            if (seg.size() == 1) {
                switch (req.method()) {
                    case "GET": {
                        List<Map<String, Object>> out = new ArrayList<>();
                        for (Map<String, Object> c : mine.values()) {
                            if ((req.query("app") == null || req.query("app").equals(c.get("app")))
                                && (req.query("status") == null || req.query("status").equals(c.get("status")))) {
                                out.add(shown(c));
                            }
                        }
                        return Answer.json(200, Map.of("connections", out)).credits(0);
                    }
                    case "POST": {
                        JsonNode body = req.bodyObject();
                        String app = body.path("app").asText("");
                        if (app.isBlank()) {
                            throw EmulatorError.badRequest("INVALID_REQUEST", "app is required", "param_name", "app");
                        }
                        String id = "c" + ids.incrementAndGet() + "-" + app;
                        Map<String, Object> c = connection(id, app, "PENDING");
                        mine.put(id, c);
                        return Answer.json(200, Map.of("connection", shown(c))).credits(0);
                    }
                    default:
                        throw ApiRoutes.notFound();
                }
            }
            Map<String, Object> c = mine.get(seg.get(1));
            if (c == null || seg.size() > 2) {
                throw new EmulatorError(404, "NOT_FOUND", "connection not found", EmulatorError.details(
                        "connection_id", seg.get(1)));
            }
            switch (req.method()) {
                case "GET":
                    return Answer.json(200, Map.of("connection", shown(c))).credits(0);
                case "DELETE":
                    mine.remove(seg.get(1));
                    return Answer.json(200, Map.of("connection_id", seg.get(1), "status", "DELETED")).credits(0);
                default:
                    throw ApiRoutes.notFound();
            }
        }
    }

    /** A connection as the API shows it: a copy, its url absolute. */
    private Map<String, Object> shown(Map<String, Object> c) {
        Map<String, Object> copy = new LinkedHashMap<>(c);
        copy.put("url", emulator.baseUrl() + c.get("url"));
        return copy;
    }

    private String now() {
        return emulator.clock().instant().toString();
    }
}
