package io.github.camelbigin.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s over Apache HttpClient 5 (pooled connections, timeouts, proxy, TLS) and owns the retries:
 * HttpClient's own retry and {@code Retry-After} handling are switched off, because they would sleep as long as the
 * server asks (up to an hour) and re-send POSTs that may have been processed.
 * <p>
 * The rules: 429 is retried for every request (Bigin did not process it); 5xx and I/O errors only for idempotent
 * requests, or when the connection was never made; a 401 {@code INVALID_TOKEN} with refreshable credentials gets one
 * new token and one replay. Waits follow the {@link RetryPolicy}; a {@code Retry-After} beyond its deadline fails the
 * call at once. Each attempt is logged at DEBUG with method, path, status, duration and attempt — never a secret.
 */
public final class HttpTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    /** Sleeps between attempts; replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final CloseableHttpClient http;
    private final Authenticator authenticator;
    private final URI apiUrl;
    private final RetryPolicy retryPolicy;
    private final ClientStats stats;
    private final Sleeper sleeper;
    private volatile long serverMillis = -1;
    private volatile long serverNanos;

    public HttpTransport(TransportSettings settings, Authenticator authenticator, URI apiUrl, RetryPolicy retryPolicy,
                         ClientStats stats, Sleeper sleeper) {
        this.authenticator = authenticator;
        this.apiUrl = apiUrl;
        this.retryPolicy = retryPolicy == null ? RetryPolicy.DEFAULT : retryPolicy;
        this.stats = stats;
        this.sleeper = sleeper == null ? Thread::sleep : sleeper;
        this.http = build(settings);
    }

    private static CloseableHttpClient build(TransportSettings s) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(s.maxConnections())
                .setMaxConnPerRoute(s.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(s.connectTimeout()))
                        .setSocketTimeout(Timeout.of(s.socketTimeout()))
                        // a pooled connection idle this long is checked before reuse: fewer writes into dead sockets
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        if (s.sslContext() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(s.sslContext()));
        }
        PoolingHttpClientConnectionManager manager = pool.build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(manager)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(s.userAgent())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(s.socketTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(s.connectTimeout()))
                        .build());
        if (s.proxyHost() != null && !s.proxyHost().isBlank()) {
            builder.setProxy(new HttpHost(s.proxyHost(), s.proxyPort() > 0 ? s.proxyPort() : 8080));
        }
        return builder.build();
    }

    /**
     * Sends an API request and returns its answer: a 2xx/304, or for {@link ApiRequest#recordResults()} requests a
     * 4xx that carries per-record results. Everything else ends in a {@link BiginApiException}.
     */
    public ApiResponse execute(ApiRequest request) {
        return exchange(request, null);
    }

    /** Posts a form to an absolute URL without credentials (the OAuth token endpoint); any status is returned. */
    public ApiResponse postForm(URI url, Map<String, String> form) {
        ApiRequest request = ApiRequest.post(url.getPath()).form(form).idempotent(true)
                .operation("authenticate", null).credits(0).build();
        return exchange(request, url);
    }

    private ApiResponse exchange(ApiRequest request, URI absoluteUrl) {
        boolean authenticated = absoluteUrl == null;
        long deadline = System.nanoTime() + retryPolicy.deadline().toNanos();
        int retries = 0;
        boolean tokenReplayed = false;
        for (int attempt = 1;; attempt++) {
            Authenticator.Credentials credentials = authenticated ? authenticator.credentials(this::postForm) : null;
            URI uri = absoluteUrl != null ? absoluteUrl : uri(base(credentials), request);
            long started = System.nanoTime();
            ApiResponse response;
            try {
                response = send(request, uri, credentials);
            } catch (IOException e) {
                boolean neverSent = neverSent(e);
                long ms = millisSince(started);
                if (authenticated) {
                    stats.apiCall(neverSent ? 0 : request.credits());
                } else {
                    stats.tokenRequest();
                }
                LOG.debug("Bigin {} -> {} after {} ms (attempt {})", request, e.getClass().getSimpleName(), ms, attempt);
                if ((request.idempotent() || neverSent) && retries < retryPolicy.maxRetries()) {
                    long wait = retryPolicy.backoffMillis(retries + 1);
                    if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait) < deadline) {
                        retries++;
                        stats.retry();
                        pause(request, wait);
                        continue;
                    }
                }
                throw failed(ioFailure(request, e, neverSent, attempt));
            }
            long ms = millisSince(started);
            if (authenticated) {
                stats.apiCall(response.status() == 429 ? 0 : request.credits());
            } else {
                stats.tokenRequest();
            }
            LOG.debug("Bigin {} -> {} in {} ms (attempt {})", request, response.status(), ms, attempt);
            if (authenticated) {
                noteServerTime(response);
            }
            int status = response.status();
            if (!authenticated) {
                if (status >= 500 && retries < retryPolicy.maxRetries()) {
                    long wait = retryPolicy.backoffMillis(retries + 1);
                    if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait) < deadline) {
                        retries++;
                        stats.retry();
                        pause(request, wait);
                        continue;
                    }
                }
                return response;
            }
            if (status == 401 && authenticator.canRefresh() && !tokenReplayed && tokenRejected(response)) {
                tokenReplayed = true;
                stats.retry();
                LOG.debug("Bigin rejected the access token; getting a new one and replaying {} once", request);
                authenticator.invalidate(credentials);
                continue;
            }
            if (status == 429 || status >= 500 && request.idempotent()) {
                String note;
                if (retries >= retryPolicy.maxRetries()) {
                    note = retries == 0 ? "not retried: maxRetries is 0" : "gave up after " + retries + " retries";
                } else {
                    Long retryAfter = retryAfterMillis(response);
                    long wait = retryAfter != null ? retryAfter : retryPolicy.backoffMillis(retries + 1);
                    if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait) < deadline) {
                        retries++;
                        stats.retry();
                        pause(request, wait);
                        continue;
                    }
                    note = retryAfter != null
                            ? "Retry-After asked for " + (retryAfter / 1000) + " s, beyond the retry deadline of "
                              + retryPolicy.deadline().toSeconds() + " s; not waited for"
                            : "the retry deadline of " + retryPolicy.deadline().toSeconds() + " s is reached after "
                              + retries + " retries";
                }
                throw failed(ApiErrors.of(request, response, note));
            }
            if (status >= 500) {
                throw failed(ApiErrors.of(request, response,
                        "not retried: a " + request.method() + " may have been processed, and sending it again could"
                        + " write the records twice"));
            }
            if (status >= 400) {
                if (request.recordResults() && status < 500 && hasRecordResults(response)) {
                    stats.succeeded();
                    return response;
                }
                throw failed(ApiErrors.of(request, response, null));
            }
            stats.succeeded();
            return response;
        }
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

    private static URI uri(URI base, ApiRequest request) {
        String b = base.toString();
        StringBuilder sb = new StringBuilder(b.length() + 64);
        sb.append(b.endsWith("/") ? b.substring(0, b.length() - 1) : b).append(request.path());
        char sep = '?';
        for (Map.Entry<String, String> e : request.query().entrySet()) {
            sb.append(sep).append(UriEncoding.encode(e.getKey())).append('=').append(UriEncoding.encode(e.getValue()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    private ApiResponse send(ApiRequest request, URI uri, Authenticator.Credentials credentials) throws IOException {
        ClassicRequestBuilder rb = ClassicRequestBuilder.create(request.method()).setUri(uri)
                .addHeader("Accept", "application/json");
        if (credentials != null) {
            rb.addHeader(new SecretHeader("Authorization", credentials.authorization()));
            credentials.headers().forEach(rb::addHeader);
        }
        request.headers().forEach(rb::addHeader);
        if (request.body() != null) {
            rb.setEntity(new ByteArrayEntity(request.body(), ContentType.parse(request.contentType())));
        }
        ClassicHttpRequest http = rb.build();
        return this.http.execute(http, response -> {
            Map<String, String> headers = new HashMap<>();
            for (Header h : response.getHeaders()) {
                headers.put(h.getName().toLowerCase(Locale.ROOT), h.getValue());
            }
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            return new ApiResponse(response.getCode(), headers, body);
        });
    }

    /** A header whose value goes on the wire but not into HttpClient's header log. */
    static final class SecretHeader extends BasicHeader {
        private static final long serialVersionUID = 1L;

        SecretHeader(String name, String value) {
            super(name, value, true);
        }

        @Override
        public String toString() {
            return getName() + ": ****";
        }
    }

    private void pause(ApiRequest request, long millis) {
        LOG.debug("Retrying Bigin {} in {} ms", request, millis);
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(new BiginApiException(request.operation(), request.module(), 0, "INTERRUPTED",
                    "interrupted while waiting to retry", null, e));
        }
    }

    private BiginApiException failed(BiginApiException e) {
        stats.failed(e);
        return e;
    }

    /** True when the request surely did not reach the server: the connection itself failed. */
    static boolean neverSent(IOException e) {
        return e instanceof ConnectException || e instanceof HttpHostConnectException
               || e instanceof ConnectTimeoutException || e instanceof UnknownHostException
               || e instanceof NoRouteToHostException || e instanceof SSLHandshakeException
               || e instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException;
    }

    private static BiginApiException ioFailure(ApiRequest request, IOException e, boolean neverSent, int attempts) {
        String what = e instanceof InterruptedIOException && !neverSent ? "no answer within the socket timeout"
                : neverSent ? "could not connect" : "the connection failed";
        String outcome = neverSent || request.idempotent() ? ""
                : "; Bigin may or may not have processed it, so it was not sent again (that could write records"
                  + " twice): check the records before retrying";
        return new BiginApiException(request.operation(), request.module(), 0, neverSent ? "CONNECT_FAILED" : "IO_ERROR",
                what + " after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " (" + e + ")" + outcome,
                null, e);
    }

    private static boolean tokenRejected(ApiResponse response) {
        String code = ApiErrors.code(response);
        return code == null || "INVALID_TOKEN".equals(code) || "AUTHENTICATION_FAILURE".equals(code);
    }

    private static boolean hasRecordResults(ApiResponse response) {
        try {
            var root = BiginJson.MAPPER.readTree(response.body());
            return root != null && root.path("data").isArray() && root.path("data").size() > 0
                   && root.path("data").get(0).has("status");
        } catch (IOException e) {
            return false;
        }
    }

    private void noteServerTime(ApiResponse response) {
        String date = response.header("date");
        if (date != null) {
            try {
                long millis = ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                serverNanos = System.nanoTime();
                serverMillis = millis;
            } catch (DateTimeParseException e) {
                // a proxy's odd Date header: keep the last good one
            }
        }
    }

    /** Bigin's clock, from the Date header of the last answer plus the time since; this JVM's clock before any. */
    public Instant serverTime() {
        long millis = serverMillis;
        if (millis < 0) {
            return Instant.now();
        }
        return Instant.ofEpochMilli(millis + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - serverNanos));
    }

    /** Retry-After as seconds or as an HTTP date, in milliseconds; null when absent or unreadable. */
    static Long retryAfterMillis(ApiResponse response) {
        String value = response.header("retry-after");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim())) * 1000;
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Duration.between(Instant.now(), at).toMillis());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
