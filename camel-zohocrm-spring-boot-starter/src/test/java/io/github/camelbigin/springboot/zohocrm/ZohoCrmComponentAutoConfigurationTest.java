package io.github.camelbigin.springboot.zohocrm;

import java.util.Map;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.springboot.common.CompletionMetadata;
import io.github.camelbigin.zohocrm.ZohoCrmComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** camel.component.zohocrm.* configures the zohocrm component, named connections included. */
class ZohoCrmComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    ZohoCrmComponentAutoConfiguration.class));

    @Test
    void zohocrmPropertiesConfigureTheZohocrmComponentAndARouteUsesThem() {
        BiginEmulator emulator = BiginEmulator.crm().start();
        try {
            emulator.seed().records("Leads", 3, i -> Map.of("Last_Name", "Lead" + i));
            runner.withPropertyValues("camel.component.zohocrm.access-token=" + BiginEmulator.ACCESS_TOKEN,
                    "camel.component.zohocrm.api-url=" + emulator.apiUrl(),
                    "camel.component.zohocrm.edition=ENTERPRISE",
                    "camel.component.zohocrm.connections.eu.data-center=EU")
                    .run(ctx -> {
                        CamelContext camel = ctx.getBean(CamelContext.class);
                        ZohoCrmComponent crm = camel.getComponent("zohocrm", ZohoCrmComponent.class);
                        assertThat(crm.getConfiguration().getAccessToken()).isEqualTo(BiginEmulator.ACCESS_TOKEN);
                        assertThat(crm.getConfiguration().getEdition().name()).isEqualTo("ENTERPRISE");
                        assertThat(crm.getConnections().get("eu").getDataCenter().name()).isEqualTo("EU");
                        assertThat(camel.createProducerTemplate().requestBody("zohocrm:Leads?operation=count",
                                null, Long.class)).isEqualTo(3);
                    });
        } finally {
            emulator.close();
        }
    }

    @Test
    void enabledFalseLeavesTheComponentUnconfigured() {
        runner.withPropertyValues("camel.component.zohocrm.enabled=false", "camel.component.zohocrm.access-token=x")
                .run(ctx -> {
                    assertThat(ctx).doesNotHaveBean(ZohoCrmComponentAutoConfiguration.class);
                    assertThat(ctx.getBean(CamelContext.class).getComponent("zohocrm", ZohoCrmComponent.class)
                            .getConfiguration().getAccessToken()).isNull();
                });
    }

    @Test
    void theCompletionMetadataCoversEveryZohocrmOption() throws Exception {
        CompletionMetadata.check("/META-INF/io/github/camelbigin/zohocrm/zohocrm.json",
                ZohoCrmComponentAutoConfiguration.PREFIX);
    }
}
