package io.github.camelbigin.common.client;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.zoho.auth.MatonAuthenticator;
import io.github.camelbigin.zoho.http.Sleeper;
import io.github.camelbigin.zoho.maton.MatonConnection;
import io.github.camelbigin.zoho.maton.MatonConnections;
import org.slf4j.Logger;

/**
 * An endpoint's access to Maton's connection API, with the endpoint's Maton API key: one client per endpoint, made on
 * first use with the endpoint's own timeouts, proxy and TLS, closed with the endpoint.
 */
public final class MatonAccess implements AutoCloseable {

    private final EndpointScope scope;
    private final ZohoConfiguration config;
    private MatonConnections connections;

    MatonAccess(EndpointScope scope) {
        this.scope = scope;
        this.config = scope.config();
    }

    /** The Maton app of the connections: the connectionApp option, else the one of the API the endpoint speaks. */
    public String app() {
        return config.getConnectionApp() != null ? config.getConnectionApp() : scope.product().api().gatewayApp();
    }

    /**
     * Whether the connection API of the gateway this endpoint calls is known: Maton's own gateway (no apiUrl), or a
     * matonControlUrl set beside an apiUrl (an emulator, a proxy). A gateway elsewhere with the default control URL
     * is not asked about: its connections are not Maton's.
     */
    boolean controlApiKnown() {
        return config.getApiUrl() == null
               || !MatonAuthenticator.CONTROL_URL.toString().equals(config.getMatonControlUrl());
    }

    /**
     * At start, with a Maton key and no connectionId: when the key has several ACTIVE connections to the app, Maton's
     * gateway silently takes the oldest — a shop with a sandbox and a production org behind one key could write to
     * the wrong one. Says so, naming them and the one Maton uses. One call to Maton's connection API (no Zoho credit);
     * when it fails, nothing is said.
     */
    void sayWhichConnection(Logger log) {
        String app = scope.product().api().gatewayApp();
        List<MatonConnection> active;
        try {
            active = new ArrayList<>(connections().list(app, "ACTIVE"));
        } catch (RuntimeException e) {
            log.debug("{} could not list its Maton connections to tell which one the gateway uses", scope.label(), e);
            return;
        }
        if (active.size() < 2) {
            return;
        }
        active.sort(Comparator.comparing(c -> c.created() == null ? "" : c.created()));
        String names = active.stream().map(c -> c.id() + " (created " + c.created() + ")")
                .collect(Collectors.joining(", "));
        log.warn("{}: the Maton API key has {} ACTIVE {} connections and no connectionId is set, so Maton's gateway uses"
                 + " the oldest, {}. Connections: {}. Set connectionId to the one this endpoint must use"
                 + " (operation=listConnections lists them).", scope.label(), active.size(), app,
                active.get(0).id(), names);
    }

    /** Maton's connection API with this endpoint's key. */
    public synchronized MatonConnections connections() {
        if (connections == null) {
            // the endpoint's own timeouts, proxy and TLS: Maton's connection API is reached the way Zoho is
            connections = new MatonConnections(config.getApiKey(), URI.create(config.getMatonControlUrl()),
                    scope.transportSettings(), Clock.systemUTC(), Sleeper.REAL);
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
