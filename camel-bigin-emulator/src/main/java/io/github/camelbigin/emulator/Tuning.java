package io.github.camelbigin.emulator;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How the emulator reads Zoho where Zoho's behaviour varies or is uncertain, and how it keeps what it saw: page tokens
 * and their reach, {@code If-Modified-Since}, COQL's {@code not in}, the search index's lag, bulk jobs' size and pace,
 * tokens' lifetime and limits, the timestamps' zone, and whether requests keep their bodies and answers. Reset puts
 * the defaults back.
 */
public final class Tuning {

    private final BiginEmulator emulator;
    private volatile boolean recordBodies = true;
    private volatile boolean recordAnswers;
    private volatile int pageTokenReach;
    private volatile boolean pageTokens = true;
    private volatile boolean honorIfModifiedSince = true;
    private volatile boolean coqlNotIn = true;
    private volatile Duration searchIndexDelay = Duration.ZERO;

    Tuning(BiginEmulator emulator) {
        this.emulator = emulator;
        this.pageTokenReach = emulator.flavour().pageTokenReach;
    }

    /** Back to the defaults (what a test's reset does; whether requests keep bodies and answers stays). */
    void reset() {
        pageTokens = true;
        pageTokenReach = emulator.flavour().pageTokenReach;
        honorIfModifiedSince = true;
        coqlNotIn = true;
        searchIndexDelay = Duration.ZERO;
    }

    /** The most records one bulk-read job returns (Bigin: 200,000); lower it to test a chain of jobs with few records. */
    public Tuning bulkReadPageSize(int records) {
        emulator.routes().bulk().readPageSize = records;
        return this;
    }

    /** How long a bulk job takes before its status poll finds it COMPLETED (default 50 ms). */
    public Tuning bulkJobDelay(Duration delay) {
        emulator.routes().bulk().jobDelayMillis = delay.toMillis();
        return this;
    }

    /** The zone whose offset timestamps carry (default America/Los_Angeles: -08:00 or -07:00). */
    public Tuning zone(ZoneId zone) {
        emulator.org().zone(zone);
        return this;
    }

    /**
     * How many records a list's page tokens reach before none goes on (Zoho CRM: 100,000; Bigin: no reach known, 0);
     * lower it to test the reach with few records.
     */
    public Tuning pageTokenReach(int records) {
        this.pageTokenReach = records;
        return this;
    }

    int pageTokenReach() {
        return pageTokenReach;
    }

    /** Whether list answers hand out {@code next_page_token} (default true). Without, paging stops at 2,000. */
    public Tuning pageTokens(boolean pageTokens) {
        this.pageTokens = pageTokens;
        return this;
    }

    boolean pageTokens() {
        return pageTokens;
    }

    /** Whether {@code If-Modified-Since} filters reads (default true); false emulates a server that ignores it. */
    public Tuning honorIfModifiedSince(boolean honor) {
        this.honorIfModifiedSince = honor;
        return this;
    }

    boolean honorsIfModifiedSince() {
        return honorIfModifiedSince;
    }

    /**
     * Whether COQL takes {@code not in} (default true, as Zoho documents it with up to 50 values); false emulates a
     * server that refuses it with 400 {@code SYNTAX_ERROR}.
     */
    public Tuning coqlNotIn(boolean supported) {
        this.coqlNotIn = supported;
        return this;
    }

    boolean coqlNotIn() {
        return coqlNotIn;
    }

    /**
     * How long a created or changed record takes to reach the search index (default none; Bigin's index lags 10 to
     * 20 s behind writes, and the standalone emulator lags 10 s): search does not find it before.
     */
    public Tuning searchIndexDelay(Duration delay) {
        this.searchIndexDelay = delay;
        return this;
    }

    Duration searchIndexDelay() {
        return searchIndexDelay;
    }

    /** How long minted access tokens live (default one hour). */
    public Tuning tokenLifetime(Duration lifetime) {
        emulator.oauth().lifetime(lifetime);
        return this;
    }

    /** Zoho's minting limits: tokens per refresh token per 10 minutes (10) and alive at once (15). */
    public Tuning tokenLimits(int mintsPerTenMinutes, int maxAlive) {
        emulator.oauth().limits(mintsPerTenMinutes, maxAlive);
        return this;
    }

    /** Whether the JSON answers are kept with the requests ({@link RecordedRequest#answerJson()}); default false. */
    public Tuning recordAnswers(boolean recordAnswers) {
        this.recordAnswers = recordAnswers;
        return this;
    }

    boolean recordAnswers() {
        return recordAnswers;
    }

    /** Whether recorded requests keep their bodies (default true; benchmarks turn it off to save memory). */
    public Tuning recordBodies(boolean recordBodies) {
        this.recordBodies = recordBodies;
        return this;
    }

    boolean recordBodies() {
        return recordBodies;
    }
}
