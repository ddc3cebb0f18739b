package io.github.camelbigin.zoho.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The inclusive (time, ids) watermark: nothing lost at a shared second, nothing delivered twice. */
class WatermarkTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-02-06T00:28:53-08:00");

    @Test
    void theBeginningComesBeforeEveryRecord() {
        assertThat(Watermark.BEGINNING.isNew(T, "1", null)).isTrue();
        assertThat(Watermark.BEGINNING.covers(T, "1")).isFalse();
    }

    @Test
    void aRecordOfTheWatermarksSecondIsNewUnlessItsIdWasDeliveredThere() {
        Watermark w = Watermark.BEGINNING.advance(T, "1", "fp1");

        assertThat(w.isNew(T, "1", "fp1")).isFalse();
        assertThat(w.isNew(T, "2", "fp2")).isTrue(); // written later in the same second: the "+1 s" bug loses it
        assertThat(w.isNew(T.minusSeconds(1), "3", "fp3")).isFalse();
        assertThat(w.isNew(T.plusSeconds(1), "1", "fp1")).isTrue();
    }

    @Test
    void aRecordChangedAgainWithinItsSecondIsNewByItsFingerprint() {
        Watermark w = Watermark.BEGINNING.advance(T, "1", "before");

        assertThat(w.isNew(T, "1", "after")).isTrue();
        assertThat(w.isNew(T, "1", null)).isFalse(); // a feed without fingerprints goes by ids
        assertThat(w.covers(T, "1")).isTrue();
    }

    @Test
    void timesAreComparedAsInstantsWhateverTheirOffset() {
        Watermark w = Watermark.BEGINNING.advance(T, "1", null);
        OffsetDateTime sameInstantInUtc = T.withOffsetSameInstant(java.time.ZoneOffset.UTC);

        assertThat(w.isNew(sameInstantInUtc, "1", null)).isFalse();
        assertThat(w).isEqualTo(Watermark.BEGINNING.advance(sameInstantInUtc, "1", null));
    }

    @Test
    void anOlderRecordNeverMovesTheWatermarkBack() {
        Watermark w = Watermark.BEGINNING.advance(T, "1", null);

        assertThat(w.advance(T.minusSeconds(5), "9", null)).isSameAs(w);
    }

    @Test
    void aSealedSecondForgetsItsIdsAndAdmitsOnlyLaterRecords() {
        Watermark w = Watermark.BEGINNING.advance(T, "1", null).advance(T, "2", null);

        assertThat(w.sealedBefore(T.toInstant())).isSameAs(w); // not before the cut-off: still open
        Watermark sealed = w.sealedBefore(T.toInstant().plusSeconds(1));

        assertThat(sealed.sealed()).isTrue();
        assertThat(sealed.ids()).isEmpty();
        assertThat(sealed.isNew(T, "3", null)).isFalse();
        assertThat(sealed.isNew(T.plusSeconds(1), "3", null)).isTrue();
        assertThat(sealed.covers(T, "3")).isTrue();
    }

    @Test
    void theTrackerDecidesAsTheImmutableWatermarkDoes() {
        Watermark w = new Watermark(T, Map.of("1", "a"), false);
        Watermark.Tracker tracker = new Watermark.Tracker(w);

        for (String id : new String[] { "1", "2" }) {
            for (String fp : new String[] { "a", "b", null }) {
                assertThat(tracker.isNew(T, id, fp)).as(id + "/" + fp).isEqualTo(w.isNew(T, id, fp));
            }
        }
        tracker.advance(T, "2", "b");
        tracker.advance(T.plusSeconds(1), "3", "c");

        assertThat(tracker.snapshot()).isEqualTo(w.advance(T, "2", "b").advance(T.plusSeconds(1), "3", "c"));
        assertThat(tracker.size()).isEqualTo(1);
        assertThat(tracker.snapshot().sealedBefore(Instant.MAX).ids()).isEmpty();
    }
}
