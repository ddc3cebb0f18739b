package io.github.camelbigin.common.options;

import java.util.concurrent.TimeUnit;

import org.apache.camel.support.ScheduledPollEndpoint;
import org.slf4j.Logger;

/**
 * The scheduler and timing options of an endpoint, checked at endpoint creation: a value that makes no sense (a delay of
 * zero or less polls as fast as the scheduler can, a credit day gone in an hour) is refused naming the value and what
 * polls cost a day; a fast but possible one is said once at start.
 */
public final class PollSchedule {

    private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);
    /** Below this delay, a consumer says at start what its polls cost a day: more than a free org's 5,000 credits. */
    static final long FAST_DELAY_MILLIS = DAY_MILLIS / 5_000;

    private PollSchedule() {
    }

    /** Fails on the scheduler options that make no sense. */
    static void check(ScheduledPollEndpoint endpoint, ZohoConfiguration c) {
        long delay = millis(endpoint, endpoint.getDelay());
        if (delay <= 0) {
            throw new IllegalArgumentException("delay=" + endpoint.getDelay() + " would poll as fast as the scheduler"
                                               + " can, each poll at least one API call (a 5,000-credit day gone in"
                                               + " under an hour): give the time between polls, e.g. delay=60000"
                                               + " (1,440 calls a day when idle), or use notifications=true");
        }
        if (endpoint.getInitialDelay() < 0) {
            throw new IllegalArgumentException("initialDelay=" + endpoint.getInitialDelay() + " is negative: give the"
                                               + " milliseconds before the first poll (0: at once)");
        }
        if (endpoint.getRepeatCount() < 0) {
            throw new IllegalArgumentException("repeatCount=" + endpoint.getRepeatCount() + " is negative: give how"
                                               + " many polls to run, or 0 for no limit");
        }
        if (endpoint.getBackoffMultiplier() < 0 || endpoint.getBackoffIdleThreshold() < 0
            || endpoint.getBackoffErrorThreshold() < 0) {
            throw new IllegalArgumentException("backoffMultiplier=" + endpoint.getBackoffMultiplier()
                                               + ", backoffIdleThreshold=" + endpoint.getBackoffIdleThreshold()
                                               + " and backoffErrorThreshold=" + endpoint.getBackoffErrorThreshold()
                                               + " must not be negative: 0 turns backing off off");
        }
        positive("bulkTimeout", c.getBulkTimeout());
        positive("connectTimeout", c.getConnectTimeout());
        positive("socketTimeout", c.getSocketTimeout());
        positive("connectionTimeout", c.getConnectionTimeout());
        positive("retryMaxDelay", c.getRetryMaxDelay());
        positive("retryDeadline", c.getRetryDeadline());
        if (c.getRetryInitialDelay() < 0 || c.getRetryInitialDelay() > c.getRetryMaxDelay()) {
            throw new IllegalArgumentException("retryInitialDelay=" + c.getRetryInitialDelay() + " ms must be from 0 to"
                                               + " retryMaxDelay (" + c.getRetryMaxDelay() + " ms)");
        }
    }

    /** At a polling consumer's start: a delay that spends more than a free org's credits a day is said once. */
    public static void warnIfCostly(ScheduledPollEndpoint endpoint, String label, Logger log) {
        long delay = millis(endpoint, endpoint.getDelay());
        if (delay < FAST_DELAY_MILLIS) {
            log.warn("{} polls every {} ms: at least {} calls a day, more than a free Zoho org's 5,000 credits."
                     + " Use a longer delay or notifications=true against a real org.", label, delay,
                    String.format("%,d", DAY_MILLIS / delay));
        }
    }

    private static long millis(ScheduledPollEndpoint endpoint, long value) {
        TimeUnit unit = endpoint.getTimeUnit() == null ? TimeUnit.MILLISECONDS : endpoint.getTimeUnit();
        return unit.toMillis(value);
    }

    private static void positive(String option, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException(option + "=" + millis + " ms is not a duration: give a positive number"
                                               + " of milliseconds, or leave it unset for the default");
        }
    }
}
