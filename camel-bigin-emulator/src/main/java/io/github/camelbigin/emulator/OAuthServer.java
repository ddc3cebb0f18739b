package io.github.camelbigin.emulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Zoho's accounts server as far as Bigin clients meet it: {@code POST /oauth/v2/token} with a refresh token mints an
 * access token that expires; a refresh token may mint 10 tokens in 10 minutes and keep 15 alive (the 16th silently
 * invalidates the oldest); past the 10, Zoho answers "Access Denied" — with HTTP 400, never 429. Errors such as
 * {@code invalid_code} answer HTTP 200, as Zoho does.
 */
final class OAuthServer {

    /** Every scope the emulator knows: what tokens get unless told otherwise. */
    static final Set<String> ALL_SCOPES = Set.of("ZohoBigin.modules.ALL", "ZohoBigin.modules.Tasks.ALL",
            "ZohoBigin.modules.Events.ALL", "ZohoBigin.modules.Calls.ALL", "ZohoBigin.modules.Notes.ALL",
            "ZohoBigin.settings.ALL", "ZohoBigin.users.ALL", "ZohoBigin.org.READ", "ZohoBigin.coql.READ",
            "ZohoBigin.notifications.ALL", "ZohoBooks.fullaccess.ALL");
    private static final Set<String> OWN_SCOPE_MODULES = Set.of("Tasks", "Events", "Calls", "Notes");

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final class Grant {
        final String clientId;
        final Set<String> scopes;
        final Deque<Instant> mints = new ArrayDeque<>();
        final Deque<String> alive = new ArrayDeque<>();

        Grant(String clientId, Set<String> scopes) {
            this.clientId = clientId;
            this.scopes = scopes;
        }
    }

    private static final class Token {
        final Set<String> scopes;
        final Instant expiresAt;

        Token(Set<String> scopes, Instant expiresAt) {
            this.scopes = scopes;
            this.expiresAt = expiresAt;
        }
    }

    private final Flavour flavour;
    /** Every scope, in the flavour's naming: what a token granted "all" holds. */
    private final Set<String> allScopes;

    OAuthServer(Flavour flavour) {
        this.flavour = flavour;
        this.allScopes = ALL_SCOPES.stream().map(flavour::scope).collect(java.util.stream.Collectors.toSet());
    }

    private final Map<String, String> clientSecrets = new HashMap<>();
    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<String, Set<String>> staticTokens = new HashMap<>();
    private Duration lifetime = Duration.ofHours(1);
    private int mintsPerWindow = 10;
    private int maxAlive = 15;
    private long minted;

    synchronized void addClient(String clientId, String clientSecret, String refreshToken, Set<String> scopes) {
        clientSecrets.put(clientId, clientSecret);
        grants.put(refreshToken, new Grant(clientId, scopes.isEmpty() ? allScopes : Set.copyOf(scopes)));
    }

    synchronized void addStaticToken(String token, Set<String> scopes) {
        staticTokens.put(token, scopes.isEmpty() ? allScopes : Set.copyOf(scopes));
    }

    /** A static token no longer accepted: the next call with it answers 401 INVALID_TOKEN. */
    synchronized void expireStaticToken(String token) {
        staticTokens.remove(token);
    }

    synchronized void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    synchronized void limits(int mintsPerTenMinutes, int maxAlive) {
        this.mintsPerWindow = mintsPerTenMinutes;
        this.maxAlive = maxAlive;
    }

    /** Ends every minted token now (as if an hour had passed) without touching the clock. */
    synchronized void expireAll() {
        tokens.clear();
        grants.values().forEach(g -> g.alive.clear());
    }

    synchronized void resetThrottle() {
        grants.values().forEach(g -> g.mints.clear());
    }

    synchronized long minted() {
        return minted;
    }

    /** Answers a token request: [status, body]. */
    synchronized Object[] mint(Map<String, String> form, Instant now, String apiDomain) {
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return answer(200, "error", "unsupported_grant_type");
        }
        String clientId = form.get("client_id");
        String secret = clientSecrets.get(clientId);
        if (secret == null || !secret.equals(form.get("client_secret"))) {
            return answer(200, "error", "invalid_client");
        }
        Grant grant = grants.get(form.get("refresh_token"));
        if (grant == null || !grant.clientId.equals(clientId)) {
            return answer(200, "error", "invalid_code");
        }
        Instant windowStart = now.minus(Duration.ofMinutes(10));
        while (!grant.mints.isEmpty() && grant.mints.peekFirst().isBefore(windowStart)) {
            grant.mints.removeFirst();
        }
        if (grant.mints.size() >= mintsPerWindow) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error_description", "You have made too many requests continuously. Please try again after some time.");
            body.put("error", "Access Denied");
            body.put("status", "failure");
            return new Object[] { 400, body };
        }
        grant.mints.addLast(now);
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = "1000." + HexFormat.of().formatHex(bytes);
        tokens.put(token, new Token(grant.scopes, now.plus(lifetime)));
        grant.alive.addLast(token);
        while (grant.alive.size() > maxAlive) {
            tokens.remove(grant.alive.removeFirst());
        }
        minted++;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("scope", String.join(",", grant.scopes));
        body.put("api_domain", apiDomain);
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime.toSeconds());
        return new Object[] { 200, body };
    }

    private static Object[] answer(int status, String key, String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, value);
        return new Object[] { status, body };
    }

    /** The scopes of a valid token, or null when the token is unknown, evicted or expired. */
    synchronized Set<String> scopes(String token, Instant now) {
        Set<String> s = staticTokens.get(token);
        if (s != null) {
            return s;
        }
        Token t = tokens.get(token);
        if (t == null || !now.isBefore(t.expiresAt)) {
            return null;
        }
        return t.scopes;
    }

    /** The scope a request needs, checked against what the token has; null when allowed, else the missing scope. */
    /** The narrow notification scope of a watch call: READ to list, CREATE to enable, UPDATE to change, WRITE else. */
    private static String notificationScope(String method) {
        switch (method) {
            case "GET":
                return "ZohoBigin.notifications.READ";
            case "POST":
                return "ZohoBigin.notifications.CREATE";
            case "PUT":
            case "PATCH":
                return "ZohoBigin.notifications.UPDATE";
            default:
                return "ZohoBigin.notifications.WRITE";
        }
    }

    String missingScope(Set<String> scopes, String method, List<String> segments) {
        String missing = missingBiginScope(scopes.stream().map(OAuthServer::asBigin)
                .collect(java.util.stream.Collectors.toSet()), method, segments);
        return missing == null ? null : flavour.scope(missing);
    }

    /** A scope in Bigin's naming, which the rules below are written in. */
    private static String asBigin(String scope) {
        return scope.startsWith("ZohoCRM.") ? "ZohoBigin" + scope.substring("ZohoCRM".length()) : scope;
    }

    private static String missingBiginScope(Set<String> scopes, String method, List<String> segments) {
        if (segments.isEmpty()) {
            return null;
        }
        String first = segments.get(0);
        Set<String> accepted = new HashSet<>();
        switch (first) {
            case "settings":
                accepted.add("ZohoBigin.settings.ALL");
                break;
            case "users":
                accepted.add("ZohoBigin.users.ALL");
                accepted.add("ZohoBigin.users.READ");
                break;
            case "org":
                accepted.add("ZohoBigin.org.READ");
                accepted.add("ZohoBigin.org.ALL");
                break;
            case "coql":
                accepted.add("ZohoBigin.coql.READ");
                break;
            case "books": // Zoho Books on the same token: the seed's sync
                accepted.add("ZohoBooks.fullaccess.ALL");
                accepted.add("ZohoBooks.contacts." + ("GET".equals(method) ? "READ" : "CREATE"));
                accepted.add("ZohoBooks.contacts.ALL");
                break;
            case "actions":
                accepted.add("ZohoBigin.notifications.ALL");
                accepted.add(notificationScope(method));
                break;
            default:
                accepted.add("ZohoBigin.modules." + first + ".ALL");
                if ("GET".equals(method)) {
                    accepted.add("ZohoBigin.modules." + first + ".READ");
                }
                if (!OWN_SCOPE_MODULES.contains(first)) {
                    accepted.add("ZohoBigin.modules.ALL");
                    if ("GET".equals(method)) {
                        accepted.add("ZohoBigin.modules.READ");
                    }
                }
        }
        for (String a : accepted) {
            if (scopes.contains(a)) {
                return null;
            }
        }
        return accepted.stream().sorted().findFirst().orElse(null);
    }
}
