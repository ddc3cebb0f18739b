package io.github.camelbigin.zoho.credits;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import io.github.camelbigin.emulator.Fault;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.StaticTokenAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.records.RecordQuery;
import io.github.camelbigin.zoho.testing.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A connection's credit budget over Zoho's rolling 24 hours: counted before each call, refused unsent past it. */
class CreditBudgetTest {

    @RegisterExtension
    static BiginEmulatorExtension extension = new BiginEmulatorExtension();

    private final BiginEmulator emulator = extension.emulator();
    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T08:00:00Z"));

    /** A store in memory: what a StateRepository holds. */
    private static final class Held implements CreditBudget.Store {
        final AtomicReference<String> json = new AtomicReference<>();

        @Override
        public String load() {
            return json.get();
        }

        @Override
        public void save(String ledgerJson) {
            json.set(ledgerJson);
        }
    }

    @Test
    void aCallThatWouldPassTheBudgetIsRefusedUnsentNamingWhenCreditsFreeUp() {
        CreditBudget budget = new CreditBudget(ZohoApi.BIGIN_V2, 3, clock, new Held());
        emulator.seed().contacts(2);
        try (ZohoClient client = ZohoClient.builder()
                .authenticator(new StaticTokenAuthenticator(ZohoApi.BIGIN_V2, BiginEmulator.ACCESS_TOKEN, null))
                .apiUrl(URI.create(emulator.apiUrl())).creditBudget(budget).build()) {
            for (int i = 0; i < 3; i++) {
                client.reads().list("Contacts", RecordQuery.create().fields(List.of("Last_Name"))).toList();
                clock.advance(Duration.ofHours(1));
            }

            assertThatThrownBy(() -> client.reads().list("Contacts", RecordQuery.create().fields(List.of("Last_Name"))).toList())
                    .isInstanceOfSatisfying(CreditBudgetExceededException.class, e -> {
                        assertThat(e.getCode()).isEqualTo("CREDIT_BUDGET_EXCEEDED");
                        assertThat(e.freeAt()).isEqualTo(Instant.parse("2026-12-02T08:01:00Z"));
                    })
                    .hasMessageContaining("creditBudget of 3 credits a day is spent (3 in the last 24 hours)")
                    .hasMessageContaining("free up at 2026-12-02T08:01:00Z");
            assertThat(emulator.observe().apiCalls()).isEqualTo(3);
            assertThat(budget.remaining()).isZero();

            clock.advance(Duration.ofHours(22).plusMinutes(2)); // the first call leaves the 24 hours
            client.reads().list("Contacts", RecordQuery.create().fields(List.of("Last_Name"))).toList();
            assertThat(emulator.observe().apiCalls()).isEqualTo(4);
        }
    }

    @Test
    void callsZohoDoesNotChargeAreGivenBack() {
        CreditBudget budget = new CreditBudget(ZohoApi.BIGIN_V2, 100, clock, null);
        emulator.faults().inject(Fault.status(503).times(2));
        try (ZohoClient client = ZohoClient.builder()
                .authenticator(new StaticTokenAuthenticator(ZohoApi.BIGIN_V2, BiginEmulator.ACCESS_TOKEN, null))
                .apiUrl(URI.create(emulator.apiUrl())).creditBudget(budget).sleeper(clock.sleeper()).clock(clock)
                .build()) {
            client.reads().list("Contacts", RecordQuery.create().fields(List.of("Last_Name"))).toList();
        }

        assertThat(budget.spent()).as("two 503s retried, one answer charged").isEqualTo(1);
    }

    @Test
    void theLedgerSurvivesARestart() {
        Held store = new Held();
        CreditBudget before = new CreditBudget(ZohoApi.BIGIN_V2, 50, clock, store);
        before.spend(10, "create", "Contacts");
        before.spend(20, "create", "Contacts");
        before.close();

        CreditBudget after = new CreditBudget(ZohoApi.BIGIN_V2, 50, clock, store);

        assertThat(after.spent()).isEqualTo(30);
        assertThat(after.remaining()).isEqualTo(20);
    }

    @Test
    void aBudgetBelowOneIsRefused() {
        assertThatThrownBy(() -> new CreditBudget(ZohoApi.BIGIN_V2, 0, clock, null))
                .hasMessageContaining("creditBudget 0 is below 1");
    }
}
