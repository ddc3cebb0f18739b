package io.github.camelbigin.zoho.maton;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.MatonAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.Sleeper;
import io.github.camelbigin.zoho.http.TransportSettings;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.RecordQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Maton's connection API on the emulator: the lifecycle, the gateway's use of it, and the 10-a-second limit. */
class MatonConnectionsTest {

    private static final String KEY = "maton-key-for-connections";

    @RegisterExtension
    static BiginEmulatorExtension extension = new BiginEmulatorExtension();

    private final BiginEmulator emulator = extension.emulator();
    private MatonConnections maton;

    @BeforeEach
    void setUp() {
        emulator.seed().matonKey(KEY); // a key with no connection yet
        maton = new MatonConnections(KEY, URI.create(emulator.matonControlUrl()), new TransportSettings(),
                Clock.systemUTC(), Sleeper.REAL);
    }

    @AfterEach
    void close() {
        maton.close();
    }

    private ZohoClient gateway() {
        return ZohoClient.builder().authenticator(new MatonAuthenticator(ZohoApi.BIGIN_V2, KEY, null))
                .apiUrl(URI.create(emulator.matonApiUrl())).build();
    }

    @Test
    void aConnectionIsCreatedPendingAuthorisedWaitedForUsedByTheGatewayAndDeleted() throws Exception {
        try (ZohoClient client = gateway()) {
            assertThatThrownBy(() -> client.reads().list("Contacts", RecordQuery.create().fields(List.of("Last_Name"))).toList())
                    .isInstanceOfSatisfying(ZohoApiException.class,
                            e -> assertThat(e.getCode()).isEqualTo("MISSING_CONNECTION"))
                    .hasMessageContaining("operation=createConnection");

            MatonConnection created = maton.create("zoho-bigin");
            assertThat(created.status()).isEqualTo("PENDING");
            assertThat(created.url()).contains(created.id());
            assertThat(maton.list("zoho-bigin", "PENDING")).extracting(MatonConnection::id).containsExactly(created.id());

            ExecutorService person = Executors.newSingleThreadExecutor();
            Future<?> opened = person.submit(() -> {
                Thread.sleep(1500); // someone opens the URL a little later
                return emulator.seed().authorizeMatonConnection(created.id());
            });
            MatonConnection active = maton.awaitActive(created.id(), Duration.ofSeconds(20));
            opened.get();
            person.shutdown();

            assertThat(active.active()).isTrue();
            assertThat(maton.list("zoho-bigin", "ACTIVE")).hasSize(1);
            emulator.seed().contacts(3);
            assertThat(client.reads().list("Contacts", RecordQuery.create().fields(List.of("Last_Name"))).toList()).hasSize(3);

            maton.delete(created.id());
            assertThat(maton.list(null, null)).isEmpty();
        }
    }

    @Test
    void waitingForAConnectionNobodyAuthorisesEndsNamingItsUrl() {
        MatonConnection created = maton.create("zoho-bigin");

        assertThatThrownBy(() -> maton.awaitActive(created.id(), Duration.ofMillis(1500)))
                .isInstanceOf(ZohoApiException.class).hasMessageContaining("still PENDING")
                .hasMessageContaining(created.url());
    }

    @Test
    void aWrongKeyIsNamedAsSuch() {
        try (MatonConnections wrong = new MatonConnections("not-a-key", URI.create(emulator.matonControlUrl()),
                new TransportSettings(), Clock.systemUTC(), Sleeper.REAL)) {
            assertThatThrownBy(() -> wrong.list(null, null)).hasMessageContaining("Maton refused the API key")
                    .hasMessageContaining("apiKey").hasMessageNotContaining("refresh token (")
                    .hasMessageNotContaining("not-a-key");
        }
    }

    @Test
    void fiftyConcurrentGatewayCallsStayUnderMatonsTenASecondWithoutA429() throws Exception {
        String id = maton.create("zoho-bigin").id();
        emulator.seed().authorizeMatonConnection(id);
        emulator.seed().contacts(2);
        emulator.observe().clearRequests();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try (ZohoClient client = gateway()) {
            List<Future<Integer>> calls = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                calls.add(pool.submit(() -> client.reads().list("Contacts", RecordQuery.create().fields(List.of("Last_Name"))
                        .perPage(200).page(1)).toList().size()));
            }
            for (Future<Integer> f : calls) {
                assertThat(f.get()).isEqualTo(2);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(emulator.observe().requests()).noneMatch(r -> r.status() == 429);
            assertThat(emulator.observe().apiCalls()).as("no call retried").isEqualTo(50);
            assertThat(took).as("50 calls at 10 in 1.25 s").isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        } finally {
            pool.shutdownNow();
        }
    }
}
