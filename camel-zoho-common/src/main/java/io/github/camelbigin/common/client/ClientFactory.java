package io.github.camelbigin.common.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelbigin.common.options.AuthChoice;
import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.MatonAuthenticator;
import io.github.camelbigin.zoho.auth.OAuthAuthenticator;
import io.github.camelbigin.zoho.auth.OAuthTokenProvider;
import io.github.camelbigin.zoho.auth.StaticTokenAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.credits.CreditBudget;
import io.github.camelbigin.zoho.http.Authenticator;
import io.github.camelbigin.zoho.http.ConcurrencyLimit;
import io.github.camelbigin.zoho.http.RetryPolicy;
import io.github.camelbigin.zoho.http.TransportSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component's clients: one per distinct {@link ConnectionKey} (one connection pool, one rate budget), shared by the
 * endpoints that use it and closed when the last of them stops; one access token per refresh token, shared by every
 * client minted from it.
 */
public final class ClientFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ClientFactory.class);

    private final CamelContext context;
    private final Map<ConnectionKey, Shared> clients = new HashMap<>();
    private final Map<ConnectionKey.TokenKey, OAuthTokenProvider> tokenProviders = new ConcurrentHashMap<>();
    /**
     * One concurrency limit per org (its credentials' identity) and edition, shared by every client of it: endpoints
     * whose other options differ (a timeout, a proxy) still count against the same calls at once.
     */
    private final Map<String, ConcurrencyLimit> concurrencyLimits = new ConcurrentHashMap<>();
    /** The component's clock: credit budgets, paused consumers and push mode's schedule go by it. */
    private final SettableClock clock = new SettableClock();

    /** Sets the component's clock (a test's fake one); what was made with it follows at once. */
    public void clock(Clock clock) {
        this.clock.delegate = clock;
    }

    /** The component's clock: the system's, or a test's fake one. */
    public Clock clock() {
        return clock;
    }

    /** A clock whose time comes from another, which can be swapped while clients and consumers use it. */
    private static final class SettableClock extends Clock {
        private volatile Clock delegate = Clock.systemUTC();

        @Override
        public java.time.ZoneId getZone() {
            return delegate.getZone();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return delegate.withZone(zone);
        }

        @Override
        public java.time.Instant instant() {
            return delegate.instant();
        }
    }

    /** The Maton keys (their hashes, never the keys) whose choice of connection was said, with their control URL. */
    private final java.util.Set<String> matonKeysSaid = ConcurrentHashMap.newKeySet();

    /**
     * Whether an endpoint with these Maton options starts first: the gateway's choice of connection is said once per
     * key and control URL.
     */
    boolean firstStartOfMatonKey(ZohoConfiguration c) {
        return matonKeysSaid.add(c.getApiKey().hashCode() + "|" + c.getMatonControlUrl());
    }

    /** Credit ledgers without a creditStateRepository: they outlive a client (a route restart), not the JVM. */
    private final StateRepository<String, String> memoryLedgers = new MemoryStateRepository();

    private static final class Shared {
        final ZohoClient client;
        int users;

        Shared(ZohoClient client) {
            this.client = client;
        }
    }

    public ClientFactory(CamelContext context) {
        this.context = context;
    }

    /** The shared client of these options' connection, created on first use; pair each call with {@link #release}. */
    ZohoClient acquire(ZohoApi api, AuthChoice auth, ZohoConfiguration c) {
        return acquire(ConnectionKey.of(api, auth, c));
    }

    private synchronized ZohoClient acquire(ConnectionKey key) {
        Shared shared = clients.computeIfAbsent(key, k -> new Shared(create(k)));
        shared.users++;
        return shared.client;
    }

    synchronized void release(ZohoClient client) {
        clients.values().removeIf(shared -> {
            if (shared.client == client && --shared.users <= 0) {
                client.close();
                return true;
            }
            return false;
        });
    }

    /** Closes every client: the component stops. */
    public synchronized void closeAll() {
        clients.values().forEach(s -> s.client.close());
        clients.clear();
        tokenProviders.clear();
    }

    private ZohoClient create(ConnectionKey k) {
        TransportSettings settings = transportSettings(k);
        Authenticator auth = authenticator(k);
        LOG.debug("Creating a {} client with {}", k.api().product(), auth);
        return ZohoClient.builder()
                .api(k.api())
                .authenticator(auth)
                .creditBudget(creditBudget(k))
                .concurrency(k.edition() == null ? null : concurrencyLimits.computeIfAbsent(
                        k.creditKey() + "|" + k.edition(), e -> new ConcurrencyLimit(k.edition().concurrency())))
                .apiUrl(k.apiUrl() == null ? null : URI.create(k.apiUrl()))
                .transport(settings)
                .retryPolicy(new RetryPolicy(k.maxRetries(), Duration.ofMillis(k.retryInitialDelay()),
                        Duration.ofMillis(k.retryMaxDelay()), Duration.ofMillis(k.retryDeadline())))
                .build();
    }

    /** The transport settings of these options' connection, for a client of another API (Maton's connections). */
    TransportSettings transportSettings(ZohoApi api, AuthChoice auth, ZohoConfiguration c) {
        return transportSettings(ConnectionKey.of(api, auth, c));
    }

    /** Timeouts, pool size, proxy, TLS and user agent of a connection: every client of it is made with these. */
    private TransportSettings transportSettings(ConnectionKey k) {
        TransportSettings settings = new TransportSettings()
                .connectTimeout(Duration.ofMillis(k.connectTimeout()))
                .socketTimeout(Duration.ofMillis(k.socketTimeout()))
                .maxConnections(k.maxConnections())
                .userAgent("camel-bigin (Apache Camel " + context.getVersion() + ")");
        if (k.proxyHost() != null) {
            settings.proxy(k.proxyHost(), k.proxyPort() == null ? 0 : k.proxyPort());
        }
        if (k.sslContextParameters() != null) {
            try {
                settings.sslContext(k.sslContextParameters().createSSLContext(context));
            } catch (Exception e) {
                throw new IllegalArgumentException("The sslContextParameters cannot make an SSLContext: "
                                                   + e.getMessage(), e);
            }
        }
        return settings;
    }

    /** The connection's credit budget, its ledger kept in creditStateRepository (else in memory), or null. */
    private CreditBudget creditBudget(ConnectionKey k) {
        if (k.creditBudget() <= 0) {
            return null;
        }
        StateRepository<String, String> repo = k.creditStateRepository() != null ? k.creditStateRepository()
                : memoryLedgers;
        ServiceHelper.startService(repo);
        String key = k.creditKey();
        return new CreditBudget(k.api(), k.creditBudget(), clock, new CreditBudget.Store() {
            @Override
            public String load() {
                return repo.getState(key);
            }

            @Override
            public void save(String ledgerJson) {
                repo.setState(key, ledgerJson);
            }
        });
    }

    private Authenticator authenticator(ConnectionKey k) {
        switch (k.authMode()) {
            case OAUTH:
                return new OAuthAuthenticator(k.api(), tokenProviders.computeIfAbsent(k.tokenKey(),
                        t -> new OAuthTokenProvider(
                                t.accountsUrl() != null ? URI.create(t.accountsUrl()) : t.dataCenter().accountsUrl(),
                                t.dataCenter().apiDomain(), t.clientId(), t.clientSecret(), t.refreshToken(), null)));
            case ACCESS_TOKEN:
                return new StaticTokenAuthenticator(k.api(), k.accessToken(), k.dataCenter());
            default:
                return new MatonAuthenticator(k.api(), k.apiKey(), k.connectionId());
        }
    }
}
