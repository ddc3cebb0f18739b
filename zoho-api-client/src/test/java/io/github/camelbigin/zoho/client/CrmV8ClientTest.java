package io.github.camelbigin.zoho.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import io.github.camelbigin.emulator.Fault;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.StaticTokenAuthenticator;
import io.github.camelbigin.zoho.bulk.JobCounts;
import io.github.camelbigin.zoho.credits.CrmEdition;
import io.github.camelbigin.zoho.records.CoqlQuery;
import io.github.camelbigin.zoho.records.RecordQuery;
import io.github.camelbigin.zoho.records.WriteOptions;
import io.github.camelbigin.zoho.records.WriteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine speaking Zoho CRM v8 ({@link ZohoApi#CRM_V8}) to the emulator's CRM flavour. */
class CrmV8ClientTest {

    @RegisterExtension
    static BiginEmulatorExtension extension = new BiginEmulatorExtension(BiginEmulator.crm(), true);

    private final BiginEmulator emulator = extension.emulator();

    private ZohoClient client(int concurrency) {
        return ZohoClient.builder().api(ZohoApi.CRM_V8)
                .authenticator(new StaticTokenAuthenticator(ZohoApi.CRM_V8, BiginEmulator.ACCESS_TOKEN, null))
                .apiUrl(URI.create(emulator.apiUrl())).concurrency(concurrency).build();
    }

    @Test
    void aListOfTwoThousandFiveHundredLeadsFollowsPageTokensPastPageNumbersReach() {
        emulator.seed().records("Leads", 2_500, i -> Map.of("Last_Name", "Lead" + i));
        try (ZohoClient client = client(0)) {
            List<Map<String, Object>> all = new ArrayList<>();
            client.reads().list("Leads", RecordQuery.create().fields(List.of("Last_Name"))).forEachRemaining(all::add);

            assertThat(all).hasSize(2_500);
            assertThat(emulator.observe().apiRequests()).hasSize(13).allSatisfy(r -> assertThat(r.path()).startsWith("/crm/v8/"));
            assertThat(emulator.observe().apiRequests().get(11).query()).containsKey("page_token");
        }
    }

    @Test
    void aListPastThePageTokensReachFailsNamingCoqlAndBulkRead() {
        emulator.tuning().pageTokenReach(2_400);
        emulator.seed().records("Leads", 2_500, i -> Map.of("Last_Name", "Lead" + i));
        try (ZohoClient client = client(0)) {
            List<Map<String, Object>> read = new ArrayList<>();
            assertThatThrownBy(() -> client.reads().list("Leads", RecordQuery.create().fields(List.of("Last_Name")))
                    .forEachRemaining(read::add))
                    .hasMessageContaining("DISCRETE_PAGINATION_LIMIT_EXCEEDED")
                    .hasMessageContaining("page tokens reach 100,000 records").hasMessageContaining("operation=coql")
                    .hasMessageContaining("operation=bulkRead");
            assertThat(read).hasSize(2_400);
        }
    }

    @Test
    void anOrderedCoqlQueryPagesTwoThousandACallByOffsetAndLimitsAreCrms() {
        emulator.seed().records("Leads", 4_100, i -> Map.of("Last_Name", String.format("Lead%05d", i)));
        try (ZohoClient client = client(0)) {
            List<Map<String, Object>> all = new ArrayList<>();
            client.reads().query(CoqlQuery.parse(ZohoApi.CRM_V8, "select Last_Name from Leads order by Last_Name",
                    Map.of()), 0).forEachRemaining(all::add);

            assertThat(all).hasSize(4_100);
            assertThat(all.get(4_099).get("Last_Name")).isEqualTo("Lead04099");
            assertThat(emulator.observe().apiRequests()).extracting(r -> r.bodyJson().get("select_query").asText())
                    .containsExactly("select Last_Name from Leads order by Last_Name limit 2000 offset 0",
                            "select Last_Name from Leads order by Last_Name limit 2000 offset 2000",
                            "select Last_Name from Leads order by Last_Name limit 2000 offset 4000");
            assertThat(emulator.observe().credits()).isEqualTo(9);
        }
        assertThatThrownBy(() -> CoqlQuery.parse(ZohoApi.CRM_V8, "select Last_Name from Leads limit 2001", Map.of()))
                .hasMessageContaining("1 to 2000 records a call");
        assertThatThrownBy(() -> CoqlQuery.parse(ZohoApi.BIGIN_V2, "select Last_Name from Contacts limit 201",
                Map.of())).hasMessageContaining("1 to 200 records a call");
    }

    @Test
    void countMassUpdateAndExternalIdsAreCrmsRecordActions() {
        List<String> ids = emulator.seed().records("Leads", 3, i -> Map.of("Last_Name", "Lead" + i, "External_Lead_ID",
                "x-" + i));
        emulator.seed().view("Leads", "42", null);
        try (ZohoClient client = client(0)) {
            assertThat(client.reads().count("Leads", null, null)).isEqualTo(3);
            assertThat(client.reads().count("Leads", "(Last_Name:equals:Lead1)", null)).isEqualTo(1);

            List<WriteResult> byIds = client.writes().massUpdate("Leads", Map.of("Lead_Status", "Lost"), ids.subList(0, 2),
                    WriteOptions.create());
            JobCounts byView = client.bulk().massUpdateView("Leads", Map.of("Industry", "Wool"), "42",
                    Duration.ofSeconds(10));
            Map<String, Object> lead = client.reads().get("Leads", "x-2", List.of("Lead_Status", "Industry"),
                    "External_Lead_ID").orElseThrow();

            assertThat(byIds).extracting(WriteResult::getId).containsExactlyElementsOf(ids.subList(0, 2));
            assertThat(byView.total()).isEqualTo(3);
            assertThat(byView.done()).isEqualTo(3);
            assertThat(lead).containsEntry("Industry", "Wool").containsEntry("id", ids.get(2));
            assertThat(emulator.observe().apiRequests().get(5).header("X-EXTERNAL")).isEqualTo("Leads.External_Lead_ID");
        }
    }

    @Test
    void biginHasNoRecordActionsAndSaysSoWithoutACall() {
        BiginEmulator bigin = new BiginEmulator().start();
        try (ZohoClient client = ZohoClient.builder()
                .authenticator(new StaticTokenAuthenticator(ZohoApi.BIGIN_V2, BiginEmulator.ACCESS_TOKEN, null))
                .apiUrl(URI.create(bigin.apiUrl())).build()) {
            assertThatThrownBy(() -> client.reads().count("Contacts", null, null))
                    .hasMessageContaining("Bigin has no count endpoint");
            assertThatThrownBy(() -> client.writes().massUpdate("Contacts", Map.of("Title", "x"), List.of("1"),
                    WriteOptions.create())).hasMessageContaining("Bigin has no mass update");
            assertThatThrownBy(() -> client.reads().get("Contacts", "x-1", null, "External_Id"))
                    .hasMessageContaining("Bigin has no external ids");
            assertThatThrownBy(() -> new io.github.camelbigin.zoho.notifications.ChannelKeeper(client.watch(),
                    "1000000068001", List.of("Contacts.edit"), List.of("Email"), URI.create("https://hooks.example.com"),
                    java.time.Instant::now, Duration.ofHours(1)))
                    .hasMessageContaining("Bigin channels call back on any change");
            assertThat(bigin.observe().apiCalls()).isZero();
        } finally {
            bigin.close();
        }
    }

    @Test
    void anEditionsConcurrencyLimitHoldsCallsInFlightAtTheServerToIt() throws Exception {
        emulator.seed().records("Leads", 1, i -> Map.of("Last_Name", "Lead"));
        emulator.faults().inject(Fault.delay(40).always()); // calls overlap
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (ZohoClient client = client(CrmEdition.FREE.concurrency())) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(pool.submit(() -> client.reads().count("Leads", null, null)));
            }
            for (Future<?> f : calls) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(emulator.observe().apiCalls()).isEqualTo(32);
        assertThat(emulator.observe().peakConcurrency()).isBetween(2, 5);
    }

    @Test
    void editionsGiveTheirDailyCreditsCappedAndTheirConcurrency() {
        assertThat(CrmEdition.FREE.dailyCredits(40)).isEqualTo(5_000);
        assertThat(CrmEdition.STANDARD.dailyCredits(10)).isEqualTo(52_500);
        assertThat(CrmEdition.STANDARD.dailyCredits(1_000)).isEqualTo(100_000);
        assertThat(CrmEdition.ENTERPRISE.dailyCredits(100)).isEqualTo(150_000);
        assertThat(CrmEdition.ULTIMATE.concurrency()).isEqualTo(25);
    }
}
