package io.github.camelbigin.common.consumer;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.camelbigin.zoho.credits.CreditBudgetExceededException;
import io.github.camelbigin.zoho.http.ZohoApiException;
import org.apache.camel.health.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a scheduled poll may call Zoho: not while backing off a failure only a person can fix (unknown module,
 * refused credentials, no scope: 1, 2, 4 … up to 32 polls skipped, each sparing a call that would fail again), and not
 * while the connection's credit budget is spent (until credits free up).
 */
final class PollGate {

    private static final Logger LOG = LoggerFactory.getLogger(PollGate.class);
    private static final int MAX_POLLS_SKIPPED = 32;

    private final String label;
    private final Supplier<Instant> now;
    private int permanentFailures;
    private int pollsToSkip;
    private volatile Instant pausedUntil;

    /** @param now the clock credit budgets go by (the component's: a test may give it a fake one) */
    PollGate(String label, Supplier<Instant> now) {
        this.label = label;
        this.now = now;
    }

    /** Whether this poll may call Zoho. */
    boolean open() {
        if (pollsToSkip > 0) {
            pollsToSkip--;
            return false;
        }
        Instant paused = pausedUntil;
        if (paused != null) {
            if (now.get().isBefore(paused)) {
                return false;
            }
            LOG.info("{} resumes: credits have freed up", label);
            pausedUntil = null;
        }
        return true;
    }

    /** A poll succeeded: whether it ended a run of permanent failures (the same failure later is news again). */
    boolean succeeded() {
        boolean recovered = permanentFailures > 0;
        permanentFailures = 0;
        return recovered;
    }

    /** The budget is the user's own ceiling, not a failure: wait for it rather than spend past it. */
    void paused(CreditBudgetExceededException e) {
        pausedUntil = e.freeAt();
        LOG.warn("{} pauses until {}: {}", label, pausedUntil, e.getMessage());
    }

    /** A poll failed: a failure only a person can fix backs the next polls off. */
    void failed(ZohoApiException e) {
        if (!e.isTransient()) {
            pollsToSkip = Math.min(1 << Math.min(permanentFailures, 5), MAX_POLLS_SKIPPED) - 1;
            permanentFailures++;
        }
    }

    /** While the credit budget is spent: when polls resume; else null. */
    Instant pausedUntil() {
        return pausedUntil;
    }

    /**
     * A failed poll's details with the HTTP status of a failed call, as Camel adds for exceptions that are
     * {@code HttpResponseAware} (the engine's exceptions know no Camel interface).
     */
    static Map<String, Object> errorDetails(Map<String, Object> details, Throwable lastError) {
        if (lastError instanceof ZohoApiException e && e.getStatusCode() > 0
            && (details == null || !details.containsKey(HealthCheck.HTTP_RESPONSE_CODE))) {
            Map<String, Object> more = details == null ? new HashMap<>() : new HashMap<>(details);
            more.put(HealthCheck.HTTP_RESPONSE_CODE, e.getStatusCode());
            return more;
        }
        return details;
    }

    void reset() {
        permanentFailures = 0;
        pollsToSkip = 0;
    }
}
