package io.github.camelbigin.zoho.credits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.CallBudget;

/**
 * A ceiling on the credits one connection spends over Zoho's rolling 24 hours, below the org's own daily allowance:
 * every call counts its credits (bigin-api.md's table) before it is sent, and a call that would pass the budget is
 * refused unsent, with when credits free up. Shared by every endpoint of the connection; kept in a {@link Store} so a
 * restart does not forget the day (written at most every few seconds, and on close).
 */
public final class CreditBudget implements CallBudget, AutoCloseable {

    /** Where the ledger lives between runs (a Camel StateRepository, in the component). */
    public interface Store {
        String load();

        void save(String ledgerJson);
    }

    static final Duration SAVE_EVERY = Duration.ofSeconds(5);

    private final ZohoApi api;
    private final long budget;
    private final Clock clock;
    private final Store store;
    private final CreditLedger ledger;
    private Instant savedAt = Instant.MIN;
    private boolean dirty;

    /** @param budget the most credits in 24 hours (at least 1) */
    public CreditBudget(ZohoApi api, long budget, Clock clock, Store store) {
        if (budget < 1) {
            throw new IllegalArgumentException("creditBudget " + budget + " is below 1: leave it unset (0) for no"
                                               + " budget");
        }
        this.api = api;
        this.budget = budget;
        this.clock = clock;
        this.store = store;
        this.ledger = CreditLedger.fromJson(store == null ? null : store.load());
    }

    /**
     * Counts a call's credits, or refuses it.
     *
     * @throws CreditBudgetExceededException when the call would pass the budget (nothing is counted)
     */
    @Override
    public synchronized void spend(int credits, String operation, String module) {
        Instant now = clock.instant();
        long spent = ledger.spent(now);
        if (spent + credits > budget) {
            throw new CreditBudgetExceededException(api, operation, module, budget, spent, credits,
                    ledger.freeAt(budget, credits, now));
        }
        ledger.add(credits, now);
        dirty = true;
        saveIfDue(now);
    }

    /** Gives back the credits of a call Zoho does not charge (refused with 401, 429 or 5xx, or never sent). */
    @Override
    public synchronized void refund(int credits) {
        if (credits > 0) {
            ledger.add(-credits, clock.instant());
            dirty = true;
        }
    }

    public long budget() {
        return budget;
    }

    /** Credits spent in the last 24 hours. */
    public synchronized long spent() {
        return Math.max(0, ledger.spent(clock.instant()));
    }

    public synchronized long remaining() {
        return Math.max(0, budget - spent());
    }

    private void saveIfDue(Instant now) {
        if (store != null && dirty && Duration.between(savedAt, now).compareTo(SAVE_EVERY) >= 0) {
            store.save(ledger.toJson());
            savedAt = now;
            dirty = false;
        }
    }

    /** Writes what is not written yet. */
    public synchronized void flush() {
        if (store != null && dirty) {
            store.save(ledger.toJson());
            savedAt = clock.instant();
            dirty = false;
        }
    }

    @Override
    public void close() {
        flush();
    }

    @Override
    public synchronized String toString() {
        return "CreditBudget[" + spent() + " of " + budget + " credits in 24 h]";
    }
}
