package io.github.camelbigin.zoho.credits;

import java.time.Instant;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ZohoApiException;

/** A call refused before it was sent: it would have passed the connection's credit budget. */
public final class CreditBudgetExceededException extends ZohoApiException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "CREDIT_BUDGET_EXCEEDED";

    private final transient Instant freeAt;
    private final long budget;
    private final long spent;

    CreditBudgetExceededException(ZohoApi api, String operation, String module, long budget, long spent, int cost,
                                  Instant freeAt) {
        super(api, operation, module, 0, CODE, "not sent: it costs " + cost + " credit" + (cost == 1 ? "" : "s")
                + " and the creditBudget of " + budget + " credits a day is " + (spent >= budget ? "spent" : "nearly"
                + " spent") + " (" + spent + " in the last 24 hours); credits free up at " + freeAt, null, null);
        this.freeAt = freeAt;
        this.budget = budget;
        this.spent = spent;
    }

    /** When enough credits leave the 24-hour window for the refused call. */
    public Instant freeAt() {
        return freeAt;
    }

    public long budget() {
        return budget;
    }

    public long spent() {
        return spent;
    }
}
