package io.github.camelbigin.common.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * When a push-mode consumer polls: at once after a callback woke it, else every reconcile interval as the safety net
 * (sooner after a failure, or when a poll held records back until a time). A burst of callbacks wakes one poll. The
 * consumer asks at every tick; nothing here calls the consumer.
 */
public final class WakeUps {

    /** How often the consumer asks whether a poll is due: the latency a callback adds at most. */
    public static final long TICK_MILLIS = 200;
    /** Why a poll runs: a callback came. */
    public static final String NOTIFICATION = "notification";
    /** Why a poll runs: the safety net's interval passed. */
    public static final String RECONCILIATION = "reconciliation";
    /** After a failed poll, the next comes this soon at the latest (or at the next callback). */
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(30);

    private final AtomicBoolean woken = new AtomicBoolean();
    private final Duration reconcile;
    private final Supplier<Instant> serverTime;
    private final Clock clock;
    private volatile Instant nextPoll;

    /**
     * @param reconcile  the safety net's interval
     * @param serverTime Zoho's clock, which a poll's wish to read again at a time is given in
     * @param clock      the component's clock, which the schedule goes by
     */
    public WakeUps(Duration reconcile, Supplier<Instant> serverTime, Clock clock) {
        this.reconcile = reconcile;
        this.serverTime = serverTime;
        this.clock = clock;
        this.nextPoll = clock.instant(); // the first poll is due at once
    }

    /** A callback came: the next tick polls. */
    public void wake() {
        woken.set(true);
    }

    /** Why a poll is due now — a callback came, or the reconcile interval passed — or null when none is. */
    public String due() {
        if (woken.getAndSet(false)) {
            return NOTIFICATION;
        }
        return clock.instant().isBefore(nextPoll) ? null : RECONCILIATION;
    }

    /**
     * A poll ended: the next reconciliation comes a full interval later, or sooner after a failure, or at
     * {@code readAgainAt} (Zoho's clock; null: no such wish) when the poll held records back until then.
     */
    public void polled(boolean succeeded, Instant readAgainAt) {
        Duration next = succeeded || reconcile.compareTo(AFTER_FAILURE) < 0 ? reconcile : AFTER_FAILURE;
        if (readAgainAt != null) {
            Duration wait = Duration.between(serverTime.get(), readAgainAt);
            next = wait.isNegative() ? Duration.ZERO : wait.compareTo(next) < 0 ? wait : next;
        }
        nextPoll = clock.instant().plus(next);
    }
}
