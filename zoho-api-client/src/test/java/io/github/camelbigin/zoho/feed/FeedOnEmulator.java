package io.github.camelbigin.zoho.feed;

import java.net.URI;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.StaticTokenAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Feeds read with a client of the Bigin emulator (reset before each test), their calls counted by the emulator. */
abstract class FeedOnEmulator {

    @RegisterExtension
    static BiginEmulatorExtension extension = new BiginEmulatorExtension();

    protected final BiginEmulator emulator = extension.emulator();
    protected ZohoClient client;

    @BeforeEach
    void client() {
        client = ZohoClient.builder().authenticator(new StaticTokenAuthenticator(ZohoApi.BIGIN_V2,
                BiginEmulator.ACCESS_TOKEN, null)).apiUrl(URI.create(emulator.apiUrl())).build();
        client.metadata().defaultFields("Contacts"); // metadata is asked once per client; not part of what reads cost
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** The API calls {@code r} made. */
    protected long calls(Runnable r) {
        long before = emulator.observe().apiCalls();
        r.run();
        return emulator.observe().apiCalls() - before;
    }
}
