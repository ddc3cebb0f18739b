package io.github.camelbigin.zoho.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How failed calls are retried: exponential backoff with full jitter (a random wait between zero and
 * {@code initialDelay × 2^(n-1)}, at most {@code maxDelay}), at most {@code maxRetries} times, and never past
 * {@code deadline} counted from the first attempt. A {@code Retry-After} from Zoho replaces the computed wait, unless
 * it would pass the deadline: then the call fails at once with the server's answer rather than stalling the route.
 */
public final class RetryPolicy {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30),
                                                              Duration.ofMinutes(2));
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration deadline;

    public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration deadline) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.deadline = deadline;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration initialDelay() {
        return initialDelay;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    public Duration deadline() {
        return deadline;
    }

    /** The wait before retry number {@code retry} (1 for the first retry): full jitter over the exponential bound. */
    public long backoffMillis(int retry) {
        long base = initialDelay.toMillis();
        long cap = maxDelay.toMillis();
        long bound = base << Math.min(retry - 1, 30);
        if (bound <= 0 || bound > cap) {
            bound = cap;
        }
        return bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1);
    }
}
