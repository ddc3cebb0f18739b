package io.github.camelbigin.common.producer;

import java.time.Duration;
import java.util.List;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.Header;
import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.common.options.ZohoOperation;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.Authenticator;
import io.github.camelbigin.zoho.maton.MatonConnection;
import io.github.camelbigin.zoho.maton.MatonConnections;

/**
 * The connection itself rather than its records: Maton's connections of the endpoint's key (list, create, get, delete,
 * await), which cost no Zoho credit, and authorize, which hands the connection's credentials to a call to another
 * Zoho API.
 */
final class ConnectionHandler implements OperationHandler {

    private final EndpointScope scope;

    ConnectionHandler(EndpointScope scope) {
        this.scope = scope;
    }

    @Override
    public void perform(ZohoOperation op, MessageArgs in, Results out) {
        if (op == ZohoOperation.authorize) {
            authorize(out);
            return;
        }
        ZohoConfiguration config = scope.config();
        MatonConnections maton = scope.maton().connections();
        switch (op) {
            case listConnections -> {
                List<Object> list = maton.list(scope.maton().app(), config.getConnectionStatus() == null ? null
                        : config.getConnectionStatus().name()).stream().map(c -> (Object) c.toMap()).toList();
                out.body(list);
                out.header(Header.RECORD_COUNT, list.size());
            }
            case createConnection -> connection(out, maton.create(scope.maton().app()));
            case getConnection -> connection(out, maton.get(in.connectionId(op)));
            case awaitConnection -> connection(out, maton.awaitActive(in.connectionId(op),
                    Duration.ofMillis(config.getConnectionTimeout())));
            case deleteConnection -> {
                String id = in.connectionId(op);
                maton.delete(id);
                out.body(null);
                out.header(Header.CONNECTION_ID, id);
            }
            default -> throw new IllegalStateException("Not a connection operation: " + op);
        }
    }

    /** No call to the API: the connection's Authorization (and Maton-Connection) headers and its API domain. */
    private void authorize(Results out) {
        ZohoClient client = scope.client();
        Authenticator.Credentials credentials = client.credentials(); // a token minted only when due
        out.plainHeader("Authorization", credentials.authorization());
        credentials.headers().forEach(out::plainHeader);
        out.header(Header.API_DOMAIN, client.apiDomain(credentials).toString());
    }

    private static void connection(Results out, MatonConnection c) {
        out.body(c.toMap());
        out.header(Header.CONNECTION_ID, c.id());
    }
}
