package io.github.camelbigin.zoho.bulk;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.StaticTokenAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.RateLimiter;
import io.github.camelbigin.zoho.records.WriteResult;
import io.github.camelbigin.zoho.records.ZohoRecordErrorException;
import io.github.camelbigin.zoho.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulk read and bulk write on the emulator: jobs chained, waited for, their zipped CSV results streamed. */
class BulkTest {

    @RegisterExtension
    static BiginEmulatorExtension extension = new BiginEmulatorExtension();

    @TempDir
    Path dir;

    private final BiginEmulator emulator = extension.emulator();
    private ZohoClient client;

    @BeforeEach
    void client() {
        client = ZohoClient.builder()
                .authenticator(new StaticTokenAuthenticator(ZohoApi.BIGIN_V2, BiginEmulator.ACCESS_TOKEN, null))
                .apiUrl(URI.create(emulator.apiUrl())).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private long calls(String pathStart) {
        return emulator.observe().apiRequests().stream().filter(r -> r.apiPath().startsWith(pathStart)).count();
    }

    @Test
    void aBulkReadPastOneJobsReachChainsJobsByIdWithNoRecordLostOrRepeated() {
        emulator.tuning().bulkReadPageSize(500);
        List<String> ids = emulator.seed().contacts(1200);

        List<String> read = new ArrayList<>();
        try (BulkReader reader = client.bulk().read("Contacts", List.of("Last_Name", "Email"), null,
                Duration.ofMinutes(1), 0)) {
            while (reader.hasNext()) {
                Map<String, Object> row = reader.next();
                read.add(String.valueOf(row.get("id")));
                if (read.size() == 600) { // between the second job's start and its end: a record comes and one goes
                    ids = new ArrayList<>(ids);
                    ids.add(emulator.seed().insert("Contacts", Map.of("Last_Name", "Late")));
                }
            }
            assertThat(reader.jobsRun()).isEqualTo(3);
        }

        assertThat(read).hasSize(1201).doesNotHaveDuplicates().containsExactlyElementsOf(ids);
        assertThat(calls("/bigin/bulk/v2/read")).as("3 jobs: created, polled, downloaded").isGreaterThanOrEqualTo(9);
        assertThat(emulator.observe().apiRequests().stream().filter(r -> r.method().equals("POST")).skip(1).findFirst()
                .orElseThrow().body()).contains("\"comparator\":\"greater_than\"").contains("\"api_name\":\"id\"");
    }

    @Test
    void aBulkReadHonoursItsCriteriaAndFields() {
        emulator.seed().contacts(10);
        emulator.seed().insert("Contacts", Map.of("Last_Name", "Odd", "Email", "odd@elsewhere.org"));

        List<Map<String, Object>> rows = new ArrayList<>();
        client.bulk().read("Contacts", List.of("Last_Name"), Map.of("api_name", "Email", "comparator", "equal", "value",
                "odd@elsewhere.org"), Duration.ofMinutes(1), 0).forEachRemaining(rows::add);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsOnlyKeys("id", "Last_Name").containsEntry("Last_Name", "Odd");
    }

    @Test
    void resultDownloadsWaitForASlotOfTheTenAMinute() throws Exception {
        FakeClock clock = new FakeClock(Instant.parse("2026-12-01T08:00:00Z"));
        RateLimiter limiter = new RateLimiter(BulkJobs.DOWNLOADS_PER_MINUTE, 60_000, clock, clock.sleeper());

        for (int i = 0; i < 10; i++) {
            limiter.acquire();
        }
        assertThat(clock.sleeps()).isEmpty();
        limiter.acquire();

        assertThat(clock.sleeps()).containsExactly(60_000L);
    }

    @Test
    void aBulkWriteSplitsFilesAndReportsEveryRecordInInputOrderFailuresIncluded() {
        List<Map<String, Object>> records = new ArrayList<>();
        IntStream.range(0, 120).forEach(i -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("Last_Name", i == 70 ? null : "Bulk" + i); // Last_Name is mandatory: record #70 fails
            r.put("Email", "bulk" + i + "@example.com");
            records.add(r);
        });

        List<WriteResult> results = client.bulk().writer(dir, Duration.ofMinutes(1)).maxRowsPerFile(50)
                .write("Contacts", BulkOperation.insert, records.iterator(), null, false);

        assertThat(results).hasSize(120);
        assertThat(results).extracting(WriteResult::getIndex).containsExactlyElementsOf(IntStream.range(0, 120).boxed()
                .toList());
        assertThat(results.get(70).isSuccess()).isFalse();
        assertThat(results.get(70).getMessage()).contains("MANDATORY_NOT_FOUND");
        assertThat(results.get(71).isSuccess()).isTrue();
        assertThat(results.get(119).getInput()).containsEntry("Email", "bulk119@example.com");
        assertThat(emulator.observe().record("Contacts", results.get(0).getId())).isPresent();
        assertThat(emulator.observe().count("Contacts")).isEqualTo(119);
        assertThat(calls("/upload")).isEqualTo(3);
        assertThat(emulator.observe().apiRequests().stream().filter(r -> r.apiPath().equals("/upload")).findFirst().orElseThrow()
                .header("X-CRM-ORG")).isEqualTo("700200001");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aBulkUpsertMatchesOnItsFieldAndSaysWhatItDid() {
        emulator.seed().insert("Contacts", Map.of("Last_Name", "Old", "Email", "known@example.com"));
        List<Map<String, Object>> records = List.of(
                new LinkedHashMap<>(Map.of("Last_Name", "Renamed", "Email", "known@example.com")),
                new LinkedHashMap<>(Map.of("Last_Name", "Fresh", "Email", "new@example.com")));

        List<WriteResult> results = client.bulk().writer(dir, Duration.ofMinutes(1))
                .write("Contacts", BulkOperation.upsert, records.iterator(), "Email", true);

        assertThat(results).extracting(WriteResult::getAction).containsExactly("update", "insert");
        assertThat(emulator.observe().count("Contacts")).isEqualTo(2);
    }

    @Test
    void aFailingRecordFailsTheWriteWhenAskedWithEveryResultKept() {
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(new LinkedHashMap<>(Map.of("Last_Name", "Fine")));
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("Last_Name", null);
        records.add(bad);

        assertThatThrownBy(() -> client.bulk().writer(dir, Duration.ofMinutes(1))
                .write("Contacts", BulkOperation.insert, records.iterator(), null, true))
                .isInstanceOfSatisfying(ZohoRecordErrorException.class, e -> assertThat(e.getResults()).hasSize(2));
    }

    @Test
    void recordsWithFieldsTheFirstLacksAreRefusedBeforeAnyCall() {
        List<Map<String, Object>> records = List.of(Map.of("Last_Name", "A"), Map.of("Last_Name", "B", "Email", "b@x"));

        assertThatThrownBy(() -> client.bulk().writer(dir, Duration.ofMinutes(1))
                .write("Contacts", BulkOperation.insert, records.iterator(), null, false))
                .hasMessageContaining("record #1 has the field Email, which the first record lacks");
        assertThat(emulator.observe().apiCalls()).isZero();
        assertThat(new HashSet<>(List.of(dir.toFile().list()))).isEmpty();
    }
}
