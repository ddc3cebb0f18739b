package io.github.camelbigin.examples.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.github.camelbigin.component.BiginConstants;
import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.Callback;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot example in push mode: Bigin's callbacks reach the route through camel-platform-http-starter on the
 * application's own HTTP server (Tomcat), as {@code BIGIN_NOTIFY_URL} turns it on.
 */
@SpringBootTest(classes = BiginSpringBootApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class BiginSpringBootPushTest {

    static final BiginEmulator EMULATOR = new BiginEmulator().start();
    static final int PORT = freePort();

    private static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void bigin(DynamicPropertyRegistry registry) {
        registry.add("camel.component.bigin.access-token", () -> BiginEmulator.ACCESS_TOKEN);
        registry.add("camel.component.bigin.api-url", EMULATOR::apiUrl);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("server.port", () -> PORT);
        registry.add("bigin.notify-url", () -> "http://127.0.0.1:" + PORT + "/bigin/contacts");
        registry.add("bigin.changes.sink", () -> "mock:pushed");
    }

    @AfterAll
    static void stop() {
        EMULATOR.stop();
    }

    @Autowired
    CamelContext context;

    @Test
    void changesArriveByBiginsCallbacksThroughTheSpringBootHttpServer() throws Exception {
        assertThat(EMULATOR.observe().channelIds()).as("the channel enabled at start").hasSize(1);
        MockEndpoint pushed = context.getEndpoint("mock:pushed", MockEndpoint.class);
        pushed.expectedMessageCount(1);
        String id = EMULATOR.seed().insert("Contacts", Map.of("Last_Name", "Pushed"));
        pushed.assertIsSatisfied(10_000);

        pushed.expectedMessageCount(2);
        EMULATOR.seed().delete("Contacts", id);
        pushed.assertIsSatisfied(10_000);
        assertThat(pushed.getExchanges()).extracting(e -> e.getIn().getHeader(BiginConstants.EVENT_TYPE))
                .containsExactly("created", "deleted");
        assertThat(pushed.getExchanges()).allSatisfy(e -> assertThat(e.getIn().getHeader(BiginConstants.TRIGGER))
                .isEqualTo("notification"));
        assertThat(EMULATOR.observe().callbacks()).isNotEmpty().allMatch(c -> c.status() == 200, "answered 200");
        assertThat(EMULATOR.observe().callbacks()).extracting(Callback::url)
                .allMatch(url -> url.equals("http://127.0.0.1:" + PORT + "/bigin/contacts"));
    }
}
