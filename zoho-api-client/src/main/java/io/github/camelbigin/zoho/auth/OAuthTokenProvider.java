package io.github.camelbigin.zoho.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbigin.zoho.http.ApiResponse;
import io.github.camelbigin.zoho.http.Authenticator;
import io.github.camelbigin.zoho.http.ZohoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mints and shares the access token of one Zoho refresh token. Zoho lets a refresh token mint at most 10 access tokens
 * in 10 minutes and keep 15 alive, and answers "Access Denied" (HTTP 200 or 400, never 429) past that, so this class:
 * <ul>
 * <li>holds one token for every endpoint, route and thread that uses the same credentials;</li>
 * <li>refreshes under a lock, only when the token is missing, about to expire, or was rejected — sixteen threads
 * meeting an expired token cause one refresh;</li>
 * <li>after a refusal (throttling, a revoked refresh token, a wrong client secret) asks nothing for a growing pause
 * and fails fast with the same clear message meanwhile: never a refresh storm.</li>
 * </ul>
 */
public final class OAuthTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenProvider.class);
    private static final ObjectMapper JSON = ZohoJson.MAPPER;
    private static final Duration MAX_REFRESH_AHEAD = Duration.ofMinutes(5);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(10);

    private final URI tokenUrl;
    private final URI dataCenterApiDomain;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    private volatile AccessToken current;
    private Instant pausedUntil;
    private ZohoAuthenticationException pauseReason;
    private Duration nextPause = FIRST_PAUSE;

    /**
     * @param accountsUrl the accounts server, e.g. {@code https://accounts.zoho.eu} (see {@link DataCenter})
     * @param apiDomain   the API domain to use when the token answer names no {@code api_domain}, e.g.
     *                    {@code https://www.zohoapis.eu}
     */
    public OAuthTokenProvider(URI accountsUrl, URI apiDomain, String clientId, String clientSecret, String refreshToken,
                              Clock clock) {
        Objects.requireNonNull(accountsUrl, "accountsUrl");
        String base = accountsUrl.toString();
        this.tokenUrl = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                                   + "/oauth/v2/token");
        this.dataCenterApiDomain = apiDomain;
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken");
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    public OAuthTokenProvider(DataCenter dataCenter, String clientId, String clientSecret, String refreshToken) {
        this(dataCenter.accountsUrl(), dataCenter.apiDomain(), clientId, clientSecret, refreshToken, null);
    }

    URI dataCenterApiDomain() {
        return dataCenterApiDomain;
    }

    /** The current access token, minted first if there is none or it expires within the refresh margin. */
    public AccessToken token(Authenticator.TokenEndpoint endpoint) {
        AccessToken token = current;
        if (token != null && !token.dueForRefresh(clock.instant())) {
            return token;
        }
        lock.lock();
        try {
            Instant now = clock.instant();
            token = current;
            if (token != null && !token.dueForRefresh(now)) {
                return token; // another thread refreshed while this one waited
            }
            if (pausedUntil != null && now.isBefore(pausedUntil)) {
                if (token != null && !token.expired(now)) {
                    return token;
                }
                throw new ZohoAuthenticationException(pauseReason.getStatusCode(), pauseReason.getCode(),
                        pauseReason.getMessage() + " No new token is requested before " + pausedUntil + ".", null);
            }
            try {
                current = mint(endpoint, now);
                nextPause = FIRST_PAUSE;
                pausedUntil = null;
                return current;
            } catch (ZohoAuthenticationException e) {
                if (!"TOKEN_ENDPOINT_UNAVAILABLE".equals(e.getCode())) {
                    // a refusal: ask again only after a pause that doubles each time
                    pausedUntil = now.plus(nextPause);
                    pauseReason = e;
                    nextPause = nextPause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : nextPause.multipliedBy(2);
                }
                if (token != null && !token.expired(now)) {
                    LOG.warn("Could not refresh the Zoho access token ahead of its expiry; using the current one until {}: {}",
                            token.expiresAt(), e.getMessage());
                    return token;
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Forgets {@code token} if it is still the current one (the API rejected it); a later call mints a new one. */
    public void invalidate(AccessToken token) {
        lock.lock();
        try {
            if (current != null && current.value().equals(token.value())) {
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private AccessToken mint(Authenticator.TokenEndpoint endpoint, Instant now) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("refresh_token", refreshToken);
        LOG.debug("Requesting a Zoho access token from {}", tokenUrl);
        ApiResponse response = endpoint.post(tokenUrl, form);
        if (response.status() >= 500) {
            throw new ZohoAuthenticationException(response.status(), "TOKEN_ENDPOINT_UNAVAILABLE",
                    "Zoho's accounts server at " + tokenUrl + " answered HTTP " + response.status()
                    + " (a server error): try again later", null);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            // the body is not echoed: a token answer is the one place a secret could appear
            throw new ZohoAuthenticationException(response.status(), "INVALID_TOKEN_RESPONSE",
                    "Zoho's accounts server at " + tokenUrl + " answered HTTP " + response.status() + " with "
                    + (response.contentType().isEmpty() ? "no content type" : response.contentType())
                    + " instead of a JSON token answer: check accountsUrl / dataCenter", null);
        }
        JsonNode accessToken = body.get("access_token");
        if (accessToken != null && accessToken.isTextual() && !accessToken.asText().isEmpty()) {
            long seconds = body.has("expires_in_sec") ? body.get("expires_in_sec").asLong()
                    : body.path("expires_in").asLong(3600);
            if (seconds > 100_000) {
                seconds = seconds / 1000; // very old accounts servers answered milliseconds
            }
            URI apiDomain = null;
            String domain = body.path("api_domain").asText(null);
            if (domain != null && !domain.isBlank()) {
                apiDomain = URI.create(stripSlash(domain));
            }
            LOG.debug("Got a Zoho access token valid for {} s", seconds);
            return new AccessToken(accessToken.asText(), now, now.plusSeconds(Math.max(seconds, 1)), apiDomain);
        }
        throw refusal(response.status(), body.path("error").asText(""), body.path("error_description").asText(""));
    }

    private ZohoAuthenticationException refusal(int status, String error, String description) {
        String lower = (error + " " + description).toLowerCase(Locale.ROOT);
        if (lower.contains("access denied") || lower.contains("too many requests")) {
            return new ZohoAuthenticationException(status, "TOKEN_THROTTLED",
                    "Zoho refused to mint another access token for this refresh token (\"" + error
                    + "\": too many token requests; Zoho allows 10 in 10 minutes and 15 alive). Share one refresh"
                    + " token per application instead of minting tokens elsewhere with it.", null);
        }
        if (lower.contains("invalid_code") || lower.contains("invalid_token")) {
            return new ZohoAuthenticationException(status, "INVALID_REFRESH_TOKEN",
                    "Zoho rejected the refresh token (\"" + error + "\"): it is wrong, revoked, or belongs to another"
                    + " data center than " + tokenUrl.getHost() + ". Generate a new one and set refreshToken.", null);
        }
        if (lower.contains("invalid_client")) {
            return new ZohoAuthenticationException(status, "INVALID_CLIENT",
                    "Zoho rejected the client (\"" + error + "\"): check clientId and clientSecret, and that the"
                    + " client is registered in the data center of " + tokenUrl.getHost() + ".", null);
        }
        return new ZohoAuthenticationException(status, "TOKEN_REFUSED",
                "Zoho's accounts server refused a token (HTTP " + status + ", error \"" + error + "\""
                + (description.isEmpty() ? "" : ": " + description) + ").", null);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        String id = clientId.length() > 8 ? clientId.substring(0, 8) + "…" : "****";
        return "Zoho OAuth (client " + id + ", token URL " + tokenUrl + ")";
    }

    /** An access token, when it was minted and expires, and the API domain that came with it. */
    public static final class AccessToken {
        private final String value;
        private final Instant mintedAt;
        private final Instant expiresAt;
        private final URI apiDomain;

        AccessToken(String value, Instant mintedAt, Instant expiresAt, URI apiDomain) {
            this.value = value;
            this.mintedAt = mintedAt;
            this.expiresAt = expiresAt;
            this.apiDomain = apiDomain;
        }

        String value() {
            return value;
        }

        public Instant expiresAt() {
            return expiresAt;
        }

        /** The {@code api_domain} of the token answer, e.g. {@code https://www.zohoapis.eu}, or null. */
        public URI apiDomain() {
            return apiDomain;
        }

        boolean expired(Instant now) {
            return !now.isBefore(expiresAt);
        }

        /** Refresh ahead of expiry: a tenth of the lifetime, at most five minutes before. */
        boolean dueForRefresh(Instant now) {
            Duration margin = Duration.between(mintedAt, expiresAt).dividedBy(10);
            if (margin.compareTo(MAX_REFRESH_AHEAD) > 0) {
                margin = MAX_REFRESH_AHEAD;
            }
            return !now.isBefore(expiresAt.minus(margin));
        }

        @Override
        public String toString() {
            return "AccessToken[****, expires " + expiresAt + "]";
        }
    }
}
