package io.github.camelbigin.component;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.camelbigin.zoho.auth.MatonAuthenticator;
import io.github.camelbigin.zoho.http.Sleeper;
import io.github.camelbigin.zoho.maton.MatonConnection;
import io.github.camelbigin.zoho.maton.MatonConnections;
import org.apache.camel.Message;

/**
 * The Maton connection operations of a {@code bigin:} endpoint (listConnections, createConnection, getConnection,
 * deleteConnection, awaitConnection), with the endpoint's Maton API key; one client per endpoint, closed with it.
 */
final class MatonOperations implements AutoCloseable {

    private final ZohoEndpoint endpoint;
    private final BiginConfiguration config;
    private final HeaderNames headers;
    private MatonConnections connections;

    MatonOperations(ZohoEndpoint endpoint) {
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.headers = endpoint.headers();
    }

    static boolean handles(BiginOperation op) {
        return op == BiginOperation.listConnections || op == BiginOperation.createConnection
               || op == BiginOperation.getConnection || op == BiginOperation.deleteConnection
               || op == BiginOperation.awaitConnection;
    }

    /** Fails at endpoint creation when a connection operation has no Maton API key. */
    static void check(BiginConfiguration c) {
        if (c.getOperation() != null && handles(c.getOperation()) && (c.getApiKey() == null || c.getApiKey().isBlank())) {
            throw new IllegalArgumentException("operation=" + c.getOperation() + " manages Maton connections: it needs"
                                               + " the Maton API key (apiKey)");
        }
    }

    /** The Maton app of the connections: the option, else the one of the API the endpoint speaks. */
    private String app() {
        return config.getConnectionApp() != null ? config.getConnectionApp() : endpoint.api().gatewayApp();
    }

    /**
     * At start, with a Maton key and no connectionId: when the key has several ACTIVE connections to the app, Maton's
     * gateway silently takes the oldest — a shop with a sandbox and a production org behind one key could write to
     * the wrong one. Says so, naming them and the one Maton uses. One call to Maton's connection API (no Zoho credit);
     * when it fails, nothing is said.
     */
    /**
     * Whether the connection API of the gateway this endpoint calls is known: Maton's own gateway (no apiUrl), or a
     * matonControlUrl set beside an apiUrl (an emulator, a proxy). A gateway elsewhere with the default control URL
     * is not asked about: its connections are not Maton's.
     */
    boolean controlApiKnown() {
        return config.getApiUrl() == null
               || !MatonAuthenticator.CONTROL_URL.toString().equals(config.getMatonControlUrl());
    }

    void sayWhichConnection(org.slf4j.Logger log) {
        String app = endpoint.api().gatewayApp();
        List<MatonConnection> active;
        try {
            active = new java.util.ArrayList<>(connections().list(app, "ACTIVE"));
        } catch (RuntimeException e) {
            log.debug("{} could not list its Maton connections to tell which one the gateway uses", endpoint.label(), e);
            return;
        }
        if (active.size() < 2) {
            return;
        }
        active.sort(java.util.Comparator.comparing(c -> c.created() == null ? "" : c.created()));
        String names = active.stream().map(c -> c.id() + " (created " + c.created() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        log.warn("{}: the Maton API key has {} ACTIVE {} connections and no connectionId is set, so Maton's gateway uses"
                 + " the oldest, {}. Connections: {}. Set connectionId to the one this endpoint must use"
                 + " (operation=listConnections lists them).", endpoint.label(), active.size(), app,
                active.get(0).id(), names);
    }

    void perform(BiginOperation op, Message in, Message out) {
        MatonConnections maton = connections();
        switch (op) {
            case listConnections:
                List<Object> list = maton.list(app(),
                        config.getConnectionStatus() == null ? null : config.getConnectionStatus().name()).stream()
                        .map(c -> (Object) c.toMap()).toList();
                out.setBody(list);
                out.setHeader(headers.of(BiginConstants.RECORD_COUNT), list.size());
                break;
            case createConnection:
                set(out, maton.create(app()));
                break;
            case getConnection:
                set(out, maton.get(id(in, op)));
                break;
            case awaitConnection:
                set(out, maton.awaitActive(id(in, op), Duration.ofMillis(config.getConnectionTimeout())));
                break;
            case deleteConnection:
                String id = id(in, op);
                maton.delete(id);
                out.setBody(null);
                out.setHeader(headers.of(BiginConstants.CONNECTION_ID), id);
                break;
            default:
                throw new IllegalStateException("Not a connection operation: " + op);
        }
    }

    private void set(Message out, MatonConnection c) {
        out.setBody(c.toMap());
        out.setHeader(headers.of(BiginConstants.CONNECTION_ID), c.id());
    }

    /** The connection: the CamelBiginConnectionId header, else the connectionId option. */
    private String id(Message in, BiginOperation op) {
        String id = in.getHeader(headers.of(BiginConstants.CONNECTION_ID), config.getConnectionId(), String.class);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(op + " needs the Maton connection's id: the "
                                               + headers.of(BiginConstants.CONNECTION_ID) + " header or the connectionId option"
                                               + " (listConnections shows them)");
        }
        return id;
    }

    private synchronized MatonConnections connections() {
        if (connections == null) {
            // the endpoint's own timeouts, proxy and TLS: Maton's connection API is reached the way Bigin is
            connections = new MatonConnections(config.getApiKey(), URI.create(config.getMatonControlUrl()),
                    endpoint.getComponent().transportSettings(config), Clock.systemUTC(), Sleeper.REAL);
        }
        return connections;
    }

    @Override
    public synchronized void close() {
        if (connections != null) {
            connections.close();
            connections = null;
        }
    }
}
