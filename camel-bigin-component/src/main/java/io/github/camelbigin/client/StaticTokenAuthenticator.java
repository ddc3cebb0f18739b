package io.github.camelbigin.client;

import java.net.URI;
import java.util.Objects;

/**
 * A Zoho access token given by the user. It cannot be renewed: when Bigin rejects it, calls fail with
 * {@code INVALID_TOKEN} and a message that says to supply a fresh token or a refresh token instead.
 */
public final class StaticTokenAuthenticator implements Authenticator {

    private final Credentials credentials;
    private final URI apiUrl;

    public StaticTokenAuthenticator(String accessToken, DataCenter dataCenter) {
        Objects.requireNonNull(accessToken, "accessToken");
        this.credentials = new Credentials("Zoho-oauthtoken " + accessToken, null, null);
        this.apiUrl = (dataCenter == null ? DataCenter.US : dataCenter).apiUrl();
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
