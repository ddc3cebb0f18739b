package io.github.camelbigin.examples;

import java.util.List;
import java.util.Map;

import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML DSL routes, loaded and configured the way Camel Main does it, run against the emulator. */
class YamlRoutesTest {

    private BiginEmulator emulator;
    private Main main;

    @BeforeEach
    void start() throws Exception {
        emulator = new BiginEmulator().start();
        main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/*.camel.yaml");
        // as in application.properties: the component's options, then the routes' own placeholders
        main.addInitialProperty("camel.component.bigin.access-token", BiginEmulator.ACCESS_TOKEN);
        main.addInitialProperty("camel.component.bigin.api-url", emulator.apiUrl());
        main.addInitialProperty("bigin.poll.delay", "100");
        main.addInitialProperty("bigin.changes.sink", "mock:changes");
        main.start();
    }

    @AfterEach
    void stop() {
        main.stop();
        emulator.stop();
    }

    @Test
    void theYamlProducerAndConsumerRoutesWorkAgainstBigin() throws Exception {
        CamelContext context = main.getCamelContext();
        ProducerTemplate template = context.createProducerTemplate();
        MockEndpoint changes = context.getEndpoint("mock:changes", MockEndpoint.class);
        changes.expectedMessageCount(1);
        long deadline = System.currentTimeMillis() + 10_000;
        while (emulator.observe().apiCalls() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20); // the consumer takes its starting point first
        }

        String id = template.requestBody("direct:new-contact",
                "{\"First_Name\":\"Ada\",\"Last_Name\":\"Lovelace\",\"Email\":\"ada@example.com\"}", String.class);
        List<Map<String, Object>> found = template.requestBody("direct:find-by-email", "ada@example.com", List.class);

        assertThat(id).matches("\\d+");
        assertThat(found).singleElement().satisfies(r -> assertThat(r).containsEntry("id", id));
        changes.assertIsSatisfied(10_000);
        assertThat(changes.getExchanges().get(0).getIn().getHeader("CamelBiginEventType")).isEqualTo("created");
        assertThat(changes.getExchanges().get(0).getIn().getHeader("CamelBiginRecordId")).isEqualTo(id);
        assertThat(context.getRoutes()).extracting(r -> r.getRouteId())
                .contains("yaml-new-contact", "yaml-find-by-email", "yaml-contact-changes");
    }
}
