package io.github.camelbigin.emulator;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault the emulator injects into matching requests: an error status (with {@code Retry-After}), a delay, a dropped
 * connection (before or after the request was processed), an answer cut off mid-body, an HTML error page, or a body
 * that is not JSON. Each fault fires a given number of times, then the emulator answers normally again.
 */
public final class Fault {

    /** What happens. */
    public enum Type {
        STATUS, DELAY, DROP_BEFORE, DROP_AFTER, CUT_BODY, HTML, MALFORMED, EXPIRE_TOKENS, ACTION
    }

    final Type type;
    final int status;
    final String code;
    final Integer retryAfterSeconds;
    final long delayMillis;
    private Runnable action;
    private String method;
    private String pathPrefix;
    private RecordedRequest.Kind kind;
    private final AtomicInteger remaining = new AtomicInteger(1);
    private final AtomicInteger skip = new AtomicInteger();
    private volatile double rate = 1.0;

    private Fault(Type type, int status, String code, Integer retryAfterSeconds, long delayMillis) {
        this.type = type;
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.delayMillis = delayMillis;
    }

    /** Answers with this status and a Bigin error body (429: {@code TOO_MANY_REQUESTS}; 5xx: {@code INTERNAL_ERROR}). */
    public static Fault status(int status) {
        String code = status == 429 ? "TOO_MANY_REQUESTS" : status >= 500 ? "INTERNAL_ERROR" : "INVALID_REQUEST";
        return new Fault(Type.STATUS, status, code, null, 0);
    }

    /** A 429 with a {@code Retry-After} in seconds. */
    public static Fault tooManyRequests(int retryAfterSeconds) {
        return new Fault(Type.STATUS, 429, "TOO_MANY_REQUESTS", retryAfterSeconds, 0);
    }

    /** Waits before answering normally (to pass a client's socket timeout). */
    public static Fault delay(long millis) {
        return new Fault(Type.DELAY, 0, null, null, millis);
    }

    /** Closes the connection without processing the request or answering. */
    public static Fault dropConnection() {
        return new Fault(Type.DROP_BEFORE, 0, null, null, 0);
    }

    /** Processes the request (records are written), then closes the connection without answering. */
    public static Fault dropAfterProcessing() {
        return new Fault(Type.DROP_AFTER, 0, null, null, 0);
    }

    /** Processes the request, then sends half of the answer's body and closes the connection. */
    public static Fault cutBody() {
        return new Fault(Type.CUT_BODY, 0, null, null, 0);
    }

    /** Answers with an HTML error page, as a proxy in front of Bigin would. */
    public static Fault htmlPage(int status) {
        return new Fault(Type.HTML, status, null, null, 0);
    }

    /** Answers 200 with a body that is not JSON. */
    public static Fault malformedJson() {
        return new Fault(Type.MALFORMED, 200, null, null, 0);
    }

    /** Expires every access token just before the request is checked (it then gets 401 INVALID_TOKEN). */
    public static Fault expireTokens() {
        return new Fault(Type.EXPIRE_TOKENS, 0, null, null, 0);
    }

    /** Fires on a random share of the matching requests (0 to 1; default 1: every one), for load tests. */
    public Fault rate(double share) {
        this.rate = share;
        return this;
    }

    /**
     * Runs {@code action} just before the request is processed (then answers normally): e.g. a user changing a record
     * in the middle of a paged read.
     */
    public static Fault action(Runnable action) {
        Fault f = new Fault(Type.ACTION, 0, null, null, 0);
        f.action = action;
        return f;
    }

    Runnable action() {
        return action;
    }

    /** Lets the first {@code n} matching requests pass before firing. */
    public Fault after(int n) {
        skip.set(n);
        return this;
    }

    /** Only requests with this method. */
    public Fault on(String method) {
        this.method = method.toUpperCase(Locale.ROOT);
        return this;
    }

    /** Only requests with this method whose API path starts with {@code pathPrefix} (e.g. {@code /Contacts}). */
    public Fault on(String method, String pathPrefix) {
        this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
        this.pathPrefix = pathPrefix;
        return this;
    }

    /** Only token requests (the OAuth endpoint). */
    public Fault onTokenEndpoint() {
        this.kind = RecordedRequest.Kind.TOKEN;
        return this;
    }

    /** Fires this many times (default once). */
    public Fault times(int times) {
        remaining.set(times);
        return this;
    }

    /** Fires on every matching request until the plan is cleared. */
    public Fault always() {
        remaining.set(Integer.MAX_VALUE);
        return this;
    }

    int remaining() {
        return remaining.get();
    }

    boolean matches(RecordedRequest r) {
        if (kind != null ? r.kind() != kind : !r.isApi()) {
            return false;
        }
        if (method != null && !method.equals(r.method())) {
            return false;
        }
        return pathPrefix == null || r.apiPath().startsWith(pathPrefix);
    }

    /** Takes one firing if any is left (after the requests to let pass, and by chance when a rate is set). */
    boolean take() {
        if (rate < 1.0 && java.util.concurrent.ThreadLocalRandom.current().nextDouble() >= rate) {
            return false;
        }
        while (true) {
            int pass = skip.get();
            if (pass <= 0) {
                break;
            }
            if (skip.compareAndSet(pass, pass - 1)) {
                return false;
            }
        }
        while (true) {
            int left = remaining.get();
            if (left <= 0) {
                return false;
            }
            if (left == Integer.MAX_VALUE || remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    @Override
    public String toString() {
        return type + (status > 0 ? " " + status : "") + (method != null ? " on " + method : "")
               + (pathPrefix != null ? " " + pathPrefix : "");
    }
}
