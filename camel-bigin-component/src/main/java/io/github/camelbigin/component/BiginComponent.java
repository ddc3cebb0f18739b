package io.github.camelbigin.component;

import java.util.Map;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.records.Names;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code bigin:} component. Its {@link ClientFactory} shares one {@link ZohoClient} (one connection pool, one rate
 * budget) among the endpoints with the same connection options, and one access token among all endpoints with the
 * same refresh token.
 */
@Component("bigin")
public class BiginComponent extends HealthCheckComponent {

    private static final EnumOptions ENUM_OPTIONS = new EnumOptions(BiginConfiguration.class);

    @Metadata(description = "The options every endpoint of the component starts from; endpoint options override them.")
    private BiginConfiguration configuration = new BiginConfiguration();

    @Metadata(label = "consumer,scheduler", defaultValue = "" + BiginEndpoint.DEFAULT_DELAY,
              javaType = "java.time.Duration",
              description = "Milliseconds between two polls of every consumer of the component whose URI sets no"
                            + " delay of its own. Each poll costs at least one API call. (The other scheduler options"
                            + " are endpoint options.)")
    private long delay = BiginEndpoint.DEFAULT_DELAY;

    @Metadata(label = "consumer,scheduler", defaultValue = "1000", javaType = "java.time.Duration",
              description = "Milliseconds before the first poll of every consumer of the component whose URI sets no"
                            + " initialDelay of its own.")
    private long initialDelay = 1000;

    @Metadata(label = "security", description = "Named connections (a way in, its data centre and URLs, a credit"
                                                + " budget) that endpoints use with connection=<name>; in properties"
                                                + " camel.component.bigin.connections[<name>].client-id (zohocrm:"
                                                + " camel.component.zohocrm.connections[…]) and so on. A"
                                                + " BiginConnection bean of that name serves as well.")
    private Map<String, BiginConnection> connections = new java.util.LinkedHashMap<>();

    private ClientFactory clients;

    public BiginComponent() {
    }

    public BiginComponent(CamelContext context) {
        super(context);
    }

    // ------------------------------------------------------------------ what a component of this family speaks

    /** The Zoho API this component speaks. */
    protected ZohoApi api() {
        return ZohoApi.BIGIN_V2;
    }

    /** The URI scheme, in messages and health-check ids. */
    protected String scheme() {
        return "bigin";
    }

    /** The message headers' names: {@code CamelBigin…}. */
    protected HeaderNames headerNames() {
        return HeaderNames.BIGIN;
    }

    /** Some of the API's modules, for the message that refuses a module name. */
    protected String exampleModules() {
        return "Contacts, Accounts, Pipelines, Products";
    }

    /** A new endpoint of this component. */
    protected ZohoEndpoint newEndpoint(String uri, BiginConfiguration config) {
        return new BiginEndpoint(uri, this, config);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!Names.isModule(remaining)) {
            throw new IllegalArgumentException("'" + remaining + "' in " + uri + " is not a " + api().product()
                                               + " module API name: use " + scheme() + ":" + exampleModules()
                                                       .replace(", ", ", " + scheme() + ":")
                                               + " or a custom module's API name (letters, digits and _)");
        }
        Object op = parameters.get("operation");
        if (op != null) {
            parameters.put("operation", BiginOperation.parse(op)); // the header's own parser, same message
        }
        ENUM_OPTIONS.parse(parameters); // a wrong value names the valid ones, any case accepted
        BiginConfiguration config = configuration != null ? configuration.copy() : new BiginConfiguration();
        config.setModule(remaining);
        ZohoEndpoint endpoint = newEndpoint(uri, config);
        endpoint.setDelay(delay); // the URI's own delay, if any, is bound next
        endpoint.setInitialDelay(initialDelay);
        boolean ownCredentials = CREDENTIAL_OPTIONS.stream().anyMatch(parameters::containsKey);
        setProperties(endpoint, parameters);
        if (config.getConnection() != null) {
            if (ownCredentials) {
                throw new IllegalArgumentException(scheme() + ":" + remaining + " names connection=" + config.getConnection()
                                                   + " and credentials of its own: use one or the other");
            }
            connection(config.getConnection()).applyTo(config);
        }
        endpoint.validate();
        return endpoint;
    }

    /** The options that make a way in: an endpoint that names a connection may not set them too. */
    private static final java.util.List<String> CREDENTIAL_OPTIONS = java.util.List.of("clientId", "clientSecret",
            "refreshToken", "accessToken", "apiKey", "connectionId", "accountsUrl");

    /** A named connection: a BiginConnection bean of that name, else the connections option's entry. */
    private BiginConnection connection(String name) {
        BiginConnection bean = getCamelContext().getRegistry().lookupByNameAndType(name, BiginConnection.class);
        BiginConnection c = bean != null ? bean : connections.get(name);
        if (c == null) {
            throw new IllegalArgumentException("connection=" + name + " names no connection: define it as a"
                                               + " BiginConnection bean named " + name + ", or with the properties"
                                               + " camel.component." + scheme() + ".connections[" + name
                                               + "].client-id (and so on); known: " + connections.keySet());
        }
        return c;
    }

    public Map<String, BiginConnection> getConnections() {
        return connections;
    }

    public void setConnections(Map<String, BiginConnection> connections) {
        this.connections = connections;
    }

    public BiginConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BiginConfiguration configuration) {
        this.configuration = configuration;
    }

    public long getDelay() {
        return delay;
    }

    /** Milliseconds between two polls of consumers whose URI sets no delay. */
    public void setDelay(long delay) {
        this.delay = delay;
    }

    public long getInitialDelay() {
        return initialDelay;
    }

    /** Milliseconds before the first poll of consumers whose URI sets no initialDelay. */
    public void setInitialDelay(long initialDelay) {
        this.initialDelay = initialDelay;
    }

    /** The shared client of these options' connection, created on first use; pair each call with {@link #release}. */
    ZohoClient acquire(BiginConfiguration c) {
        return clients().acquire(ConnectionKey.of(api(), c));
    }

    /**
     * Whether an endpoint with these Maton options starts first: the gateway's choice of connection is said once per
     * key and control URL (the key's hash is kept, never the key).
     */
    boolean firstStartOfMatonKey(BiginConfiguration c) {
        return matonKeysSaid.add(c.getApiKey().hashCode() + "|" + c.getMatonControlUrl());
    }

    /** The clock credit budgets and paused consumers go by: the system's, or a test's fake one. */
    java.time.Clock creditClock() {
        return clients().creditClock();
    }

    void creditClock(java.time.Clock clock) {
        clients().creditClock(clock);
    }

    /** The transport settings of these options' connection, for a client of another API (Maton's connections). */
    io.github.camelbigin.zoho.http.TransportSettings transportSettings(BiginConfiguration c) {
        return clients().transportSettings(ConnectionKey.of(api(), c));
    }

    void release(ZohoClient client) {
        clients().release(client);
    }

    private final java.util.Set<String> matonKeysSaid = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private synchronized ClientFactory clients() {
        if (clients == null) {
            clients = new ClientFactory(getCamelContext());
        }
        return clients;
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (clients != null) {
                clients.closeAll();
            }
        }
        super.doStop();
    }
}
