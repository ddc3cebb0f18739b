package io.github.camelbigin.zoho.auth;

import java.net.URI;
import java.util.Objects;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.Authenticator;

/**
 * A Zoho access token given by the user. It cannot be renewed: when Zoho rejects it, calls fail with
 * {@code INVALID_TOKEN} and a message that says to supply a fresh token or a refresh token instead.
 */
public final class StaticTokenAuthenticator implements Authenticator {

    private final Credentials credentials;
    private final URI apiUrl;

    public StaticTokenAuthenticator(ZohoApi api, String accessToken, DataCenter dataCenter) {
        Objects.requireNonNull(accessToken, "accessToken");
        this.credentials = new Credentials("Zoho-oauthtoken " + accessToken, null, null);
        this.apiUrl = (dataCenter == null ? DataCenter.US : dataCenter).apiUrl(api);
    }

    @Override
    public Credentials credentials(TokenEndpoint tokens) {
        return credentials;
    }

    @Override
    public URI defaultApiUrl() {
        return apiUrl;
    }

    @Override
    public String toString() {
        return "static access token (****) for " + apiUrl;
    }
}
