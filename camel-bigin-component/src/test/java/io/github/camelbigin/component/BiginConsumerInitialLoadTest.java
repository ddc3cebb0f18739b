package io.github.camelbigin.component;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * initialLoad=bulk: a consumer starting at the beginning reads the existing records by bulk-read jobs, then the feed
 * takes over with no gap and no double.
 */
class BiginConsumerInitialLoadTest extends ConsumerTestSupport {

    private long bulkJobs() {
        return emulator().observe().apiRequests().stream()
                .filter(r -> r.method().equals("POST") && r.apiPath().equals("/bigin/bulk/v2/read")).count();
    }

    @Test
    void existingRecordsComeByBulkJobsAndTheFeedTakesOverWithNoGapAndNoDouble() throws Exception {
        // every write in one second, inside the handover window: the change after the load shares its Modified_Time
        emulator().clock().freezeAt(java.time.Instant.now().minusSeconds(10));
        emulator().tuning().bulkReadPageSize(300);
        List<String> existing = emulator().seed().contacts(700);

        consume("load", "Contacts?events=created,updated&initialPosition=beginning&initialLoad=bulk"
                        + "&fields=Last_Name&maxMessagesPerPoll=250");
        awaitDelivered(700);
        String later = emulator().seed().insert("Contacts", Map.of("Last_Name", "AfterTheLoad"));
        emulator().seed().update("Contacts", existing.get(5), Map.of("Last_Name", "ChangedAfterTheLoad"));
        awaitDelivered(702);
        awaitPolls(3);

        assertThat(deliveredIds()).hasSize(702);
        assertThat(deliveredIds("created")).doesNotHaveDuplicates().hasSize(701);
        assertThat(delivered.stream().limit(700)).allSatisfy(d -> {
            assertThat(d.type()).isEqualTo("created");
            assertThat(d.exchange().getIn().getHeader(BiginConstants.TRIGGER)).isEqualTo("initialLoad");
        });
        assertThat(deliveredIds().subList(0, 700)).containsExactlyElementsOf(existing);
        assertThat(deliveredIds("created")).contains(later);
        assertThat(deliveredIds("updated")).containsExactly(existing.get(5));
        assertThat(bulkJobs()).isEqualTo(3);
        assertThat(consumer("load").getState().describe(true, false)).doesNotContain("bulk load");
    }

    @Test
    void aRestartInTheMiddleOfTheLoadGoesOnAfterTheLastRecordDelivered() throws Exception {
        emulator().tuning().bulkReadPageSize(300);
        List<String> existing = emulator().seed().contacts(600);
        consume("load", "Contacts?events=created&initialPosition=beginning&initialLoad=bulk&fields=Last_Name"
                        + "&maxMessagesPerPoll=100"); // the endpoint's state outlives the route's stop
        awaitDelivered(200);
        context.getRouteController().stopRoute("load");
        int before = delivered.size();

        context.getRouteController().startRoute("load");
        awaitDelivered(600);
        awaitPolls(3);

        assertThat(before).isLessThan(600);
        assertThat(deliveredIds()).doesNotHaveDuplicates().containsExactlyElementsOf(existing);
    }

    @Test
    void aBulkLoadNeedsTheBeginningAndCreatedEvents() {
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?initialLoad=bulk")))
                .rootCause().hasMessageContaining("initialLoad=bulk").hasMessageContaining("initialPosition=beginning");
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?initialLoad=bulk&initialPosition=beginning"
                                                           + "&events=updated")))
                .rootCause().hasMessageContaining("created among the events");
    }
}
