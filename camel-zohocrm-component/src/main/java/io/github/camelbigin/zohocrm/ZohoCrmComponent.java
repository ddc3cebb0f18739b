package io.github.camelbigin.zohocrm;

import io.github.camelbigin.component.BiginComponent;
import io.github.camelbigin.component.BiginConfiguration;
import io.github.camelbigin.component.ZohoEndpoint;
import io.github.camelbigin.component.HeaderNames;
import io.github.camelbigin.zoho.api.ZohoApi;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code zohocrm:} component: Zoho CRM v8 through the same producer, consumer, connection, state and health code
 * as {@code bigin:}; what differs is the API the engine speaks ({@link ZohoApi#CRM_V8}), the scheme and the headers'
 * prefix ({@code CamelZohoCrm…}).
 */
@Component("zohocrm")
public class ZohoCrmComponent extends BiginComponent {

    static final HeaderNames HEADERS = new HeaderNames("CamelZohoCrm");

    public ZohoCrmComponent() {
    }

    public ZohoCrmComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected ZohoApi api() {
        return ZohoApi.CRM_V8;
    }

    @Override
    protected String scheme() {
        return "zohocrm";
    }

    @Override
    protected HeaderNames headerNames() {
        return HEADERS;
    }

    @Override
    protected String exampleModules() {
        return "Leads, Contacts, Accounts, Deals";
    }

    @Override
    protected ZohoEndpoint newEndpoint(String uri, BiginConfiguration config) {
        return new ZohoCrmEndpoint(uri, this, config);
    }
}
