package io.github.camelbigin.zoho.http;

import java.time.Clock;
import java.util.function.Function;

/**
 * The retries one call may still spend: at most {@link RetryPolicy#maxRetries()}, none past the deadline counted from
 * the first attempt. The one place that decides "wait and try again, or give up".
 */
final class RetryBudget {

    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final long deadlineMillis;
    private int retries;

    RetryBudget(RetryPolicy policy, Clock clock, Sleeper sleeper) {
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.deadlineMillis = clock.millis() + policy.deadline().toMillis();
    }

    /** Retries spent so far. */
    int retries() {
        return retries;
    }

    boolean exhausted() {
        return retries >= policy.maxRetries();
    }

    /** The backoff before the next retry (full jitter). */
    long nextBackoff() {
        return policy.backoffMillis(retries + 1);
    }

    /**
     * Waits {@code millis} and counts a retry, if a retry is left and the wait ends before the deadline; false (no
     * wait) otherwise.
     *
     * @param interrupted the exception to throw when the wait is interrupted
     */
    boolean waitToRetry(long millis, Function<InterruptedException, ZohoApiException> interrupted) {
        if (exhausted() || clock.millis() + millis >= deadlineMillis) {
            return false;
        }
        retries++;
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted.apply(e);
        }
        return true;
    }

    /** Why a failed call was not retried again, for its error message. */
    String givingUpNote(Long retryAfterMillis) {
        if (exhausted()) {
            return retries == 0 ? "not retried: maxRetries is 0" : "gave up after " + retries + " retries";
        }
        return retryAfterMillis != null
                ? "Retry-After asked for " + (retryAfterMillis / 1000) + " s, beyond the retry deadline of "
                  + policy.deadline().toSeconds() + " s; not waited for"
                : "the retry deadline of " + policy.deadline().toSeconds() + " s is reached after " + retries
                  + " retries";
    }
}
