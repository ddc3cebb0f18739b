package io.github.camelbigin.component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.emulator.RecordedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every consumer behaviour again, with changes asked through COQL. */
class BiginConsumerCoqlTest extends BiginConsumerTest {

    @Override
    protected String strategyOptions() {
        return "&changeDetection=coql";
    }

    @Override
    protected String pollPath() {
        return "/coql";
    }

    @Override
    protected void assertIdlePoll(RecordedRequest r) {
        assertThat(r.method() + " " + r.apiPath()).isEqualTo("POST /coql");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.bodyJson().get("select_query").asText()).contains(" > '").contains("order by Modified_Time asc, id asc");
    }

    /** 1,000 records written 50 a second, ten minutes ago: every page of 200 ends inside a busy second. */
    private List<String> seedBusySeconds() {
        List<String> ids = new ArrayList<>();
        emulator().clock().freezeAt(Instant.now().minus(Duration.ofMinutes(10)));
        for (int s = 0; s < 20; s++) {
            emulator().clock().advance(Duration.ofSeconds(1));
            int second = s;
            ids.addAll(emulator().seed().records("Contacts", 50, i -> Map.of("Last_Name", "Busy" + second + "-" + i)));
        }
        emulator().clock().reset();
        return ids;
    }

    private long pagesWithRecords() {
        return apiRequests().stream().filter(r -> "/coql".equals(r.apiPath()) && r.status() == 200).count();
    }

    @Test
    void aBacklogOfSettledBusySecondsCostsOneCallPerTwoHundredRecords() throws Exception {
        List<String> ids = seedBusySeconds();

        // fields that fit one request, so each page is one call
        consume("c", "Contacts?events=created,updated&initialPosition=beginning&fields=Last_Name,Email");
        awaitDelivered(1000);

        assertThat(deliveredIds()).containsExactlyElementsOf(ids);
        assertThat(pagesWithRecords()).isEqualTo(5);
        assertThat(apiRequests()).filteredOn(r -> "/coql".equals(r.apiPath()) && r.status() == 200).allSatisfy(r -> assertThat(r.bodyJson()
                .get("select_query").asText()).containsAnyOf("is not null", "id not in ('"));
    }

    @Test
    void aServerThatRefusesNotInCostsReReadsButLosesAndDoublesNothing() throws Exception {
        emulator().tuning().coqlNotIn(false);
        List<String> ids = seedBusySeconds();

        consume("c", "Contacts?events=created,updated&initialPosition=beginning");
        awaitDelivered(1000);
        awaitPolls(2);

        assertThat(deliveredIds()).containsExactlyElementsOf(ids);
        assertThat(apiRequests()).filteredOn(r -> r.status() == 400).hasSize(1);
        assertThat(pagesWithRecords()).isGreaterThan(5);
    }
}
