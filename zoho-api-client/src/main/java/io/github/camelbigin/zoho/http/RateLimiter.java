package io.github.camelbigin.zoho.http;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code permits} calls in any {@code windowMillis}: a caller past that waits for the oldest call to leave the
 * window rather than spend a call on a 429. Thread-safe; one instance is shared by everything that spends the same
 * allowance (Maton's 10 requests a second per API key, Bigin's 10 bulk downloads a minute).
 * <p>
 * Internal to the engine (public only for its other packages): callers use the services of
 * {@link io.github.camelbigin.zoho.client.ZohoClient}.
 */
public final class RateLimiter {

    private final int permits;
    private final long windowMillis;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Long> recent = new ArrayDeque<>();

    public RateLimiter(int permits, long windowMillis, Clock clock, Sleeper sleeper) {
        this.permits = permits;
        this.windowMillis = windowMillis;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until a call fits in the window, and counts it. */
    public void acquire() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.millis();
                while (!recent.isEmpty() && now - recent.peekFirst() >= windowMillis) {
                    recent.pollFirst();
                }
                if (recent.size() < permits) {
                    recent.addLast(now);
                    return;
                }
                wait = windowMillis - (now - recent.peekFirst());
            }
            sleeper.sleep(Math.max(1, wait)); // outside the lock: other callers count their own waits
        }
    }
}
