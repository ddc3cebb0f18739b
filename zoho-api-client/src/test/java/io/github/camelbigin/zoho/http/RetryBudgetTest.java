package io.github.camelbigin.zoho.http;

import java.time.Duration;
import java.time.Instant;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.testing.FakeClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one rule that decides "wait and try again, or give up", under a fake clock. */
class RetryBudgetTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofSeconds(10));

    private ZohoApiException interrupted(InterruptedException e) {
        return new ZohoApiException(ZohoApi.BIGIN_V2, "list", "Contacts", 0, "INTERRUPTED", "interrupted", null, e);
    }

    @Test
    void noMoreThanMaxRetriesAreWaitedFor() {
        RetryBudget budget = new RetryBudget(policy, clock, clock.sleeper());

        assertThat(budget.waitToRetry(10, this::interrupted)).isTrue();
        assertThat(budget.waitToRetry(10, this::interrupted)).isTrue();
        assertThat(budget.waitToRetry(10, this::interrupted)).isTrue();
        assertThat(budget.waitToRetry(10, this::interrupted)).isFalse();

        assertThat(clock.sleeps()).containsExactly(10L, 10L, 10L);
        assertThat(budget.givingUpNote(null)).isEqualTo("gave up after 3 retries");
    }

    @Test
    void aWaitThatWouldEndPastTheDeadlineIsNotStarted() {
        RetryBudget budget = new RetryBudget(policy, clock, clock.sleeper());
        clock.advance(Duration.ofSeconds(9));

        assertThat(budget.waitToRetry(1000, this::interrupted)).isFalse();

        assertThat(clock.sleeps()).isEmpty();
        assertThat(budget.givingUpNote(3_600_000L))
                .isEqualTo("Retry-After asked for 3600 s, beyond the retry deadline of 10 s; not waited for");
        assertThat(budget.givingUpNote(null)).isEqualTo("the retry deadline of 10 s is reached after 0 retries");
    }

    @Test
    void withoutRetriesTheNoteSaysSo() {
        RetryBudget budget = new RetryBudget(RetryPolicy.NONE, clock, clock.sleeper());

        assertThat(budget.waitToRetry(0, this::interrupted)).isFalse();
        assertThat(budget.givingUpNote(null)).isEqualTo("not retried: maxRetries is 0");
    }

    @Test
    void backoffIsFullJitterUnderTheExponentialBoundAndTheCap() {
        RetryBudget budget = new RetryBudget(policy, clock, clock.sleeper());
        for (int i = 0; i < 200; i++) {
            assertThat(budget.nextBackoff()).isBetween(0L, 100L);
        }
        budget.waitToRetry(0, this::interrupted);
        budget.waitToRetry(0, this::interrupted);
        budget.waitToRetry(0, this::interrupted);
        for (int i = 0; i < 200; i++) {
            assertThat(budget.nextBackoff()).isBetween(0L, 800L); // 100 ms × 2^3, under the 1 s cap
        }
    }

    @Test
    void anInterruptedWaitFailsTheCallAndKeepsTheInterruptFlag() {
        RetryBudget budget = new RetryBudget(policy, clock, millis -> {
            throw new InterruptedException();
        });

        assertThatThrownBy(() -> budget.waitToRetry(10, this::interrupted)).isInstanceOf(ZohoApiException.class)
                .hasMessageContaining("INTERRUPTED").hasCauseInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isTrue();
    }
}
