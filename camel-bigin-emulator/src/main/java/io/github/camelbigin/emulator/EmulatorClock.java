package io.github.camelbigin.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The emulator's clock: the system clock by default; tests can freeze it, set it and move it, e.g. to make many
 * records share one {@code Modified_Time} second or to let access tokens expire.
 */
public final class EmulatorClock extends Clock {

    private final ZoneId zone;
    private volatile Instant fixed;
    private volatile Duration offset = Duration.ZERO;

    public EmulatorClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        EmulatorClock c = new EmulatorClock(zone);
        c.fixed = fixed;
        c.offset = offset;
        return c;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now().plus(offset);
    }

    /** Stops the clock at its current instant. */
    public EmulatorClock freeze() {
        fixed = instant();
        return this;
    }

    /** Stops the clock at {@code at}. */
    public EmulatorClock freezeAt(Instant at) {
        fixed = at;
        return this;
    }

    /** Moves the clock forward (frozen or running). */
    public EmulatorClock advance(Duration by) {
        Instant f = fixed;
        if (f != null) {
            fixed = f.plus(by);
        } else {
            offset = offset.plus(by);
        }
        return this;
    }

    /** Back to real time. */
    public EmulatorClock reset() {
        fixed = null;
        offset = Duration.ZERO;
        return this;
    }

    /** Lets the clock run again from where it stands. */
    public EmulatorClock unfreeze() {
        Instant f = fixed;
        if (f != null) {
            offset = Duration.between(Instant.now(), f);
            fixed = null;
        }
        return this;
    }
}
