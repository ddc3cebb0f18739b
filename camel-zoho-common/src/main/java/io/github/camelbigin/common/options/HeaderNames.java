package io.github.camelbigin.common.options;

/**
 * The message header names of one product: the family's {@link Header}s with the product's prefix
 * ({@code CamelBigin}, {@code CamelZohoCrm}), as Camel users expect of a component.
 */
public final class HeaderNames {

    private final String prefix;
    private final String[] names;

    public HeaderNames(String prefix) {
        this.prefix = prefix;
        Header[] headers = Header.values();
        this.names = new String[headers.length];
        for (Header h : headers) {
            names[h.ordinal()] = prefix + h.suffix();
        }
    }

    /** The name of {@code header} in this product, e.g. {@code CamelZohoCrmRecordId}. */
    public String of(Header header) {
        return names[header.ordinal()];
    }

    public String prefix() {
        return prefix;
    }
}
