package io.github.camelbigin.zoho.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.records.ZohoTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What change detection costs in calls, for both strategies — the numbers docs/consumer.md reports. Calls are counted
 * by the emulator, not timed.
 */
class ChangeFeedCostTest extends FeedOnEmulator {

    private ChangeFeed reader(ChangeDetection strategy) {
        return new ChangeFeed(client, "Contacts", List.of("Last_Name", "Email"), "Modified_Time", strategy);
    }

    @ParameterizedTest
    @EnumSource(ChangeDetection.class)
    void anIdlePollIsOneCallSealedOrNot(ChangeDetection strategy) {
        Instant second = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // not settled yet
        emulator.clock().freezeAt(second);
        emulator.seed().contacts(5);
        ChangeFeed reader = reader(strategy);
        Watermark now = reader.startingPoint();

        assertThat(now.sealed()).isFalse();
        assertThat(calls(() -> assertThat(reader.read(now, 1000).records()).isEmpty())).isEqualTo(1);
        Watermark sealed = now.sealedBefore(second.plusSeconds(120));
        assertThat(calls(() -> assertThat(reader.read(sealed, 1000).records()).isEmpty())).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ChangeDetection.class)
    void changesSpreadOverTimeCostOneCallPer200(ChangeDetection strategy) {
        emulator.clock().freezeAt(Instant.parse("2026-02-06T08:28:53Z"));
        for (int s = 0; s < 25; s++) {
            emulator.clock().advance(Duration.ofSeconds(1));
            emulator.seed().contacts(100);
        }
        ChangeFeed reader = reader(strategy);

        long calls = calls(() -> assertThat(reader.read(Watermark.BEGINNING, 10_000).records()).hasSize(2500));

        // 13 pages; re-anchoring on a page boundary that falls inside a second re-reads that second's records
        assertThat(calls).isBetween(13L, 26L);
        System.out.printf("%s: 2,500 changes over 25 s cost %d calls%n", strategy, calls);
    }

    @ParameterizedTest
    @EnumSource(ChangeDetection.class)
    void aBurstInOneSecondCostsOneCallPer200(ChangeDetection strategy) {
        emulator.clock().freeze();
        emulator.seed().contacts(2500);
        ChangeFeed reader = reader(strategy);

        long calls = calls(() -> assertThat(reader.read(Watermark.BEGINNING, 10_000).records()).hasSize(2500)
                .extracting(r -> r.get("id")).doesNotHaveDuplicates());

        assertThat(calls).isEqualTo(14); // 13 pages + 1 to re-anchor after the first page
        System.out.printf("%s: 2,500 changes in one second cost %d calls%n", strategy, calls);
    }

    @ParameterizedTest
    @EnumSource(ChangeDetection.class)
    void aRecordModifiedWhileTheFeedPagesIsNeitherSkippedNorLost(ChangeDetection strategy) {
        emulator.clock().freezeAt(Instant.parse("2026-02-06T08:28:53Z"));
        List<String> ids = emulator.seed().contacts(500);
        emulator.clock().advance(Duration.ofSeconds(1));
        ChangeFeed reader = reader(strategy);
        Watermark start = Watermark.BEGINNING;

        Changes first = reader.read(start, 200);
        // a record already read moves to the end: offset paging would now skip one record
        emulator.seed().update("Contacts", ids.get(10), Map.of("Title", "moved"));
        Watermark w = start;
        for (Map<String, Object> r : first.records()) {
            w = w.advance(ZohoTime.of(r, "Modified_Time"), r.get("id").toString(), reader.fingerprint(r));
        }
        Changes rest = reader.read(w, 10_000);

        assertThat(first.records().size() + rest.records().size()).isEqualTo(501);
        assertThat(rest.records()).extracting(r -> r.get("id")).containsAll(ids.subList(200, 500)).contains(ids.get(10));
    }

    @ParameterizedTest
    @EnumSource(ChangeDetection.class)
    void aServerIgnoringIfModifiedSinceStillReadsOnlyTheChanges(ChangeDetection strategy) {
        emulator.tuning().honorIfModifiedSince(false);
        emulator.clock().freezeAt(Instant.parse("2026-02-06T08:28:53Z"));
        for (int s = 0; s < 10; s++) {
            emulator.clock().advance(Duration.ofSeconds(1));
            emulator.seed().contacts(100);
        }
        ChangeFeed reader = reader(strategy);
        Watermark now = reader.startingPoint().sealedBefore(Instant.parse("2026-02-06T09:00:00Z"));
        emulator.clock().advance(Duration.ofSeconds(5));
        List<String> fresh = emulator.seed().contacts(3);

        long[] calls = new long[1];
        calls[0] = calls(() -> assertThat(reader.read(now, 1000).records()).extracting(r -> r.get("id"))
                .containsExactlyElementsOf(fresh));

        assertThat(calls[0]).isEqualTo(strategy == ChangeDetection.list ? 2 : 1);
    }

    @ParameterizedTest
    @EnumSource(ChangeDetection.class)
    void aCreatedOnlyFeedOfEveryFieldPaysOneCallAnIdlePollWhateverOldRecordsWereEdited(ChangeDetection strategy) {
        emulator.clock().freezeAt(Instant.parse("2026-02-06T08:28:53Z"));
        List<String> old = emulator.seed().contacts(450);
        // every field of Contacts: more than one request names, so a page of records costs one call a chunk
        ChangeFeed created = new ChangeFeed(client, "Contacts", null, "Created_Time", strategy);
        // sealed, as the consumer seals it a minute after its second (until then a busy second is read again)
        Watermark start = created.startingPoint().sealedBefore(Instant.parse("2026-02-06T09:00:00Z"));
        emulator.clock().advance(Duration.ofSeconds(5));
        old.forEach(id -> emulator.seed().update("Contacts", id, Map.of("Title", "edited")));

        for (int poll = 0; poll < 5; poll++) {
            assertThat(calls(() -> assertThat(created.read(start, 1000).records()).isEmpty())).isEqualTo(1);
        }
        List<String> fresh = emulator.seed().contacts(3);
        assertThat(calls(() -> assertThat(created.read(start, 1000).records()).extracting(r -> r.get("id"))
                .containsExactlyElementsOf(fresh))).as("list: the one-field look, then the page in its two chunks;"
                                                        + " COQL: the query in its two chunks")
                .isEqualTo(strategy == ChangeDetection.list ? 3 : 2);
    }

    @ParameterizedTest
    @EnumSource(ChangeDetection.class)
    void aCreatedOnlyFeedOfFewFieldsReadsNewRecordsAmongEditsInOneCall(ChangeDetection strategy) {
        emulator.clock().freezeAt(Instant.parse("2026-02-06T08:28:53Z"));
        List<String> old = emulator.seed().contacts(450);
        ChangeFeed created = new ChangeFeed(client, "Contacts", List.of("Last_Name"), "Created_Time", strategy);
        // sealed, as the consumer seals it a minute after its second (until then a busy second is read again)
        Watermark start = created.startingPoint().sealedBefore(Instant.parse("2026-02-06T09:00:00Z"));
        emulator.clock().advance(Duration.ofSeconds(5));
        old.forEach(id -> emulator.seed().update("Contacts", id, Map.of("Title", "edited")));
        List<String> fresh = emulator.seed().contacts(3);

        assertThat(calls(() -> assertThat(created.read(start, 1000).records()).extracting(r -> r.get("id"))
                .containsExactlyElementsOf(fresh))).isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void aCreatedOnlyBacklogLargerThanAPageIsReadOldestFirstByTheKeysetReader() {
        emulator.clock().freezeAt(Instant.parse("2026-02-06T08:28:53Z"));
        emulator.seed().contacts(10);
        ChangeFeed created = new ChangeFeed(client, "Contacts", List.of("Last_Name"), "Created_Time",
                ChangeDetection.list);
        Watermark start = created.startingPoint();
        List<String> fresh = new java.util.ArrayList<>();
        for (int s = 0; s < 5; s++) {
            emulator.clock().advance(Duration.ofSeconds(1));
            fresh.addAll(emulator.seed().contacts(100));
        }

        Changes first = created.read(start, 300);
        assertThat(first.records()).extracting(r -> r.get("id")).containsExactlyElementsOf(fresh.subList(0, 300));
        assertThat(first.more()).isTrue();
    }
}
