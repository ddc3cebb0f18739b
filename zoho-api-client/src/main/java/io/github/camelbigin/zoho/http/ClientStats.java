package io.github.camelbigin.zoho.http;

import java.util.concurrent.atomic.AtomicLong;

/** What a client has spent and done since it was created: the numbers behind credits, benchmarks and JMX. */
public final class ClientStats {

    private final AtomicLong apiCalls = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong credits = new AtomicLong();
    private final AtomicLong tokenRequests = new AtomicLong();
    private final AtomicLong recordsRead = new AtomicLong();
    private final AtomicLong recordsWritten = new AtomicLong();
    private final AtomicLong failedCalls = new AtomicLong();
    private volatile String lastError;
    private volatile ZohoApiException lastFailure;
    private volatile long lastFailureAt;
    private volatile long lastSuccessAt;

    /** HTTP requests sent to the Zoho API, retries included (token requests not included). */
    public long getApiCalls() {
        return apiCalls.get();
    }

    /** Requests that were sent again after a 429, a 5xx, an I/O error or an expired token. */
    public long getRetries() {
        return retries.get();
    }

    /** The API credits the calls cost by Zoho's published table (an estimate: Zoho keeps the real count). */
    public long getCredits() {
        return credits.get();
    }

    /** Requests made to Zoho's accounts server for an access token. */
    public long getTokenRequests() {
        return tokenRequests.get();
    }

    public long getRecordsRead() {
        return recordsRead.get();
    }

    /** Records Zoho reported as written (created, updated, upserted or deleted). */
    public long getRecordsWritten() {
        return recordsWritten.get();
    }

    /** Calls that ended in an error after all retries. */
    public long getFailedCalls() {
        return failedCalls.get();
    }

    /** The message of the last failed call, or null. */
    public String getLastError() {
        return lastError;
    }

    void apiCall(int credits) {
        apiCalls.incrementAndGet();
        this.credits.addAndGet(credits);
    }

    void retry() {
        retries.incrementAndGet();
    }

    void tokenRequest() {
        tokenRequests.incrementAndGet();
    }

    public void recordsRead(int n) {
        recordsRead.addAndGet(n);
    }

    public void recordsWritten(int n) {
        recordsWritten.addAndGet(n);
    }

    /** When a call last succeeded (epoch millis), or 0. */
    public long getLastSuccessAt() {
        return lastSuccessAt;
    }

    /** When a call last failed after its retries (epoch millis), or 0. */
    public long getLastFailureAt() {
        return lastFailureAt;
    }

    /** The last failure, or null. */
    public ZohoApiException getLastFailure() {
        return lastFailure;
    }

    void succeeded() {
        lastSuccessAt = System.currentTimeMillis();
    }

    void failed(ZohoApiException e) {
        failedCalls.incrementAndGet();
        lastError = e.getMessage();
        lastFailure = e;
        lastFailureAt = System.currentTimeMillis();
    }

    @Override
    public String toString() {
        return "apiCalls=" + getApiCalls() + ", credits=" + getCredits() + ", retries=" + getRetries()
               + ", tokenRequests=" + getTokenRequests() + ", recordsRead=" + getRecordsRead() + ", recordsWritten="
               + getRecordsWritten() + ", failedCalls=" + getFailedCalls();
    }
}
