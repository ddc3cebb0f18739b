package io.github.camelbigin.zohocrm;

import io.github.camelbigin.common.ZohoComponent;
import io.github.camelbigin.common.ZohoEndpoint;
import io.github.camelbigin.common.options.ZohoProduct;
import io.github.camelbigin.zoho.api.ZohoApi;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code zohocrm:} component: Zoho CRM's REST API v8 through the Zoho family's Camel layer (camel-zoho-common), a
 * sibling of {@code bigin:}. Endpoints with the same connection options share one client, and endpoints with the same
 * refresh token one access token.
 */
@Component("zohocrm")
public class ZohoCrmComponent extends ZohoComponent<ZohoCrmConfiguration> {

    /** Zoho CRM: its scheme, API, header prefix and a few modules for messages. */
    public static final ZohoProduct PRODUCT = new ZohoProduct("zohocrm", ZohoApi.CRM_V8, "CamelZohoCrm",
            "Leads, Contacts, Accounts, Deals");

    @Metadata(description = "The options every endpoint of the component starts from; endpoint options override them.")
    private ZohoCrmConfiguration configuration = new ZohoCrmConfiguration();

    public ZohoCrmComponent() {
    }

    public ZohoCrmComponent(CamelContext context) {
        super(context);
    }

    @Override
    public ZohoProduct product() {
        return PRODUCT;
    }

    @Override
    protected ZohoEndpoint<ZohoCrmConfiguration> newEndpoint(String uri, ZohoCrmConfiguration configuration) {
        return new ZohoCrmEndpoint(uri, this, configuration);
    }

    @Override
    public ZohoCrmConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public void setConfiguration(ZohoCrmConfiguration configuration) {
        this.configuration = configuration;
    }
}
