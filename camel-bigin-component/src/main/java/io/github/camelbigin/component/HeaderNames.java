package io.github.camelbigin.component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message header names of one component. The producer and consumer code is shared by {@code bigin:} and
 * {@code zohocrm:} and names headers as {@link BiginConstants} declares them; each component sees them with its own
 * prefix ({@code CamelBiginRecordId}, {@code CamelZohoCrmRecordId}), as Camel users expect of a component.
 */
public final class HeaderNames {

    static final String BIGIN_PREFIX = "CamelBigin";

    /** The {@code bigin:} component's: the names as declared. */
    public static final HeaderNames BIGIN = new HeaderNames(BIGIN_PREFIX);

    private final String prefix;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public HeaderNames(String prefix) {
        this.prefix = prefix;
    }

    /** The name of a {@link BiginConstants} header in this component. */
    public String of(String biginHeader) {
        if (prefix.equals(BIGIN_PREFIX) || !biginHeader.startsWith(BIGIN_PREFIX)) {
            return biginHeader;
        }
        return names.computeIfAbsent(biginHeader, h -> prefix + h.substring(BIGIN_PREFIX.length()));
    }

    public String prefix() {
        return prefix;
    }
}
