package io.github.camelbigin.zoho.credits;

/**
 * Zoho CRM's editions with their API credits over a rolling 24 h and their concurrency limits (docs/zohocrm-api.md,
 * from Zoho's "API Limits" page): credits = base + per user × licences, capped; heavy calls are further held to 10.
 */
public enum CrmEdition {
    FREE(5_000, 0, 5_000, 5),
    STANDARD(50_000, 250, 100_000, 10),
    PROFESSIONAL(50_000, 500, 3_000_000, 15),
    ENTERPRISE(50_000, 1_000, 5_000_000, 20),
    ULTIMATE(50_000, 2_000, Long.MAX_VALUE, 25);

    private final long base;
    private final long perUser;
    private final long cap;
    private final int concurrency;

    CrmEdition(long base, long perUser, long cap, int concurrency) {
        this.base = base;
        this.perUser = perUser;
        this.cap = cap;
        this.concurrency = concurrency;
    }

    /** The credits a day of an org with this many user licences (add-on credits not counted). */
    public long dailyCredits(int users) {
        return Math.min(cap, base + perUser * Math.max(0, users));
    }

    /** The most calls the org's connected app may have in flight at once. */
    public int concurrency() {
        return concurrency;
    }
}
