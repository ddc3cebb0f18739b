package io.github.camelbigin.zoho.auth;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

import io.github.camelbigin.zoho.api.ZohoApi;

/**
 * The Maton API gateway: {@code Authorization: Bearer <key>}, and {@code Maton-Connection} to pick one of several
 * connections to the app (Maton uses the oldest active one when the header is absent). Maton holds and renews the
 * Zoho token itself.
 */
public final class MatonAuthenticator extends FixedAuthenticator {

    /** Maton's gateway host. */
    public static final String GATEWAY_HOST = "gateway.maton.ai";

    private final boolean hasConnection;

    public MatonAuthenticator(ZohoApi api, String apiKey, String connectionId) {
        super(new Credentials("Bearer " + Objects.requireNonNull(apiKey, "apiKey"),
                              connectionId != null && !connectionId.isBlank()
                                      ? Map.of("Maton-Connection", connectionId.trim()) : Map.of(), null),
              gatewayUrl(api));
        this.hasConnection = connectionId != null && !connectionId.isBlank();
    }

    /** The API's base URL at Maton's gateway, e.g. {@code https://gateway.maton.ai/zoho-bigin/bigin/v2}. */
    public static URI gatewayUrl(ZohoApi api) {
        return URI.create(api.gatewayUrl(GATEWAY_HOST));
    }

    @Override
    public String toString() {
        return "Maton gateway key (****)" + (hasConnection ? " with a Maton-Connection" : "");
    }
}
