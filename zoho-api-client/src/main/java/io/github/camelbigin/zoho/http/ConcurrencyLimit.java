package io.github.camelbigin.zoho.http;

import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * How many calls may be in flight at once: Zoho CRM answers 429 past its edition's concurrency limit, and past a
 * sub-limit of 10 for heavy calls (searches, COQL, writes of more than 10 records, reads of a custom view: the calls
 * worth more than a credit). Waiting here for a slot costs nothing; a 429 costs a retry and its wait.
 */
public final class ConcurrencyLimit {

    /** The sub-limit of heavy calls Zoho CRM documents for every edition. */
    public static final int HEAVY_CALLS = 10;

    private static final Set<String> HEAVY_OPERATIONS = Set.of("search", "coql");

    private final int calls;
    private final Semaphore all;
    private final Semaphore heavy;

    /** @param calls the most calls in flight at once; heavy ones are held to the lesser of it and 10 */
    public ConcurrencyLimit(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("A concurrency limit of " + calls + " calls lets no call through: give"
                                               + " at least 1");
        }
        this.calls = calls;
        this.all = new Semaphore(calls, true);
        this.heavy = new Semaphore(Math.min(calls, HEAVY_CALLS), true);
    }

    public int calls() {
        return calls;
    }

    static boolean heavy(ApiRequest request) {
        return HEAVY_OPERATIONS.contains(request.operation()) || request.credits() > 1;
    }

    /** Waits for a slot for this request; the returned slot is closed when the answer is in. */
    Slot acquire(ApiRequest request) throws InterruptedException {
        boolean isHeavy = heavy(request);
        if (isHeavy) {
            heavy.acquire();
        }
        try {
            all.acquire();
        } catch (InterruptedException e) {
            if (isHeavy) {
                heavy.release();
            }
            throw e;
        }
        return () -> {
            all.release();
            if (isHeavy) {
                heavy.release();
            }
        };
    }

    /** A slot held while a call is in flight; closing it twice is a bug. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** Calls in flight now (for tests and the dev console). */
    public int inFlight() {
        return calls - all.availablePermits();
    }
}
