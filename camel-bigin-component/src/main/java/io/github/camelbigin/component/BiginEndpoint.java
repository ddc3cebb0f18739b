package io.github.camelbigin.component;

import org.apache.camel.Category;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.UriEndpoint;

/**
 * Create, read, update, upsert, delete and search records of Zoho Bigin CRM, read its metadata, and poll a module
 * for new, updated and deleted records.
 */
@ManagedResource(description = "Managed Zoho Bigin endpoint")
@UriEndpoint(firstVersion = "1.0.0", scheme = "bigin", title = "Zoho Bigin", syntax = "bigin:module",
             category = { Category.CLOUD, Category.API, Category.SAAS }, headersClass = BiginConstants.class)
public class BiginEndpoint extends ZohoEndpoint {

    public BiginEndpoint(String uri, BiginComponent component, BiginConfiguration configuration) {
        super(uri, component, configuration);
    }
}
