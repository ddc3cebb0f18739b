package io.github.camelbigin.component;

import io.github.camelbigin.common.options.ZohoConnection;

/**
 * A named connection, by the name earlier releases gave it.
 *
 * @deprecated use {@link ZohoConnection}, which serves every component of the family; a BiginConnection bean still
 *             serves as one
 */
@Deprecated(since = "1.0.0")
public class BiginConnection extends ZohoConnection {
}
