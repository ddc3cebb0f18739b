package io.github.camelbigin.component;

import io.github.camelbigin.common.observe.ZohoDevConsole;
import org.apache.camel.spi.annotations.DevConsole;

/** The {@code bigin} dev console: each bigin: endpoint's calls, credits and errors, and each consumer's watermark. */
@DevConsole(name = "bigin", displayName = "Zoho Bigin",
            description = "Zoho Bigin endpoints: API calls, credits, errors and consumer watermarks")
public class BiginDevConsole extends ZohoDevConsole {

    public BiginDevConsole() {
        super("bigin", "Zoho Bigin");
    }
}
