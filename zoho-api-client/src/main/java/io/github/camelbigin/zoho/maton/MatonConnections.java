package io.github.camelbigin.zoho.maton;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.MatonAuthenticator;
import io.github.camelbigin.zoho.http.ApiRequest;
import io.github.camelbigin.zoho.http.ClientStats;
import io.github.camelbigin.zoho.http.HttpTransport;
import io.github.camelbigin.zoho.http.RetryPolicy;
import io.github.camelbigin.zoho.http.Sleeper;
import io.github.camelbigin.zoho.http.TransportSettings;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.JsonCalls;

/**
 * Maton's connection API ({@code https://ctrl.maton.ai/connections}): list (by app and status), create (answers the
 * URL a person opens to authorise), get, delete, and wait until a connection is ACTIVE — for scripted set-ups. Calls
 * spend the API key's allowance of 10 a second, shared with the gateway's calls.
 */
public final class MatonConnections implements AutoCloseable {

    /**
     * The connection API, described as an API for messages and errors (a refused key gets the advice of
     * {@link MatonAuthenticator#rejectedHint(String)}).
     */
    public static final ZohoApi API = new ZohoApi("Maton", "", "", 0, 0, 0, 0, 0, 0, 0, 0, java.time.Duration.ZERO,
            java.util.Set.of(), Map.of());

    private final HttpTransport transport;
    private final JsonCalls calls;
    private final Clock clock;
    private final Sleeper sleeper;

    /** @param controlUrl the connection API's URL (default {@link MatonAuthenticator#CONTROL_URL}) */
    public MatonConnections(String apiKey, URI controlUrl, TransportSettings settings, Clock clock, Sleeper sleeper) {
        URI url = controlUrl != null ? controlUrl : MatonAuthenticator.CONTROL_URL;
        ClientStats stats = new ClientStats();
        this.transport = new HttpTransport(API, settings, MatonAuthenticator.control(apiKey, url), url,
                RetryPolicy.DEFAULT, stats, clock, sleeper);
        this.calls = new JsonCalls(transport, stats);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The connections of an app (null: every app) in a status (null: any). */
    public List<MatonConnection> list(String app, String status) {
        ApiRequest request = ApiRequest.get("/connections").query("app", app).query("status", status)
                .operation("connections", null).build();
        Object list = calls.object(request, calls.execute(request)).get("connections");
        List<MatonConnection> out = new ArrayList<>();
        if (list instanceof List<?> items) {
            items.forEach(i -> out.add(MatonConnection.of((Map<?, ?>) i)));
        }
        return out;
    }

    /** Creates a connection to an app; it is PENDING until a person opens its {@code url}. */
    public MatonConnection create(String app) {
        ApiRequest request = ApiRequest.post("/connections").json(JsonCalls.toBytes(Map.of("app", app)))
                .operation("createConnection", null).build();
        return connection(calls.object(request, calls.execute(request)));
    }

    /** One connection by id. */
    public MatonConnection get(String id) {
        ApiRequest request = ApiRequest.get("/connections/" + checked(id)).operation("getConnection", null).build();
        return connection(calls.object(request, calls.execute(request)));
    }

    /** Deletes a connection. */
    public void delete(String id) {
        calls.execute(ApiRequest.delete("/connections/" + checked(id)).operation("deleteConnection", null).build());
    }

    /**
     * Waits until a connection is ACTIVE, asking every second (then every five): for a set-up script that created it
     * and showed its URL to a person.
     *
     * @throws ZohoApiException when it FAILED, or is still not ACTIVE after {@code timeout} (naming the URL to open)
     */
    public MatonConnection awaitActive(String id, Duration timeout) {
        long deadline = clock.millis() + timeout.toMillis();
        long wait = 1000;
        while (true) {
            MatonConnection c = get(id);
            if (c.active()) {
                return c;
            }
            if (c.failed()) {
                throw new ZohoApiException(API, "awaitConnection", null, 0, "CONNECTION_FAILED", "Maton connection "
                        + id + " FAILED: delete it and create another", null, null);
            }
            if (clock.millis() >= deadline) {
                throw new ZohoApiException(API, "awaitConnection", null, 0, "CONNECTION_NOT_ACTIVE", "Maton"
                        + " connection " + id + " is still " + c.status() + " after " + timeout + ": open " + c.url()
                        + " to authorise it", null, null);
            }
            try {
                sleeper.sleep(Math.min(wait, Math.max(1, deadline - clock.millis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ZohoApiException(API, "awaitConnection", null, 0, "INTERRUPTED", "interrupted while waiting"
                        + " for connection " + id, null, e);
            }
            wait = Math.min(wait * 2, 5000);
        }
    }

    private static MatonConnection connection(Map<?, ?> answer) {
        Object c = answer.get("connection");
        return MatonConnection.of(c instanceof Map<?, ?> m ? m : answer);
    }

    private static String checked(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new IllegalArgumentException("'" + id + "' is not a Maton connection id (letters, digits, - and _)");
        }
        return id;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            // nothing is lost when a pool fails to close
        }
    }
}
