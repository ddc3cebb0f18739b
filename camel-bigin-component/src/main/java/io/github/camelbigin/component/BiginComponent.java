package io.github.camelbigin.component;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.github.camelbigin.client.Authenticator;
import io.github.camelbigin.client.BiginClient;
import io.github.camelbigin.client.DataCenter;
import io.github.camelbigin.client.MatonAuthenticator;
import io.github.camelbigin.client.OAuthAuthenticator;
import io.github.camelbigin.client.OAuthTokenProvider;
import io.github.camelbigin.client.RetryPolicy;
import io.github.camelbigin.client.StaticTokenAuthenticator;
import io.github.camelbigin.client.TransportSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code bigin:} component. It shares one {@link BiginClient} (one connection pool, one rate budget) among the
 * endpoints with the same connection options, and one access token among all endpoints with the same refresh token.
 */
@Component("bigin")
public class BiginComponent extends HealthCheckComponent {

    private static final Logger LOG = LoggerFactory.getLogger(BiginComponent.class);
    private static final Pattern MODULE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    @Metadata(description = "The options every bigin endpoint starts from; endpoint options override them.")
    private BiginConfiguration configuration = new BiginConfiguration();

    private final Map<String, SharedClient> clients = new HashMap<>();
    private final Map<String, OAuthTokenProvider> tokenProviders = new ConcurrentHashMap<>();

    private static final class SharedClient {
        final BiginClient client;
        int users;

        SharedClient(BiginClient client) {
            this.client = client;
        }
    }

    public BiginComponent() {
    }

    public BiginComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || !MODULE.matcher(remaining).matches()) {
            throw new IllegalArgumentException("'" + remaining + "' in " + uri + " is not a Bigin module API name: use"
                                               + " bigin:Contacts, bigin:Accounts, bigin:Pipelines, bigin:Products or"
                                               + " a custom module's API name (letters, digits and _)");
        }
        Object op = parameters.get("operation");
        if (op != null) {
            parameters.put("operation", BiginOperation.parse(op)); // clear error for a wrong name, any case accepted
        }
        BiginConfiguration config = configuration != null ? configuration.copy() : new BiginConfiguration();
        config.setModule(remaining);
        BiginEndpoint endpoint = new BiginEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    public BiginConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BiginConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The shared client for these options, created on first use; pair each call with {@link #release}. */
    synchronized BiginClient acquire(BiginConfiguration c) {
        String key = c.connectionKey();
        SharedClient shared = clients.get(key);
        if (shared == null) {
            shared = new SharedClient(createClient(c));
            clients.put(key, shared);
        }
        shared.users++;
        return shared.client;
    }

    synchronized void release(BiginClient client) {
        clients.entrySet().removeIf(e -> {
            SharedClient shared = e.getValue();
            if (shared.client == client && --shared.users <= 0) {
                client.close();
                return true;
            }
            return false;
        });
    }

    private BiginClient createClient(BiginConfiguration c) {
        TransportSettings settings = new TransportSettings()
                .connectTimeout(Duration.ofMillis(c.getConnectTimeout()))
                .socketTimeout(Duration.ofMillis(c.getSocketTimeout()))
                .maxConnections(c.getMaxConnections())
                .userAgent("camel-bigin (Apache Camel " + getCamelContext().getVersion() + ")");
        if (c.getProxyHost() != null) {
            settings.proxy(c.getProxyHost(), c.getProxyPort() == null ? 0 : c.getProxyPort());
        }
        if (c.getSslContextParameters() != null) {
            try {
                settings.sslContext(c.getSslContextParameters().createSSLContext(getCamelContext()));
            } catch (Exception e) {
                throw new IllegalArgumentException("The sslContextParameters of bigin:" + c.getModule()
                                                   + " cannot make an SSLContext: " + e.getMessage(), e);
            }
        }
        DataCenter dc = c.getDataCenter() == null ? DataCenter.US : c.getDataCenter();
        Authenticator auth;
        switch (c.authMode()) {
            case OAUTH:
                auth = new OAuthAuthenticator(tokenProviders.computeIfAbsent(c.tokenKey(), k -> new OAuthTokenProvider(
                        c.getAccountsUrl() != null ? URI.create(c.getAccountsUrl()) : dc.accountsUrl(), dc.apiUrl(),
                        c.getClientId(), c.getClientSecret(), c.getRefreshToken(), null)));
                break;
            case ACCESS_TOKEN:
                auth = new StaticTokenAuthenticator(c.getAccessToken(), dc);
                break;
            default:
                auth = new MatonAuthenticator(c.getApiKey(), c.getConnectionId());
        }
        LOG.debug("Creating a Bigin client with {}", auth);
        return BiginClient.builder()
                .authenticator(auth)
                .apiUrl(c.getApiUrl() == null ? null : URI.create(c.getApiUrl()))
                .transport(settings)
                .retryPolicy(new RetryPolicy(c.getMaxRetries(), Duration.ofMillis(c.getRetryInitialDelay()),
                        Duration.ofMillis(c.getRetryMaxDelay()), Duration.ofMillis(c.getRetryDeadline())))
                .build();
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            clients.values().forEach(s -> s.client.close());
            clients.clear();
        }
        tokenProviders.clear();
        super.doStop();
    }
}
