package io.github.camelbigin.zoho.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.RateLimiter;
import io.github.camelbigin.zoho.http.Sleeper;

/**
 * The Maton API gateway: {@code Authorization: Bearer <key>}, and {@code Maton-Connection} to pick one of several
 * connections to the app (Maton uses the oldest active one when the header is absent). Maton holds and renews the
 * Zoho token itself.
 */
public final class MatonAuthenticator extends FixedAuthenticator {

    /** Maton's gateway host. */
    public static final String GATEWAY_HOST = "gateway.maton.ai";
    /** Maton's connection API. */
    public static final URI CONTROL_URL = URI.create("https://ctrl.maton.ai");
    /** Maton's own limit: 10 requests a second per account (API key), gateway and connection API together. */
    static final int REQUESTS_PER_SECOND = 10;
    /**
     * The window the client counts those 10 in: a quarter second more than Maton's, because Maton counts arrivals
     * and a call can take longer on its way than the one ten calls before it.
     */
    static final long WINDOW_MILLIS = 1250;

    private static final Map<String, RateLimiter> LIMITS = new ConcurrentHashMap<>();

    private final boolean hasConnection;
    private final RateLimiter limiter;

    public MatonAuthenticator(ZohoApi api, String apiKey, String connectionId) {
        this(apiKey, connectionId, gatewayUrl(api));
    }

    private MatonAuthenticator(String apiKey, String connectionId, URI baseUrl) {
        super(new Credentials("Bearer " + Objects.requireNonNull(apiKey, "apiKey"),
                              connectionId != null && !connectionId.isBlank()
                                      ? Map.of("Maton-Connection", connectionId.trim()) : Map.of(), null),
              baseUrl);
        this.hasConnection = connectionId != null && !connectionId.isBlank();
        this.limiter = limiterFor(apiKey);
    }

    /** The credentials of Maton's connection API ({@code controlUrl}, e.g. {@link #CONTROL_URL}) for a key. */
    public static MatonAuthenticator control(String apiKey, URI controlUrl) {
        return new MatonAuthenticator(apiKey, null, controlUrl);
    }

    /** One limiter per API key in this JVM, shared by every client and endpoint that uses the key. */
    static RateLimiter limiterFor(String apiKey) {
        return LIMITS.computeIfAbsent(fingerprint(apiKey),
                k -> new RateLimiter(REQUESTS_PER_SECOND, WINDOW_MILLIS, Clock.systemUTC(), Sleeper.REAL));
    }

    /** The key's SHA-256: the registry holds no secret. */
    private static String fingerprint(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Maton's gateway refused the key: advice about the key, never the key, and none about Zoho tokens. A scope Zoho
     * finds missing behind the gateway keeps Zoho's advice.
     */
    @Override
    public String rejectedHint(String code) {
        if ("OAUTH_SCOPE_MISMATCH".equals(code)) {
            return null;
        }
        return "Maton refused the API key (missing, wrong, revoked or of another account): set the apiKey option"
               + " (or MATON_API_KEY for the demo) to a key from your Maton dashboard (maton.ai, Settings, API keys)."
               + " Maton holds the Zoho token itself: no refresh token, data center or scope is needed";
    }

    @Override
    public RateLimiter rateLimiter() {
        return limiter;
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
