package io.github.camelbigin.emulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What goes wrong on purpose: {@link Fault}s on matching requests (429 with Retry-After, 5xx, delays, dropped
 * connections, cut bodies, HTML error pages), notification callbacks dropped, doubled, delayed or reordered, channels
 * and tokens that end early. Reset clears them.
 */
public final class Faults {

    private final BiginEmulator emulator;
    private final List<Fault> pending = new CopyOnWriteArrayList<>();

    Faults(BiginEmulator emulator) {
        this.emulator = emulator;
    }

    /** Adds faults; each fires as often as it says, on matching requests, in the order added. */
    public Faults inject(Fault... fault) {
        pending.addAll(Arrays.asList(fault));
        return this;
    }

    /** Removes every fault not yet fired. */
    public Faults clear() {
        pending.clear();
        return this;
    }

    /** The first fault that matches the request and still fires, taken; or null. */
    Fault take(RecordedRequest req) {
        for (Fault f : pending) {
            if (f.matches(req) && f.take()) {
                return f;
            }
        }
        return null;
    }

    /** Ends a notification channel now, as its expiry would: Zoho forgets it and a renewal says NOT_SUBSCRIBED. */
    public boolean expireChannel(String channelId) {
        return emulator.watches().expire(channelId);
    }

    /** Drops the next {@code n} callbacks: Zoho does not promise to deliver them. */
    public Faults dropNextCallbacks(int n) {
        emulator.watches().dropNext(n);
        return this;
    }

    /** Sends every callback twice while on. */
    public Faults duplicateCallbacks(boolean on) {
        emulator.watches().duplicate(on);
        return this;
    }

    /** Waits this long before each callback (null or zero: none). */
    public Faults delayCallbacks(Duration by) {
        emulator.watches().delay(by);
        return this;
    }

    /** Sends the next callback after the one that follows it. */
    public Faults reorderNextCallback() {
        emulator.watches().reorderNext();
        return this;
    }

    /** Invalidates every minted access token now (Zoho answers 401 INVALID_TOKEN to them). */
    public Faults expireTokens() {
        emulator.oauth().expireAll();
        return this;
    }

    /** Stops accepting a static access token (such as {@link BiginEmulator#ACCESS_TOKEN}): calls with it answer 401. */
    public Faults expireAccessToken(String token) {
        emulator.oauth().expireStaticToken(token);
        return this;
    }
}
