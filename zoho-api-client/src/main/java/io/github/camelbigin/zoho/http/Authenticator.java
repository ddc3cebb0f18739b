package io.github.camelbigin.zoho.http;

import java.net.URI;
import java.util.Map;

/**
 * Supplies the credentials of each request. Three ways in: a Zoho OAuth refresh token
 * ({@link OAuthAuthenticator}), a static access token ({@link StaticTokenAuthenticator}) or a Maton gateway key
 * ({@link MatonAuthenticator}). Implementations never reveal a secret in {@link #toString()}.
 */
public interface Authenticator {

    /** Credentials for the next request; may call {@code tokens} to mint an access token. */
    Credentials credentials(TokenEndpoint tokens);

    /** Whether a 401 {@code INVALID_TOKEN} can be cured by getting a new token (and the call replayed once). */
    /**
     * The allowance every call with these credentials spends (Maton: 10 requests a second per API key), or null when
     * none is known: the transport waits for it before each call instead of spending a call on a 429.
     */
    default RateLimiter rateLimiter() {
        return null;
    }

    /**
     * What to do when a call is refused with 401 and this error code, in place of the API's own advice for a Zoho
     * token; null to keep that advice.
     */
    default String rejectedHint(String code) {
        return null;
    }

    default boolean canRefresh() {
        return false;
    }

    /** Forgets the credentials a request was rejected with, so the next {@link #credentials} gets fresh ones. */
    default void invalidate(Credentials rejected) {
    }

    /** The API base URL to use when the user set none and the credentials bring none. */
    URI defaultApiUrl();

    /** The credentials of one request: the {@code Authorization} value, extra headers, and an API URL if known. */
    class Credentials {
        private final String authorization;
        private final Map<String, String> headers;
        private final URI apiUrl;

        public Credentials(String authorization, Map<String, String> headers, URI apiUrl) {
            this.authorization = authorization;
            this.headers = headers == null ? Map.of() : Map.copyOf(headers);
            this.apiUrl = apiUrl;
        }

        public String authorization() {
            return authorization;
        }

        public Map<String, String> headers() {
            return headers;
        }

        /** The API base URL that comes with these credentials (an OAuth token's {@code api_domain}), or null. */
        public URI apiUrl() {
            return apiUrl;
        }

        @Override
        public String toString() {
            return "Credentials[****]";
        }
    }

    /** Posts a form to Zoho's accounts server and returns the answer: how authenticators mint tokens. */
    @FunctionalInterface
    interface TokenEndpoint {
        ApiResponse post(URI url, Map<String, String> form);
    }
}
