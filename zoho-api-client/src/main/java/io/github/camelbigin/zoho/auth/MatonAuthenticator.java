package io.github.camelbigin.zoho.auth;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.Authenticator;

/**
 * The Maton API gateway: {@code Authorization: Bearer <key>}, and {@code Maton-Connection} to pick one of several
 * connections to the app (Maton uses the oldest active one when the header is absent). Maton holds and renews the
 * Zoho token itself.
 */
public final class MatonAuthenticator implements Authenticator {

    /** Maton's gateway host. */
    public static final String GATEWAY_HOST = "gateway.maton.ai";

    private final Credentials credentials;
    private final boolean hasConnection;
    private final URI gatewayUrl;

    public MatonAuthenticator(ZohoApi api, String apiKey, String connectionId) {
        Objects.requireNonNull(apiKey, "apiKey");
        this.hasConnection = connectionId != null && !connectionId.isBlank();
        this.credentials = new Credentials("Bearer " + apiKey,
                                           hasConnection ? Map.of("Maton-Connection", connectionId.trim()) : Map.of(),
                                           null);
        this.gatewayUrl = gatewayUrl(api);
    }

    /** The API's base URL at Maton's gateway, e.g. {@code https://gateway.maton.ai/zoho-bigin/bigin/v2}. */
    public static URI gatewayUrl(ZohoApi api) {
        return URI.create(api.gatewayUrl(GATEWAY_HOST));
    }

    @Override
    public Credentials credentials(TokenEndpoint tokens) {
        return credentials;
    }

    @Override
    public URI defaultApiUrl() {
        return gatewayUrl;
    }

    @Override
    public String toString() {
        return "Maton gateway key (****)" + (hasConnection ? " with a Maton-Connection" : "");
    }
}
