package io.github.camelbigin.common;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.common.client.ClientFactory;
import io.github.camelbigin.common.options.EnumOptions;
import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.common.options.ZohoConnection;
import io.github.camelbigin.common.options.ZohoProduct;
import io.github.camelbigin.zoho.records.Names;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The base of the family's components, generic over the product's configuration (as Camel's own families do:
 * camel-debezium-common, camel-aws-common). A product adds its {@code @Component}, its configuration and its endpoint;
 * everything else — the module check, enum options, named connections, the shared clients — is here. Its
 * {@link ClientFactory} shares one client (one connection pool, one rate budget) among the endpoints with the same
 * connection options, and one access token among all endpoints with the same refresh token.
 *
 * @param <C> the product's configuration
 */
public abstract class ZohoComponent<C extends ZohoConfiguration> extends HealthCheckComponent {

    /** The options that make a way in: an endpoint that names a connection may not set them too. */
    private static final List<String> CREDENTIAL_OPTIONS = List.of("clientId", "clientSecret", "refreshToken",
            "accessToken", "apiKey", "connectionId", "accountsUrl");

    @Metadata(label = "consumer,scheduler", defaultValue = "" + ZohoEndpoint.DEFAULT_DELAY,
              javaType = "java.time.Duration",
              description = "Milliseconds between two polls of every consumer of the component whose URI sets no"
                            + " delay of its own. Each poll costs at least one API call. (The other scheduler options"
                            + " are endpoint options.)")
    private long delay = ZohoEndpoint.DEFAULT_DELAY;

    @Metadata(label = "consumer,scheduler", defaultValue = "1000", javaType = "java.time.Duration",
              description = "Milliseconds before the first poll of every consumer of the component whose URI sets no"
                            + " initialDelay of its own.")
    private long initialDelay = 1000;

    @Metadata(label = "security", description = "Named connections (a way in, its data centre and URLs, a credit"
                                                + " budget) that endpoints use with connection=<name>; in properties"
                                                + " camel.component.SCHEME.connections[<name>].client-id and so on. A"
                                                + " ZohoConnection bean of that name serves as well.")
    private Map<String, ZohoConnection> connections = new LinkedHashMap<>();

    private ClientFactory clients;
    private EnumOptions enumOptions;

    protected ZohoComponent() {
    }

    protected ZohoComponent(CamelContext context) {
        super(context);
    }

    // ------------------------------------------------------------------ what a product adds

    /** What the product speaks: its scheme, API, header names, modules and operations. */
    public abstract ZohoProduct product();

    /** The options every endpoint of the component starts from; endpoint options override them. */
    public abstract C getConfiguration();

    public abstract void setConfiguration(C configuration);

    /** A new endpoint of the product. */
    protected abstract ZohoEndpoint<C> newEndpoint(String uri, C configuration);

    // ------------------------------------------------------------------ endpoints

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ZohoProduct product = product();
        if (!Names.isModule(remaining)) {
            throw new IllegalArgumentException("'" + remaining + "' in " + uri + " is not a " + product.name()
                                               + " module API name: use " + product.exampleUris()
                                               + " or a custom module's API name (letters, digits and _)");
        }
        Object op = parameters.get("operation");
        if (op instanceof String text && !text.startsWith("#")) {
            parameters.put("operation", product.operation(text)); // names the product's operations when unknown
        }
        enumOptions().parse(parameters); // a wrong value names the valid ones, any case accepted
        C config = copy(getConfiguration());
        config.setModule(remaining);
        ZohoEndpoint<C> endpoint = newEndpoint(uri, config);
        endpoint.setDelay(delay); // the URI's own delay, if any, is bound next
        endpoint.setInitialDelay(initialDelay);
        boolean ownCredentials = CREDENTIAL_OPTIONS.stream().anyMatch(parameters::containsKey);
        setProperties(endpoint, parameters);
        if (config.getConnection() != null) {
            if (ownCredentials) {
                throw new IllegalArgumentException(product.label(remaining) + " names connection="
                                                   + config.getConnection() + " and credentials of its own: use one"
                                                   + " or the other");
            }
            connection(config.getConnection()).applyTo(config);
        }
        endpoint.check(); // every option checked, once, into the settings producers and consumers receive
        return endpoint;
    }

    @SuppressWarnings("unchecked")
    private C copy(C configuration) {
        return (C) configuration.copy();
    }

    private synchronized EnumOptions enumOptions() {
        if (enumOptions == null) {
            enumOptions = new EnumOptions(getConfiguration().getClass());
        }
        return enumOptions;
    }

    /** A named connection: a ZohoConnection bean of that name, else the connections option's entry. */
    private ZohoConnection connection(String name) {
        ZohoConnection bean = getCamelContext().getRegistry().lookupByNameAndType(name, ZohoConnection.class);
        ZohoConnection c = bean != null ? bean : connections.get(name);
        if (c == null) {
            throw new IllegalArgumentException("connection=" + name + " names no connection: define it as a"
                                               + " ZohoConnection bean named " + name + ", or with the properties"
                                               + " camel.component." + product().scheme() + ".connections[" + name
                                               + "].client-id (and so on); known: " + connections.keySet());
        }
        return c;
    }

    /** The component's clients, made on first use. */
    public synchronized ClientFactory clients() {
        if (clients == null) {
            clients = new ClientFactory(getCamelContext());
        }
        return clients;
    }

    /**
     * The component's clock — credit budgets, paused consumers and push mode's schedule go by it: the system's, or a
     * test's fake one.
     */
    public Clock clock() {
        return clients().clock();
    }

    /** Sets the component's clock: a test's fake one, which it moves instead of waiting. */
    public void clock(Clock clock) {
        clients().clock(clock);
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

    // ------------------------------------------------------------------ options

    public Map<String, ZohoConnection> getConnections() {
        return connections;
    }

    public void setConnections(Map<String, ZohoConnection> connections) {
        this.connections = connections;
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
}
