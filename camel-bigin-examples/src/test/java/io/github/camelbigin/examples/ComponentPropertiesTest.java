package io.github.camelbigin.examples;

import java.util.Map;

import io.github.camelbigin.component.BiginEndpoint;
import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** camel.component.bigin.* in Camel Main, as a new user writes them in application.properties. */
class ComponentPropertiesTest {

    private final BiginEmulator emulator = new BiginEmulator().start();
    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        emulator.stop();
    }

    private Main start(Map<String, String> properties) throws Exception {
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false");
        main.addInitialProperty("camel.component.bigin.access-token", BiginEmulator.ACCESS_TOKEN);
        main.addInitialProperty("camel.component.bigin.api-url", emulator.apiUrl());
        properties.forEach(main::addInitialProperty);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigin:Contacts").routeId("changes").to("log:changes");
            }
        });
        main.start();
        return main;
    }

    @Test
    void theDelayOfEveryConsumerCanBeSetOnTheComponent() throws Exception {
        start(Map.of("camel.component.bigin.delay", "2500", "camel.component.bigin.initial-delay", "10"));

        BiginEndpoint endpoint = (BiginEndpoint) main.getCamelContext().getRoute("changes").getEndpoint();

        assertThat(endpoint.getDelay()).isEqualTo(2500);
        assertThat(endpoint.getInitialDelay()).isEqualTo(10);
    }

    @Test
    void aWrongDataCenterOnTheComponentNamesTheValidOnes() {
        assertThatThrownBy(() -> start(Map.of("camel.component.bigin.data-center", "XX")))
                .hasStackTraceContaining("dataCenter 'XX' is unknown: use US, EU, IN, AU, JP, CN, SA or CA");
    }

    @Test
    void aWrongChangeDetectionOnTheComponentNamesTheValidOnes() {
        assertThatThrownBy(() -> start(Map.of("camel.component.bigin.change-detection", "webhook")))
                .hasStackTraceContaining("changeDetection 'webhook' is unknown: use list or coql");
    }
}
