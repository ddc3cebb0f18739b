package io.github.camelbigin.zoho.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.camelbigin.zoho.http.Sleeper;

/** A clock that moves only when told, and a sleeper that moves it instead of waiting: time-based tests in ms. */
public final class FakeClock extends Clock {

    private Instant now;
    private final List<Long> sleeps = new ArrayList<>();

    public FakeClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    /** Sleeps by moving the clock, and remembers each wait. */
    public Sleeper sleeper() {
        return millis -> {
            synchronized (this) {
                sleeps.add(millis);
                now = now.plusMillis(millis);
            }
        };
    }

    /** The waits asked of {@link #sleeper()}, in order. */
    public synchronized List<Long> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
