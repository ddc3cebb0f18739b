package io.github.camelbigin.zoho.auth;

import java.net.URI;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.Authenticator;

/**
 * Zoho OAuth: an access token minted from a refresh token by a shared {@link OAuthTokenProvider}. One provider can
 * serve several APIs (Bigin, Books, CRM) when the refresh token carries their scopes; each authenticator adds its API's
 * path to the token's {@code api_domain}.
 */
public final class OAuthAuthenticator implements Authenticator {

    private final ZohoApi api;
    private final OAuthTokenProvider provider;

    public OAuthAuthenticator(ZohoApi api, OAuthTokenProvider provider) {
        this.api = api;
        this.provider = provider;
    }

    public OAuthTokenProvider provider() {
        return provider;
    }

    @Override
    public Credentials credentials(TokenEndpoint tokens) {
        return new TokenCredentials(provider.token(tokens), api);
    }

    @Override
    public boolean canRefresh() {
        return true;
    }

    @Override
    public void invalidate(Credentials rejected) {
        if (rejected instanceof TokenCredentials) {
            provider.invalidate(((TokenCredentials) rejected).token);
        }
    }

    @Override
    public URI defaultApiUrl() {
        return URI.create(provider.dataCenterApiDomain() + api.basePath());
    }

    @Override
    public String toString() {
        return provider.toString();
    }

    private static final class TokenCredentials extends Credentials {
        private final OAuthTokenProvider.AccessToken token;

        TokenCredentials(OAuthTokenProvider.AccessToken token, ZohoApi api) {
            super("Zoho-oauthtoken " + token.value(), null,
                  token.apiDomain() == null ? null : URI.create(token.apiDomain() + api.basePath()));
            this.token = token;
        }
    }
}
