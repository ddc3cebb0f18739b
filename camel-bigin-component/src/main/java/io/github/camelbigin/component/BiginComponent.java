package io.github.camelbigin.component;

import io.github.camelbigin.common.ZohoComponent;
import io.github.camelbigin.common.ZohoEndpoint;
import io.github.camelbigin.common.options.ZohoProduct;
import io.github.camelbigin.zoho.api.ZohoApi;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code bigin:} component: Zoho Bigin's REST API v2 through the Zoho family's Camel layer (camel-zoho-common).
 * Endpoints with the same connection options share one client (one connection pool, one rate budget), and endpoints
 * with the same refresh token one access token.
 */
@Component("bigin")
public class BiginComponent extends ZohoComponent<BiginConfiguration> {

    /** Bigin: its scheme, API, header prefix and a few modules for messages. */
    public static final ZohoProduct PRODUCT = new ZohoProduct("bigin", ZohoApi.BIGIN_V2, "CamelBigin",
            "Contacts, Accounts, Pipelines, Products");

    @Metadata(description = "The options every endpoint of the component starts from; endpoint options override them.")
    private BiginConfiguration configuration = new BiginConfiguration();

    public BiginComponent() {
    }

    public BiginComponent(CamelContext context) {
        super(context);
    }

    @Override
    public ZohoProduct product() {
        return PRODUCT;
    }

    @Override
    protected ZohoEndpoint<BiginConfiguration> newEndpoint(String uri, BiginConfiguration configuration) {
        return new BiginEndpoint(uri, this, configuration);
    }

    @Override
    public BiginConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public void setConfiguration(BiginConfiguration configuration) {
        this.configuration = configuration;
    }
}
