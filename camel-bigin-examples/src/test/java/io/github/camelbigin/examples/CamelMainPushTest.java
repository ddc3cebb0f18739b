package io.github.camelbigin.examples;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelbigin.component.BiginConstants;
import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.Callback;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push mode in Camel Main: the callbacks arrive through Camel Main's own HTTP server (camel-platform-http-main,
 * turned on by {@code camel.server.enabled=true}), as README's push-mode section tells a Camel Main user to set up.
 */
class CamelMainPushTest {

    private final BiginEmulator emulator = new BiginEmulator().start();
    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        emulator.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    @Test
    void changesArriveByBiginsCallbacksThroughCamelMainsHttpServer() throws Exception {
        int port = freePort();
        String notifyUrl = "http://127.0.0.1:" + port + "/bigin/contacts";
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false");
        main.addInitialProperty("camel.component.bigin.access-token", BiginEmulator.ACCESS_TOKEN);
        main.addInitialProperty("camel.component.bigin.api-url", emulator.apiUrl());
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.addInitialProperty("bigin.notify-url", notifyUrl);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigin:Contacts?events=created,updated&notifications=true&notifyUrl=RAW({{bigin.notify-url}})")
                        .routeId("pushed").process(received::add);
            }
        });
        main.start();
        assertThat(emulator.observe().channelIds()).hasSize(1);

        String id = emulator.seed().insert("Contacts", Map.of("Last_Name", "ByCamelMain"));
        long deadline = System.currentTimeMillis() + 10_000;
        while (received.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }

        assertThat(received).hasSize(1);
        assertThat(received.get(0).getIn().getHeader(BiginConstants.RECORD_ID)).isEqualTo(id);
        assertThat(received.get(0).getIn().getHeader(BiginConstants.TRIGGER)).isEqualTo("notification");
        assertThat(emulator.observe().callbacks()).extracting(Callback::status).containsOnly(200);
    }
}
