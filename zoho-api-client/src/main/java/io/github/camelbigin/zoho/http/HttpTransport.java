package io.github.camelbigin.zoho.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.camelbigin.zoho.api.ZohoApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s and owns the retries: HttpClient's own retry and {@code Retry-After} handling are switched
 * off, because they would sleep as long as the server asks (up to an hour) and re-send POSTs that may have been
 * processed.
 * <p>
 * The rules: 429 is retried for every request (Zoho did not process it); 5xx and I/O errors only for idempotent
 * requests, or when the connection was never made; a 401 {@code INVALID_TOKEN} with refreshable credentials gets one
 * new token and one replay. Waits follow the {@link RetryPolicy}; a {@code Retry-After} beyond its deadline fails the
 * call at once. Each attempt is logged at DEBUG with method, path, status, duration and attempt — never a secret.
 * <p>
 * Internal to the engine (public only for its other packages): callers use the services of
 * {@link io.github.camelbigin.zoho.client.ZohoClient}.
 */
public final class HttpTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final ZohoApi api;
    private final ApacheHttp http;
    private final Authenticator authenticator;
    private final URI apiUrl;
    private final RetryPolicy retryPolicy;
    private final ClientStats stats;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ServerClock serverClock;

    /**
     * @param apiUrl the API base URL that overrides the credentials' and the authenticator's (null: none)
     * @param clock  the local clock (deadlines, Retry-After dates, the server's clock between answers)
     */
    public HttpTransport(ZohoApi api, TransportSettings settings, Authenticator authenticator, URI apiUrl,
                         RetryPolicy retryPolicy, ClientStats stats, Clock clock, Sleeper sleeper) {
        this.api = api;
        this.authenticator = authenticator;
        this.apiUrl = apiUrl;
        this.retryPolicy = retryPolicy == null ? RetryPolicy.DEFAULT : retryPolicy;
        this.stats = stats;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.sleeper = sleeper == null ? Sleeper.REAL : sleeper;
        this.serverClock = new ServerClock(this.clock);
        this.http = new ApacheHttp(settings);
    }

    private volatile CallBudget callBudget;
    private volatile ConcurrencyLimit concurrency;

    public ZohoApi api() {
        return api;
    }

    /**
     * The credentials the next call would carry (an OAuth token minted or refreshed when due), for calls to other Zoho
     * APIs the same token may authorise.
     */
    public Authenticator.Credentials credentials() {
        return authenticator.credentials(this::postForm);
    }

    /** The API domain these credentials go to, e.g. {@code https://www.zohoapis.eu}: the base URL less the API's path. */
    public URI apiDomain(Authenticator.Credentials credentials) {
        return URI.create(domain(api, base(credentials)));
    }

    /** A base URL less the API's path: {@code https://www.zohoapis.com/bigin/v2} → {@code https://www.zohoapis.com}. */
    private static String domain(ZohoApi api, URI base) {
        String b = base.toString();
        b = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        return b.endsWith(api.basePath()) ? b.substring(0, b.length() - api.basePath().length()) : b;
    }

    /** Holds API calls to {@code limit} in flight at once (null: no limit but the connection pool's). */
    public void concurrency(ConcurrencyLimit limit) {
        this.concurrency = limit;
    }

    /** Makes every API call spend from {@code budget} before it is sent (null: no budget). */
    public void budget(CallBudget budget) {
        this.callBudget = budget;
    }

    /**
     * Sends an API request and returns its answer: a 2xx/304, or for {@link ApiRequest#recordResults()} requests a
     * 4xx that carries per-record results. Everything else ends in a {@link ZohoApiException}.
     */
    public ApiResponse execute(ApiRequest request) {
        RetryBudget budget = new RetryBudget(retryPolicy, clock, sleeper);
        boolean tokenReplayed = false;
        for (int attempt = 1;; attempt++) {
            Authenticator.Credentials credentials = authenticator.credentials(this::postForm);
            if (attempt > 1 && request.file() != null && !request.file().repeatable()) {
                // a stream was (maybe partly) read by the attempt before: it cannot be sent again
                throw failed(new ZohoApiException(api, request.operation(), request.module(), 0, "NOT_RETRIED",
                        "the upload from a stream failed and a stream cannot be sent twice: give a file or bytes to"
                        + " have uploads retried", null, null));
            }
            ApiResponse response = attempt(request, uri(api, base(credentials), request), credentials, budget, attempt,
                    true);
            if (response == null) {
                continue; // an I/O error that is retried
            }
            serverClock.note(response);
            int status = response.status();
            if (status == 401 && authenticator.canRefresh() && !tokenReplayed && tokenRejected(response)) {
                tokenReplayed = true;
                stats.retry();
                LOG.debug("{} rejected the access token; getting a new one and replaying {} once", api.product(),
                        request);
                authenticator.invalidate(credentials);
                continue;
            }
            if (status == 429 || status >= 500 && request.idempotent()) {
                Long retryAfter = retryAfterMillis(response);
                if (retry(request, budget, retryAfter != null ? retryAfter : budget.nextBackoff())) {
                    continue;
                }
                throw failed(ApiErrors.of(api, request, response, budget.givingUpNote(retryAfter)));
            }
            if (status >= 500) {
                throw failed(ApiErrors.of(api, request, response, "not retried: a " + request.method()
                        + " may have been processed, and sending it again could write the records twice"));
            }
            if (status >= 400 && !(request.recordResults() && ApiErrors.hasRecordResults(response))) {
                ZohoApiException refused = ApiErrors.of(api, request, response, null);
                String hint = status == 401 ? authenticator.rejectedHint(refused.getCode()) : null;
                throw failed(hint == null ? refused : refused.withHint(api, hint));
            }
            stats.succeeded();
            return response;
        }
    }

    /** Posts a form to an absolute URL without credentials (the OAuth token endpoint); any status is returned. */
    public ApiResponse postForm(URI url, Map<String, String> form) {
        ApiRequest request = ApiRequest.post(url.getPath()).form(form).idempotent(true)
                .operation("authenticate", null).credits(0).build();
        RetryBudget budget = new RetryBudget(retryPolicy, clock, sleeper);
        for (int attempt = 1;; attempt++) {
            ApiResponse response = attempt(request, url, null, budget, attempt, false);
            if (response != null && (response.status() < 500 || !retry(request, budget, budget.nextBackoff()))) {
                return response;
            }
        }
    }

    /**
     * One attempt: the answer, or null when the connection failed and a retry was waited for.
     *
     * @param counted whether the call counts as an API call (with credits), rather than a token request
     */
    private ApiResponse attempt(ApiRequest request, URI uri, Authenticator.Credentials credentials, RetryBudget budget,
                                int attempt, boolean counted) {
        if (counted && callBudget != null) {
            try {
                callBudget.spend(request.credits(), request.operation(), request.module());
            } catch (ZohoApiException refused) {
                throw failed(refused);
            }
        }
        RateLimiter limiter = counted ? authenticator.rateLimiter() : null;
        ConcurrencyLimit slots = counted ? concurrency : null;
        ConcurrencyLimit.Slot slot = null;
        try {
            if (limiter != null) {
                limiter.acquire();
            }
            slot = slots == null ? null : slots.acquire(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(new ZohoApiException(api, request.operation(), request.module(), 0, "INTERRUPTED",
                    "interrupted while waiting for the rate or concurrency limit", null, e));
        }
        long started = clock.millis();
        try (ConcurrencyLimit.Slot held = slot) { // closed before a retry's wait: a waiting call holds no slot
            ApiResponse response = http.send(request, uri, credentials);
            count(counted, response.status() == 429 ? 0 : request.credits());
            int status = response.status();
            if (counted && callBudget != null && (status == 401 || status == 429 || status >= 500)) {
                callBudget.refund(request.credits()); // Zoho charges nothing for these
            }
            LOG.debug("{} {} -> {} in {} ms (attempt {})", api.product(), request, response.status(),
                    clock.millis() - started, attempt);
            return response;
        } catch (IOException e) {
            boolean neverSent = ApacheHttp.neverSent(e);
            count(counted, neverSent ? 0 : request.credits());
            if (counted && callBudget != null && neverSent) {
                callBudget.refund(request.credits());
            }
            LOG.debug("{} {} -> {} after {} ms (attempt {})", api.product(), request, e.getClass().getSimpleName(),
                    clock.millis() - started, attempt);
            if ((request.idempotent() || neverSent) && retry(request, budget, budget.nextBackoff())) {
                return null;
            }
            throw failed(ioFailure(request, e, neverSent, attempt));
        }
    }

    private void count(boolean apiCall, int credits) {
        if (apiCall) {
            stats.apiCall(credits);
        } else {
            stats.tokenRequest();
        }
    }

    private boolean retry(ApiRequest request, RetryBudget budget, long waitMillis) {
        LOG.debug("Retrying {} {} in {} ms unless the retries are spent", api.product(), request, waitMillis);
        boolean waited = budget.waitToRetry(waitMillis, e -> failed(new ZohoApiException(api, request.operation(),
                request.module(), 0, "INTERRUPTED", "interrupted while waiting to retry", null, e)));
        if (waited) {
            stats.retry();
        }
        return waited;
    }

    private URI base(Authenticator.Credentials credentials) {
        if (apiUrl != null) {
            return apiUrl;
        }
        if (credentials != null && credentials.apiUrl() != null) {
            return credentials.apiUrl();
        }
        return authenticator.defaultApiUrl();
    }

    /**
     * The URL of a request: its path below the API's base URL, below the API domain, on Zoho's upload host, or as
     * given. An emulator on this machine serves every host at its own address.
     */
    static URI uri(ZohoApi api, URI base, ApiRequest request) {
        String b = base.toString();
        b = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        String domain = domain(api, base);
        String path = request.path();
        switch (request.target()) {
            case API_DOMAIN:
                b = domain;
                break;
            case UPLOAD_HOST:
                b = isLoopback(base) ? domain : base.getScheme() + "://" + uploadHost(api, base) + ":"
                        + (base.getPort() > 0 ? base.getPort() : 443);
                b = b.endsWith(":443") ? b.substring(0, b.length() - 4) : b;
                break;
            case ABSOLUTE:
                URI given = URI.create(path);
                b = isLoopback(base) ? base.getScheme() + "://" + base.getRawAuthority()
                        : given.getScheme() + "://" + given.getRawAuthority();
                path = given.getRawPath() + (given.getRawQuery() == null ? "" : "?" + given.getRawQuery());
                break;
            default:
                break;
        }
        StringBuilder sb = new StringBuilder(b.length() + 64);
        sb.append(b).append(path);
        char sep = path.indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<String, String> e : request.query().entrySet()) {
            sb.append(sep).append(UriEncoding.encode(e.getKey())).append('=').append(UriEncoding.encode(e.getValue()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    /** {@code content.zohoapis.<dc>} for {@code www.zohoapis.<dc>}; other API domains have none Zoho documents. */
    private static String uploadHost(ZohoApi api, URI base) {
        String host = base.getHost();
        if (host != null && host.startsWith("www.zohoapis.")) {
            return "content." + host.substring(4);
        }
        throw new ZohoApiException(api, "upload", null, 0, "NO_UPLOAD_HOST", "uploads go to Zoho's upload host"
                + " (content.zohoapis.<dc>), which is known only for Zoho's own API domains, not for " + host
                + ": use OAuth or an access token with a data center (not a gateway) for bulk writes", null, null);
    }

    /** An emulator on this machine serves every host: the upload host is reached at its port. */
    private static boolean isLoopback(URI base) {
        return "127.0.0.1".equals(base.getHost()) || "localhost".equals(base.getHost());
    }

    private ZohoApiException failed(ZohoApiException e) {
        stats.failed(e);
        return e;
    }

    private ZohoApiException ioFailure(ApiRequest request, IOException e, boolean neverSent, int attempts) {
        String what = e instanceof InterruptedIOException && !neverSent ? "no answer within the socket timeout"
                : neverSent ? "could not connect" : "the connection failed";
        String outcome = neverSent || request.idempotent() ? ""
                : "; " + api.product() + " may or may not have processed it, so it was not sent again (that could"
                  + " write records twice): check the records before retrying";
        return new ZohoApiException(api, request.operation(), request.module(), 0,
                neverSent ? "CONNECT_FAILED" : "IO_ERROR", what + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + " (" + e + ")" + outcome, null, e);
    }

    private static boolean tokenRejected(ApiResponse response) {
        String code = ApiErrors.code(response);
        return code == null || "INVALID_TOKEN".equals(code) || "AUTHENTICATION_FAILURE".equals(code);
    }

    /** The server's clock, from the Date header of the last answer plus the time since; the local clock before any. */
    public Instant serverTime() {
        return serverClock.now();
    }

    /** Retry-After as seconds or as an HTTP date, in milliseconds; null when absent or unreadable. */
    Long retryAfterMillis(ApiResponse response) {
        String value = response.header("retry-after");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim())) * 1000;
        } catch (NumberFormatException e) {
            Instant at = ServerClock.httpDate(value);
            return at == null ? null : Math.max(0, Duration.between(clock.instant(), at).toMillis());
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
