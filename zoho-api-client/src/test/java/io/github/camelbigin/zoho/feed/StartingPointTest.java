package io.github.camelbigin.zoho.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a feed that starts now begins: every record of its second held, however busy the second. */
class StartingPointTest extends FeedOnEmulator {

    private ChangeFeed feed() {
        return new ChangeFeed(client, "Contacts", List.of("Last_Name"), "Modified_Time", ChangeDetection.list);
    }

    @Test
    void everyRecordOfABusySecondIsHeldByFollowingPageTokens() {
        emulator.clock().freezeAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)); // not settled
        emulator.seed().contacts(2300);
        Watermark[] start = new Watermark[1];

        assertThat(calls(() -> start[0] = feed().startingPoint())).as("one call a page of that second").isEqualTo(12);
        assertThat(start[0].ids()).hasSize(2300);
        assertThat(start[0].sealed()).isFalse();
    }

    @Test
    void aBusySecondPastTheListsReachWithoutPageTokensIsSealedSoNothingOldIsDelivered() {
        emulator.tuning().pageTokens(false);
        Instant busy = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // not settled
        emulator.clock().freezeAt(busy);
        emulator.seed().contacts(2100);
        ChangeFeed feed = feed();

        Watermark start = feed.startingPoint(); // waits until Zoho's clock has left the busy second
        emulator.clock().advance(Duration.ofSeconds(1));
        String fresh = emulator.seed().insert("Contacts", Map.of("Last_Name", "AfterTheStart"));

        assertThat(start.sealed()).as("the busy second, whole").isTrue();
        assertThat(start.time().toInstant()).isEqualTo(busy);
        assertThat(feed.read(start, 5000).records()).extracting(r -> r.get("id")).containsExactly(fresh);
    }

    @Test
    void everyDeletionOfABusySecondIsHeld() {
        emulator.clock().freezeAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        List<String> ids = emulator.seed().contacts(251);
        ids.forEach(id -> emulator.seed().delete("Contacts", id));

        Watermark start = feed().deletionsStartingPoint();

        assertThat(start.ids()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aSecondOlderThanTheSettleMarginIsSealedInOneCall() {
        emulator.clock().freezeAt(Instant.parse("2026-02-06T08:28:53Z"));
        emulator.seed().contacts(2300);
        Watermark[] start = new Watermark[1];

        assertThat(calls(() -> start[0] = feed().startingPoint())).isEqualTo(1);
        assertThat(start[0].sealed()).isTrue();
        assertThat(start[0].time().toInstant()).isEqualTo(Instant.parse("2026-02-06T08:28:53Z"));
    }

    @Test
    void anEmptyModuleStartsAtTheBeginning() {
        assertThat(feed().startingPoint()).isEqualTo(Watermark.BEGINNING);
    }
}
