package io.github.camelbigin.common.client;

import java.time.Clock;

import io.github.camelbigin.common.options.AuthChoice;
import io.github.camelbigin.common.options.EndpointSettings;
import io.github.camelbigin.common.options.Header;
import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.common.options.ZohoProduct;
import io.github.camelbigin.zoho.auth.DataCenter;
import io.github.camelbigin.zoho.auth.MatonAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.TransportSettings;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an endpoint's producer and consumers share, with no Camel endpoint type: the product it speaks, its options as
 * checked at creation, and — while the endpoint is started — its connection's client. The endpoint starts and stops
 * it; producers and consumers take it in their constructors and never reach back to the endpoint.
 */
public final class EndpointScope {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointScope.class);

    private final ZohoProduct product;
    private final ZohoConfiguration config;
    private final EndpointSettings settings;
    private final ClientFactory clients;
    private final MatonAccess maton;
    /** Where consumers keep their watermark when no stateRepository is set: survives route restarts, not JVM ones. */
    private final MemoryStateRepository memoryState = new MemoryStateRepository();
    private volatile ZohoClient client;

    public EndpointScope(ZohoConfiguration config, EndpointSettings settings, ClientFactory clients) {
        this.product = settings.product();
        this.config = config;
        this.settings = settings;
        this.clients = clients;
        this.maton = new MatonAccess(this);
    }

    public ZohoProduct product() {
        return product;
    }

    public ZohoConfiguration config() {
        return config;
    }

    public EndpointSettings settings() {
        return settings;
    }

    public String module() {
        return config.getModule();
    }

    /** {@code scheme:module}, how messages and logs name the endpoint (no option, so no secret). */
    public String label() {
        return product.label(config.getModule());
    }

    /** The name of {@code header} in the endpoint's product. */
    public String header(Header header) {
        return product.header(header);
    }

    /** The connection's client while the endpoint is started, else null. */
    public ZohoClient client() {
        return client;
    }

    /** The endpoint's access to Maton's connection API. */
    public MatonAccess maton() {
        return maton;
    }

    public StateRepository<String, String> memoryState() {
        return memoryState;
    }

    /** The component's clock: credit budgets, paused consumers and push mode's schedule go by it. */
    public Clock clock() {
        return clients.clock();
    }

    TransportSettings transportSettings() {
        return clients.transportSettings(product.api(), settings.auth(), config);
    }

    /**
     * The endpoint starts: its client is the one the user gave, or the shared client of its connection; with a Maton
     * key and no connectionId, which connection the gateway uses is said once per key.
     */
    public void start() {
        if (client == null) {
            client = settings.auth() == AuthChoice.CLIENT ? config.getClient()
                    : clients.acquire(product.api(), settings.auth(), config);
        }
        if (settings.auth() == AuthChoice.MATON && config.getConnectionId() == null && maton.controlApiKnown()
            && clients.firstStartOfMatonKey(config)) {
            maton.sayWhichConnection(LOG);
        }
    }

    /** The endpoint stops: a shared client is released (a client the user gave is the user's to close). */
    public void stop() {
        if (client != null && settings.auth() != AuthChoice.CLIENT) {
            clients.release(client);
        }
        client = null;
        maton.close();
    }

    /** With a credit budget: the credits the connection spent in the last 24 hours (0 without one, or stopped). */
    public long creditsSpent() {
        ZohoClient c = client;
        return c == null || c.creditBudget() == null ? 0 : c.creditBudget().spent();
    }

    /** Where the endpoint's calls go: apiUrl, Maton's gateway or the data centre's API. */
    public String serviceUrl() {
        if (config.getApiUrl() != null) {
            return config.getApiUrl();
        }
        if (config.getApiKey() != null) {
            return MatonAuthenticator.gatewayUrl(product.api()).toString();
        }
        DataCenter dc = config.getDataCenter() == null ? DataCenter.US : config.getDataCenter();
        return dc.apiUrl(product.api()).toString();
    }
}
