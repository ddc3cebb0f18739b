package io.github.camelbigin.zoho.auth;

import java.net.URI;

import io.github.camelbigin.zoho.http.Authenticator;

/** Credentials that never change (a static token, a Maton key) and the base URL they go to. */
abstract class FixedAuthenticator implements Authenticator {

    private final Credentials credentials;
    private final URI apiUrl;

    FixedAuthenticator(Credentials credentials, URI apiUrl) {
        this.credentials = credentials;
        this.apiUrl = apiUrl;
    }

    @Override
    public final Credentials credentials(TokenEndpoint tokens) {
        return credentials;
    }

    @Override
    public final URI defaultApiUrl() {
        return apiUrl;
    }
}
