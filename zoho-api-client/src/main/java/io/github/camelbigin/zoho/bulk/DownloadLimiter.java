package io.github.camelbigin.zoho.bulk;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

import io.github.camelbigin.zoho.http.Sleeper;

/**
 * Bigin allows 10 bulk-read result downloads a minute and answers the 11th with 429: a client waits for a slot
 * instead, so a chain of jobs never spends a call on a refusal.
 */
final class DownloadLimiter {

    static final int PER_MINUTE = 10;
    private static final long MINUTE = 60_000;

    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Long> recent = new ArrayDeque<>();

    DownloadLimiter(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until a download fits in the last minute's ten, and counts it. */
    synchronized void acquire() throws InterruptedException {
        while (true) {
            long now = clock.millis();
            while (!recent.isEmpty() && now - recent.peekFirst() >= MINUTE) {
                recent.pollFirst();
            }
            if (recent.size() < PER_MINUTE) {
                recent.addLast(now);
                return;
            }
            sleeper.sleep(MINUTE - (now - recent.peekFirst()));
        }
    }
}
