package io.github.camelbigin.component;

import io.github.camelbigin.common.ZohoEndpoint;
import org.apache.camel.Category;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * Create, read, update, upsert, delete and search records of Zoho Bigin, query them with COQL, move them by bulk jobs,
 * manage their tags, notes and files, read the org's metadata, and receive new, updated and deleted records by
 * polling or notifications.
 */
@ManagedResource(description = "Managed Zoho Bigin endpoint")
@UriEndpoint(firstVersion = "1.0.0", scheme = "bigin", title = "Zoho Bigin", syntax = "bigin:module",
             category = { Category.CLOUD, Category.API, Category.SAAS }, headersClass = BiginConstants.class)
public class BiginEndpoint extends ZohoEndpoint<BiginConfiguration> {

    @UriParam
    private final BiginConfiguration configuration;

    public BiginEndpoint(String uri, BiginComponent component, BiginConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public BiginConfiguration getConfiguration() {
        return configuration;
    }
}
