package io.github.camelbigin.common.options;

import java.util.Set;

import io.github.camelbigin.zoho.api.ZohoApi;

/**
 * What one product of the family speaks: its URI scheme, the Zoho API, its header names, a few of its modules for
 * messages, and the operations it offers. Everything the shared Camel layer says to a user it says in these words, so
 * a {@code zohocrm:} route never reads of Bigin.
 */
public final class ZohoProduct {

    private final String scheme;
    private final ZohoApi api;
    private final HeaderNames headers;
    private final String exampleModules;
    private final Set<ZohoOperation> operations;

    /**
     * @param scheme         the URI scheme, e.g. {@code bigin}
     * @param api            the API its engine client speaks
     * @param headerPrefix   its headers' prefix, e.g. {@code CamelBigin}
     * @param exampleModules a few of its modules' API names, comma-separated, for messages
     */
    public ZohoProduct(String scheme, ZohoApi api, String headerPrefix, String exampleModules) {
        this.scheme = scheme;
        this.api = api;
        this.headers = new HeaderNames(headerPrefix);
        this.exampleModules = exampleModules;
        this.operations = ZohoOperation.offeredBy(api);
    }

    public String scheme() {
        return scheme;
    }

    public ZohoApi api() {
        return api;
    }

    /** The product's name as Zoho says it: {@code Bigin}, {@code Zoho CRM}. */
    public String name() {
        return api.product();
    }

    public HeaderNames headers() {
        return headers;
    }

    /** The name of {@code header} in this product. */
    public String header(Header header) {
        return headers.of(header);
    }

    /** The operations this product offers. */
    public Set<ZohoOperation> operations() {
        return operations;
    }

    /** {@code scheme:module}, how messages and logs name an endpoint (no option, so no secret). */
    public String label(String module) {
        return scheme + ":" + module;
    }

    /** A few modules as URIs of this product, for messages: {@code bigin:Contacts, bigin:Accounts, …}. */
    public String exampleUris() {
        return scheme + ":" + exampleModules.replace(", ", ", " + scheme + ":");
    }

    /**
     * The operation a header or option value names (an operation, or its name in any case); fails naming this
     * product's operations when it names none of them.
     */
    public ZohoOperation operation(Object value) {
        ZohoOperation op = value instanceof ZohoOperation o ? o
                : ZohoOperation.named(value instanceof Enum<?> e ? e.name() : value == null ? null : value.toString());
        if (op == null) {
            throw new IllegalArgumentException("Unknown " + name() + " operation '" + value + "': use one of "
                                               + ZohoOperation.names(operations).replace(",", ", "));
        }
        return offered(op);
    }

    /** The operation, when this product offers it; else fails saying so and naming the ones it offers. */
    public ZohoOperation offered(ZohoOperation op) {
        if (!operations.contains(op)) {
            throw new IllegalArgumentException(op + " is not an operation of " + name() + " (" + scheme + ":): its API"
                                               + " has no such call. Use one of "
                                               + ZohoOperation.names(operations).replace(",", ", "));
        }
        return op;
    }

    @Override
    public String toString() {
        return scheme + ": (" + name() + ")";
    }
}
