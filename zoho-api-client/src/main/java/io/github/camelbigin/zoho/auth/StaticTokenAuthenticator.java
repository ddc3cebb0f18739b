package io.github.camelbigin.zoho.auth;

import java.util.Objects;

import io.github.camelbigin.zoho.api.ZohoApi;

/**
 * A Zoho access token given by the user. It cannot be renewed: when Zoho rejects it, calls fail with
 * {@code INVALID_TOKEN} and a message that says to supply a fresh token or a refresh token instead.
 */
public final class StaticTokenAuthenticator extends FixedAuthenticator {

    public StaticTokenAuthenticator(ZohoApi api, String accessToken, DataCenter dataCenter) {
        super(new Credentials("Zoho-oauthtoken " + Objects.requireNonNull(accessToken, "accessToken"), null, null),
              (dataCenter == null ? DataCenter.US : dataCenter).apiUrl(api));
    }

    @Override
    public String toString() {
        return "static access token (****) for " + defaultApiUrl();
    }
}
