package io.github.camelbigin.client;

import java.net.URI;

/** Zoho OAuth: an access token minted from a refresh token by a shared {@link OAuthTokenProvider}. */
public final class OAuthAuthenticator implements Authenticator {

    private final OAuthTokenProvider provider;

    public OAuthAuthenticator(OAuthTokenProvider provider) {
        this.provider = provider;
    }

    public OAuthTokenProvider provider() {
        return provider;
    }

    @Override
    public Credentials credentials(TokenEndpoint tokens) {
        OAuthTokenProvider.AccessToken token = provider.token(tokens);
        return new TokenCredentials(token);
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
        return provider.dataCenterApiUrl();
    }

    @Override
    public String toString() {
        return provider.toString();
    }

    private static final class TokenCredentials extends Credentials {
        private final OAuthTokenProvider.AccessToken token;

        TokenCredentials(OAuthTokenProvider.AccessToken token) {
            super("Zoho-oauthtoken " + token.value(), null, token.apiUrl());
            this.token = token;
        }
    }
}
