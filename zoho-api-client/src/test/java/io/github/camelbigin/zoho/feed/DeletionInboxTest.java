package io.github.camelbigin.zoho.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.StaticTokenAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deletions that callbacks announced, reconciled with Bigin's deleted-records list, which reaches back at most 2,000
 * deletions: those beyond its reach come from the callbacks, the rest from the list, none twice.
 */
class DeletionInboxTest {

    /**
     * The emulator's clock stamps the deletions; the client reads Bigin's time from the Date header, which the
     * emulator's HTTP server writes from the real clock. Deletions ten minutes ago are long settled.
     */
    private static final Instant T0 = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);

    @RegisterExtension
    static BiginEmulatorExtension extension = new BiginEmulatorExtension();

    private final BiginEmulator emulator = extension.emulator();
    private ZohoClient client;
    private ChangeFeed feed;
    private final FeedState state = new FeedState(Watermark.BEGINNING, Watermark.BEGINNING);
    private final DeletionInbox inbox = new DeletionInbox();

    @BeforeEach
    void client() {
        client = ZohoClient.builder()
                .authenticator(new StaticTokenAuthenticator(ZohoApi.BIGIN_V2, BiginEmulator.ACCESS_TOKEN, null))
                .apiUrl(URI.create(emulator.apiUrl())).build();
        feed = new ChangeFeed(client, "Contacts", List.of("Last_Name"), "Modified_Time", ChangeDetection.list);
        emulator.clock().freezeAt(T0);
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** Deletes the records {@code perSecond} a second, each second's ids announced by one callback then. */
    private void deleteAndAnnounce(List<String> ids, int perSecond) {
        for (int i = 0; i < ids.size(); i += perSecond) {
            List<String> second = ids.subList(i, Math.min(ids.size(), i + perSecond));
            second.forEach(id -> emulator.seed().delete("Contacts", id));
            inbox.announce(second, emulator.clock().instant());
            emulator.clock().advance(Duration.ofSeconds(1));
        }
    }

    /** What a consumer does with a read: marks each deletion done, from the list or from the inbox. */
    private List<String> deliver(Changes read) {
        List<String> ids = new ArrayList<>();
        for (Change c : read.changes()) {
            ids.add(c.id());
            if (!read.announced()) {
                state.deletionDone(c.record());
            }
            inbox.delivered(c.id());
        }
        return ids;
    }

    @Test
    void deletionsBeyondTheListsReachComeFromTheirCallbacksFirstThenTheListedOnes() {
        List<String> ids = emulator.seed().contacts(2300);
        deleteAndAnnounce(ids.subList(0, 300), 300); // a mass deletion over two seconds
        deleteAndAnnounce(ids.subList(300, 2300), 2000);

        Changes first = feed.readDeleted(state.deletions(), 10_000, inbox);
        assertThat(first.announced()).isTrue();
        assertThat(first.more()).as("the listed ones are still to come").isTrue();
        assertThat(deliver(first)).as("the 300 oldest, beyond the list's 2,000").containsExactlyElementsOf(ids.subList(0, 300));
        assertThat(first.records().get(0)).containsKeys("id", "deleted_time");

        Changes listed = feed.readDeleted(state.deletions(), 10_000, inbox);
        assertThat(listed.announced()).isFalse();
        assertThat(listed.olderMayBeMissing()).isTrue();
        assertThat(deliver(listed)).containsExactlyElementsOf(ids.subList(300, 2300));

        assertThat(inbox.isEmpty()).isTrue();
        assertThat(feed.readDeleted(state.deletions(), 10_000, inbox).changes()).as("nothing twice").isEmpty();
    }

    @Test
    void aFreshMassDeletionHoldsTheListedOnesBackForTheCallbacksOfOlderOnes() {
        emulator.clock().freezeAt(Instant.now().minusSeconds(3));
        List<String> ids = emulator.seed().contacts(2100);
        deleteAndAnnounce(ids.subList(0, 2000), 2000);
        // the callback of the 100 newest has not arrived yet
        ids.subList(2000, 2100).forEach(id -> emulator.seed().delete("Contacts", id));

        Changes first = feed.readDeleted(state.deletions(), 10_000, inbox);
        assertThat(deliver(first)).containsExactlyElementsOf(ids.subList(0, 100));
        Changes held = feed.readDeleted(state.deletions(), 10_000, inbox);

        assertThat(held.changes()).isEmpty();
        assertThat(held.holdUntil()).as("10 s after the oldest listed deletion").isAfter(Instant.now());
        assertThat(held.olderMayBeMissing()).isTrue();
    }

    @Test
    void announcedDeletionsAreHandedOverInPiecesOfMaxAndNeverTwice() {
        List<String> ids = emulator.seed().contacts(2250);
        deleteAndAnnounce(ids, 50);

        List<String> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Changes read = feed.readDeleted(state.deletions(), 100, inbox);
            assertThat(read.announced()).isTrue();
            all.addAll(deliver(read));
            if (all.size() == 250) {
                break;
            }
        }
        assertThat(all).containsExactlyElementsOf(ids.subList(0, 250));
        Changes listed = feed.readDeleted(state.deletions(), 100, inbox);
        assertThat(listed.announced()).as("a mass deletion over 45 s holds nothing back").isFalse();
        assertThat(deliver(listed)).containsExactlyElementsOf(ids.subList(250, 350));
    }

    @Test
    void aLateCallbackForADeletionTheListDeliveredIsForgottenNotDeliveredAgain() {
        List<String> ids = emulator.seed().contacts(3);
        emulator.seed().delete("Contacts", ids.get(1));
        assertThat(deliver(feed.readDeleted(state.deletions(), 100, inbox))).containsExactly(ids.get(1));

        inbox.announce(List.of(ids.get(1)), emulator.clock().instant()); // arrives after the list delivered it
        assertThat(feed.readDeleted(state.deletions(), 100, inbox).changes()).isEmpty();
        assertThat(inbox.isEmpty()).as("forgotten once the settle margin passed").isTrue();
    }

    @Test
    void aFreshCallbackWhoseDeletionIsNotListedYetIsKept() {
        List<String> ids = emulator.seed().contacts(2);
        inbox.announce(List.of(ids.get(0)), Instant.now()); // a second ago; the list has not caught up with it

        assertThat(feed.readDeleted(state.deletions(), 100, inbox).changes()).isEmpty();
        assertThat(inbox.size()).isEqualTo(1);
    }

    @Test
    void theInboxSurvivesARestartAsJson() {
        inbox.announce(List.of("111", "222"), T0);
        inbox.delivered("111");

        DeletionInbox restored = DeletionInbox.fromJson(inbox.toJson());

        assertThat(restored.size()).isEqualTo(1);
        assertThat(restored.beyondReach(java.util.Set.of(), Watermark.BEGINNING)).extracting(Change::id)
                .containsExactly("222");
        assertThat(DeletionInbox.fromJson(null).isEmpty()).isTrue();
    }

    @Test
    void theInboxKeepsTheNewestAnnouncementsWhenTooManyWait() {
        List<String> many = IntStream.range(0, DeletionInbox.MAX_IDS + 5).mapToObj(i -> "9" + i).toList();

        inbox.announce(many, T0);

        assertThat(inbox.size()).isEqualTo(DeletionInbox.MAX_IDS);
        assertThat(inbox.beyondReach(java.util.Set.of(), Watermark.BEGINNING).get(0).id()).isEqualTo("95");
    }

    @Test
    void aCallbackComingAfterItsDeletionWasDeliveredDoesNotAnnounceItAgain() {
        DeletionInbox inbox = new DeletionInbox();
        inbox.delivered("7"); // delivered from the list before its callback came

        assertThat(inbox.announce(List.of("7"), Instant.now())).isFalse();
        assertThat(inbox.beyondReach(java.util.Set.of(), Watermark.BEGINNING)).isEmpty();
    }
}
