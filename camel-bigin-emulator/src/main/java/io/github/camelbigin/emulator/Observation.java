package io.github.camelbigin.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a test reads of the emulator: the requests it received (and what they cost by Zoho's table), how many it
 * answered at once and the processor time it spent, the records as Zoho holds them, the notification channels and
 * their callbacks, the tokens minted, and what reached the emulated Zoho Books.
 */
public final class Observation {

    private final BiginEmulator emulator;
    private final Org org;
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong serverNanos = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();

    Observation(BiginEmulator emulator) {
        this.emulator = emulator;
        this.org = emulator.org();
    }

    void reset() {
        requests.clear();
        serverNanos.set(0);
        peakInFlight.set(0);
    }

    // ------------------------------------------------------------------ kept as requests come and go

    void received(RecordedRequest req) {
        requests.add(req);
    }

    void entered() {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    void left() {
        inFlight.decrementAndGet();
    }

    void spent(long nanos) {
        serverNanos.addAndGet(nanos);
    }

    /**
     * Zoho CRM: the mails sent from records ({@code send_mail}), oldest first — each the request's mail (from, to,
     * subject, content, template, …) with the {@code module}, {@code record_id} and {@code message_id}.
     */
    public List<Map<String, Object>> mails() {
        return emulator.routes().crm().mails().sent();
    }

    // ------------------------------------------------------------------ requests

    /** Every request received, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests to the Zoho API (direct or through Maton), oldest first. */
    public List<RecordedRequest> apiRequests() {
        return requests(RecordedRequest::isApi);
    }

    /** The requests to the OAuth token endpoint. */
    public List<RecordedRequest> tokenRequests() {
        return requests(r -> r.kind() == RecordedRequest.Kind.TOKEN);
    }

    public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
        return requests().stream().filter(filter).collect(Collectors.toList());
    }

    /** How many calls reached the Zoho API. */
    public long apiCalls() {
        return apiRequests().size();
    }

    /** The credits the API calls would cost by Zoho's table. */
    public long credits() {
        return apiRequests().stream().mapToLong(RecordedRequest::credits).sum();
    }

    /** Forgets the recorded requests (counts start again from 0). */
    public Observation clearRequests() {
        requests.clear();
        return this;
    }

    /**
     * The most requests the emulator was answering at once since it started or was reset (hold requests longer with
     * {@code Fault.delay(…).always()} to see a client's concurrency limit).
     */
    public int peakConcurrency() {
        return peakInFlight.get();
    }

    /**
     * Processor time the emulator's threads spent answering requests (reading, processing, writing the answer; not
     * time waiting for the client or in an injected delay), in nanoseconds: how much of a machine the emulator takes.
     */
    public long serverNanos() {
        return serverNanos.get();
    }

    /** How many access tokens were minted. */
    public long tokensMinted() {
        return emulator.oauth().minted();
    }

    // ------------------------------------------------------------------ the org

    /** One record as {@code GET /{module}/{id}} shows it. */
    public Optional<Map<String, Object>> record(String module, String id) {
        Org.ModuleData m = org.require(module);
        org.lock.readLock().lock();
        try {
            Org.StoredRecord r = org.find(m, id);
            return r == null ? Optional.empty() : Optional.of(org.render(m, r, null));
        } finally {
            org.lock.readLock().unlock();
        }
    }

    /** Every record of a module, oldest id first. */
    public List<Map<String, Object>> records(String module) {
        Org.ModuleData m = org.require(module);
        org.lock.readLock().lock();
        try {
            return m.byId.values().stream().map(r -> org.render(m, r, null)).collect(Collectors.toList());
        } finally {
            org.lock.readLock().unlock();
        }
    }

    /** How many records a module holds. */
    public int count(String module) {
        Org.ModuleData m = org.require(module);
        org.lock.readLock().lock();
        try {
            return m.byId.size();
        } finally {
            org.lock.readLock().unlock();
        }
    }

    /** How many fields a module has (its width: more than 50 take more than one request to read). */
    public int fieldCount(String module) {
        return org.require(module).spec.fields().size();
    }

    /** The ids in a module's recycle bin. */
    public List<String> deletedIds(String module) {
        Org.ModuleData m = org.require(module);
        org.lock.readLock().lock();
        try {
            return m.deleted.stream().map(d -> String.valueOf(d.id())).collect(Collectors.toList());
        } finally {
            org.lock.readLock().unlock();
        }
    }

    /** The ids of the live notification channels ({@code /actions/watch}). */
    public List<String> channelIds() {
        return emulator.watches().channelIds();
    }

    /** Every notification callback sent (or dropped) so far, oldest first. */
    public List<Callback> callbacks() {
        return emulator.watches().callbacks();
    }

    /** The contacts of the emulated Zoho Books (the seed's sync writes them; {@code /books/v3} on this address). */
    public List<Map<String, Object>> booksContacts() {
        return emulator.books().contacts();
    }
}
