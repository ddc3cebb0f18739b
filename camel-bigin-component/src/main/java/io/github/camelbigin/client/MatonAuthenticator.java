package io.github.camelbigin.client;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The Maton API gateway: {@code Authorization: Bearer <key>}, and {@code Maton-Connection} to pick one of several
 * Bigin connections (Maton uses the oldest active one when the header is absent). Maton holds and renews the Zoho
 * token itself.
 */
public final class MatonAuthenticator implements Authenticator {

    /** Maton's Bigin gateway base URL. */
    public static final URI GATEWAY_URL = URI.create("https://gateway.maton.ai/zoho-bigin" + DataCenter.API_PATH);

    private final Credentials credentials;
    private final boolean hasConnection;

    public MatonAuthenticator(String apiKey, String connectionId) {
        Objects.requireNonNull(apiKey, "apiKey");
        this.hasConnection = connectionId != null && !connectionId.isBlank();
        this.credentials = new Credentials("Bearer " + apiKey,
                                           hasConnection ? Map.of("Maton-Connection", connectionId.trim()) : Map.of(),
                                           null);
    }

    @Override
    public Credentials credentials(TokenEndpoint tokens) {
        return credentials;
    }

    @Override
    public URI defaultApiUrl() {
        return GATEWAY_URL;
    }

    @Override
    public String toString() {
        return "Maton gateway key (****)" + (hasConnection ? " with a Maton-Connection" : "");
    }
}
