package io.github.camelbigin.quarkus;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.github.camelbigin.emulator.BiginEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Bigin and Zoho CRM for the Quarkus tests: the emulators on 127.0.0.1, and the configuration that points the
 * application at them —
 * as application.properties would name a real org — plus Quarkus' test HTTP port, where Bigin's callbacks come.
 */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    static BiginEmulator emulator;
    static BiginEmulator crm;

    @Override
    public Map<String, String> start() {
        emulator = new BiginEmulator().start();
        crm = BiginEmulator.crm().start();
        int port = freePort();
        Map<String, String> config = new HashMap<>();
        config.put("camel.component.bigin.access-token", BiginEmulator.ACCESS_TOKEN);
        config.put("camel.component.bigin.api-url", emulator.apiUrl());
        config.put("camel.component.zohocrm.access-token", BiginEmulator.ACCESS_TOKEN);
        config.put("camel.component.zohocrm.api-url", crm.apiUrl());
        config.put("quarkus.http.test-port", String.valueOf(port));
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("bigin.notify-url", "http://127.0.0.1:" + port + "/bigin/pipelines");
        config.put("bigin.delay", "200");
        // the Camel K Pipe of docs/camel-k (the file the docs show), its Kamelet's credentials as a Secret gives them
        config.put("camel.main.routes-include-pattern", "classpath:routes/*.yaml,file:"
                   + Path.of("..", "docs", "camel-k", "bigin-upsert-pipe.yaml").toAbsolutePath().normalize());
        config.put("camel.kamelet.bigin-sink.accessToken", BiginEmulator.ACCESS_TOKEN);
        config.put("camel.kamelet.bigin-sink.apiUrl", emulator.apiUrl());
        return config;
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.stop();
        }
        if (crm != null) {
            crm.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
