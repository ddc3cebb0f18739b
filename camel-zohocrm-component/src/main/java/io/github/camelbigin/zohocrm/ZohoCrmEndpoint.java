package io.github.camelbigin.zohocrm;

import io.github.camelbigin.common.ZohoEndpoint;
import org.apache.camel.Category;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * Create, read, update, upsert, delete, count, mass-update and search records of Zoho CRM, query them with COQL, move
 * them by bulk jobs, read its metadata, and receive new, updated and deleted records by notifications and polling.
 */
@ManagedResource(description = "Managed Zoho CRM endpoint")
@UriEndpoint(firstVersion = "1.0.0", scheme = "zohocrm", title = "Zoho CRM", syntax = "zohocrm:module",
             category = { Category.CLOUD, Category.API, Category.SAAS }, headersClass = ZohoCrmConstants.class)
public class ZohoCrmEndpoint extends ZohoEndpoint<ZohoCrmConfiguration> {

    @UriParam
    private final ZohoCrmConfiguration configuration;

    public ZohoCrmEndpoint(String uri, ZohoCrmComponent component, ZohoCrmConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public ZohoCrmConfiguration getConfiguration() {
        return configuration;
    }
}
