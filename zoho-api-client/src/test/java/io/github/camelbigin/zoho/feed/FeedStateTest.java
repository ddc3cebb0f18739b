package io.github.camelbigin.zoho.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a feed remembers between polls and restarts, and how it tells created from updated records. */
class FeedStateTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-02-06T00:28:53-08:00");

    private static Map<String, Object> record(String id, OffsetDateTime created, OffsetDateTime modified) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("Created_Time", created.toString());
        r.put("Modified_Time", modified.toString());
        return r;
    }

    @Test
    void aRecordCreatedAfterTheLastCatchUpIsCreatedOnceThenUpdated() {
        FeedState state = new FeedState(Watermark.at(T), Watermark.BEGINNING);
        Map<String, Object> fresh = record("1", T.plusSeconds(5), T.plusSeconds(5));

        assertThat(state.classify(fresh)).isEqualTo("created");
        state.changeDone(fresh, T.plusSeconds(5), "created", "fp");
        // changed again during the same backlog: the created id is remembered
        assertThat(state.classify(record("1", T.plusSeconds(5), T.plusSeconds(9)))).isEqualTo("updated");
    }

    @Test
    void aRecordCreatedBeforeTheFeedsStartIsAnUpdate() {
        FeedState state = new FeedState(Watermark.at(T), Watermark.BEGINNING);

        assertThat(state.classify(record("2", T.minusSeconds(60), T.plusSeconds(1)))).isEqualTo("updated");
    }

    @Test
    void catchingUpForgetsTheCreatedIdsAndClassifiesAgainstTheNewBase() {
        FeedState state = new FeedState(Watermark.at(T), Watermark.BEGINNING);
        Map<String, Object> fresh = record("1", T.plusSeconds(5), T.plusSeconds(5));
        state.changeDone(fresh, T.plusSeconds(5), "created", "fp");

        state.caughtUp(T.plusSeconds(10).toInstant());

        assertThat(state.createdIds()).isEmpty();
        assertThat(state.classify(fresh)).isEqualTo("updated");
        assertThat(state.classify(record("3", T.plusSeconds(6), T.plusSeconds(6)))).isEqualTo("created");
    }

    @Test
    void aSecondLongBeforeTheLastCompletePollIsSealed() {
        FeedState state = new FeedState(Watermark.BEGINNING, Watermark.BEGINNING);
        state.changeDone(record("1", T, T), T, "created", "fp");
        state.caughtUp(T.toInstant().plusSeconds(30));

        state.seal(Duration.ofSeconds(60));
        assertThat(state.changes().sealed()).isFalse(); // 30 s: the second may still gain records

        state.caughtUp(T.toInstant().plusSeconds(61));
        state.seal(Duration.ofSeconds(60));
        assertThat(state.changes().sealed()).isTrue();
        assertThat(state.changes().ids()).isEmpty();
    }

    @Test
    void theStateSurvivesJsonWithFingerprintsAndCreatedIds() {
        FeedState state = new FeedState(Watermark.at(T), Watermark.BEGINNING);
        state.changeDone(record("1", T.plusSeconds(5), T.plusSeconds(5)), T.plusSeconds(5), "created", "f\"1");
        state.deletionDone(Map.of("id", "7", "deleted_time", T.plusSeconds(2).toString()));
        state.caughtUp(Instant.parse("2026-02-06T08:30:00Z"));
        state.changeDone(record("2", T.plusSeconds(6), T.plusSeconds(6)), T.plusSeconds(6), "created", "fp2");

        FeedState copy = FeedState.fromJson(state.toJson());

        assertThat(copy.changes()).isEqualTo(state.changes());
        assertThat(copy.deletions()).isEqualTo(state.deletions());
        assertThat(copy.createdIds()).containsExactly("2");
        assertThat(copy.toJson()).isEqualTo(state.toJson());
    }

    @Test
    void anUnreadableStoredStateSaysHowToStartAgain() {
        assertThatThrownBy(() -> FeedState.fromJson("{\"version\":99}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("remove it from the state repository");
    }

    @Test
    void aRecordTheBulkLoadDeliveredIsPassedOverByTheFeedOnlyAtTheSameVersion() {
        FeedState state = new FeedState(Watermark.BEGINNING, Watermark.BEGINNING);
        state.startBulkLoad(T.minusSeconds(60));
        Map<String, Object> bulkRow = new LinkedHashMap<>(); // as the bulk CSV gives it: text
        bulkRow.put("id", "7255024000000596045");
        bulkRow.put("Last_Name", "Boyle");
        bulkRow.put("Score", "5.0");
        bulkRow.put("Account_Name", "7255024000000596001");
        bulkRow.put("Created_Time", T.toString());
        bulkRow.put("Modified_Time", T.toString());
        state.bulkRecordDone(bulkRow);
        state.finishBulkLoad();

        Map<String, Object> same = new LinkedHashMap<>(); // as a read gives it: typed
        same.put("id", "7255024000000596045");
        same.put("Last_Name", "Boyle");
        same.put("Score", 5);
        same.put("Account_Name", Map.of("name", "Acme", "id", "7255024000000596001"));
        same.put("Created_Time", T.toString());
        same.put("Modified_Time", T.toString());
        Map<String, Object> changedInTheSameSecond = new LinkedHashMap<>(same);
        changedInTheSameSecond.put("Last_Name", "Boyle-Smith");
        Map<String, Object> changedLater = new LinkedHashMap<>(same);
        changedLater.put("Modified_Time", T.plusSeconds(1).toString());

        assertThat(state.deliveredByBulkLoad(same)).isTrue();
        assertThat(state.deliveredByBulkLoad(changedInTheSameSecond)).isFalse();
        assertThat(state.deliveredByBulkLoad(changedLater)).isFalse();
        assertThat(state.classify(changedLater)).as("created after the handover, delivered as created").isEqualTo(
                "updated");
        assertThat(FeedState.fromJson(state.toJson()).deliveredByBulkLoad(same)).as("kept across a restart").isTrue();
    }

    @Test
    void theBulkLoadsVersionsAreRememberedUntilTheWatermarkLeavesTheirSecond() {
        FeedState state = new FeedState(Watermark.BEGINNING, Watermark.BEGINNING);
        state.startBulkLoad(T.minusSeconds(60));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "7255024000000596045");
        row.put("Last_Name", "Boyle");
        row.put("Created_Time", T.toString());
        row.put("Modified_Time", T.toString());
        state.bulkRecordDone(row);
        state.finishBulkLoad();
        Map<String, Object> other = record("7255024000000596046", T, T);

        // a read that ended in the load's second: a page that shifted under it may bring the record back
        state.changeDone(other, T, "created", "f");
        state.caughtUp(T.plusSeconds(1).toInstant());
        assertThat(state.deliveredByBulkLoad(row)).isTrue();
        assertThat(state.classify(record("7255024000000596045", T, T))).isEqualTo("updated");

        // the watermark left that second: the version can no longer come back
        state.changeDone(record("7255024000000596047", T, T.plusSeconds(5)), T.plusSeconds(5), "created", "g");
        state.caughtUp(T.plusSeconds(6).toInstant());
        assertThat(state.deliveredByBulkLoad(row)).isFalse();
    }
}
