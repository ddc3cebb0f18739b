package io.github.camelbigin.zohocrm;

import io.github.camelbigin.common.observe.ZohoDevConsole;
import org.apache.camel.spi.annotations.DevConsole;

/** The {@code zohocrm} dev console: each zohocrm: endpoint's calls, credits and errors, and each consumer's watermark. */
@DevConsole(name = "zohocrm", displayName = "Zoho CRM",
            description = "Zoho CRM endpoints: API calls, credits, errors and consumer watermarks")
public class ZohoCrmDevConsole extends ZohoDevConsole {

    public ZohoCrmDevConsole() {
        super("zohocrm", "Zoho CRM");
    }
}
