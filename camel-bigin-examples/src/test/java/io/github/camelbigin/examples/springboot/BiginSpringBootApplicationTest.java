package io.github.camelbigin.examples.springboot;

import io.github.camelbigin.component.BiginComponent;
import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring Boot example, configured by application.properties, against the emulator. */
@SpringBootTest(classes = BiginSpringBootApplication.class)
class BiginSpringBootApplicationTest {

    static final BiginEmulator EMULATOR = new BiginEmulator().start();

    @DynamicPropertySource
    static void bigin(DynamicPropertyRegistry registry) {
        registry.add("camel.component.bigin.access-token", () -> BiginEmulator.ACCESS_TOKEN);
        registry.add("camel.component.bigin.api-url", EMULATOR::apiUrl);
        registry.add("bigin.poll.delay", () -> "100");
        registry.add("bigin.changes.sink", () -> "mock:changes");
    }

    @AfterAll
    static void stop() {
        EMULATOR.stop();
    }

    @Autowired
    CamelContext context;

    @Autowired
    ProducerTemplate template;

    @Test
    void theApplicationCreatesContactsAndReceivesTheirChangesFromBigin() throws Exception {
        BiginComponent bigin = context.getComponent("bigin", BiginComponent.class);
        assertThat(bigin.getConfiguration().getApiUrl()).isEqualTo(EMULATOR.apiUrl());
        MockEndpoint changes = context.getEndpoint("mock:changes", MockEndpoint.class);
        changes.expectedMessageCount(1);
        long deadline = System.currentTimeMillis() + 10_000;
        while (EMULATOR.observe().apiCalls() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20); // the consumer takes its starting point first
        }

        String id = template.requestBody("direct:create-contact", "{\"Last_Name\":\"Boot\"}", String.class);

        assertThat(EMULATOR.observe().record("Contacts", id)).isPresent();
        changes.assertIsSatisfied(10_000);
        assertThat(changes.getExchanges().get(0).getIn().getHeader("CamelBiginRecordId")).isEqualTo(id);
    }
}
