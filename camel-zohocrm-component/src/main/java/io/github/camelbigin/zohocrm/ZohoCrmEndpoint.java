package io.github.camelbigin.zohocrm;

import io.github.camelbigin.component.BiginConfiguration;
import io.github.camelbigin.component.ZohoEndpoint;
import org.apache.camel.Category;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.UriEndpoint;

/**
 * Create, read, update, upsert, delete, count, mass-update and search records of Zoho CRM, query them with COQL, move
 * them by bulk jobs, read its metadata, and receive new, updated and deleted records by notifications and polling.
 */
@ManagedResource(description = "Managed Zoho CRM endpoint")
@UriEndpoint(firstVersion = "1.0.0", scheme = "zohocrm", title = "Zoho CRM", syntax = "zohocrm:module",
             category = { Category.CLOUD, Category.API, Category.SAAS }, headersClass = ZohoCrmConstants.class)
public class ZohoCrmEndpoint extends ZohoEndpoint {

    public ZohoCrmEndpoint(String uri, ZohoCrmComponent component, BiginConfiguration configuration) {
        super(uri, component, configuration);
    }

    @Override
    public ZohoCrmComponent getComponent() {
        return (ZohoCrmComponent) super.getComponent();
    }
}
