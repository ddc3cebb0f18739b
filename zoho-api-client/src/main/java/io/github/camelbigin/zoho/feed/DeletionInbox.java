package io.github.camelbigin.zoho.feed;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbigin.zoho.http.ZohoJson;
import io.github.camelbigin.zoho.records.ZohoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids of deleted records that notification callbacks announced, kept until the deleted-records list accounts for
 * them. Bigin's list reaches back at most 2,000 deletions, so after a mass deletion the older ones are out of its
 * reach; the callbacks named them all. A {@link ChangeFeed#readDeleted(Watermark, int, DeletionInbox) read} that
 * cannot reach back to its watermark hands over the announced ids it did not find, before the listed ones; a read
 * that reached back forgets the announced ids it did not find once they are older than the settle margin (they were
 * deleted before the watermark: a late callback). An id is forgotten when it is delivered, from either side, so no
 * deletion is delivered twice.
 * <p>
 * Thread-safe: callbacks announce on the HTTP server's threads while the feed reads on the poller's.
 */
public final class DeletionInbox {

    /** The most ids kept: a mass deletion of 50,000 records is announced whole; beyond that the oldest go. */
    public static final int MAX_IDS = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger(DeletionInbox.class);

    /** Id to the server time of the callback that announced it (the deletion happened then or a little before). */
    private final Map<String, Instant> announced = new LinkedHashMap<>();
    /**
     * The ids delivered last (at most {@link #MAX_IDS}): a callback that comes after its deletion was delivered from
     * the list must not announce it again, or a later read beyond the list's reach would deliver it twice.
     */
    private final Set<String> recentlyDelivered = new LinkedHashSet<>();
    private boolean overflowLogged;
    private long revision;

    /** Takes note of deleted ids a callback announced at {@code at} (Zoho's server time); true if any was new. */
    public synchronized boolean announce(Collection<String> ids, Instant at) {
        boolean added = false;
        for (String id : ids) {
            added |= !recentlyDelivered.contains(id) && announced.putIfAbsent(id, at) == null;
        }
        if (added) {
            revision++;
        }
        Iterator<String> oldest = announced.keySet().iterator();
        while (announced.size() > MAX_IDS) {
            oldest.next();
            oldest.remove();
            if (!overflowLogged) {
                overflowLogged = true;
                LOG.warn("More than {} deletions were announced and not yet delivered: the oldest announcements are"
                         + " dropped, and deletions beyond the reach of the deleted-records list may be missing",
                        MAX_IDS);
            }
        }
        return added;
    }

    public synchronized int size() {
        return announced.size();
    }

    public synchronized boolean isEmpty() {
        return announced.isEmpty();
    }

    /** A deletion was delivered (or passed over): its announcement is done. */
    public synchronized void delivered(String id) {
        if (announced.remove(id) != null) {
            revision++;
        }
        recentlyDelivered.remove(id);
        recentlyDelivered.add(id);
        if (recentlyDelivered.size() > MAX_IDS) {
            Iterator<String> oldest = recentlyDelivered.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** A number that changes whenever the inbox does: whether it needs saving again. */
    public synchronized long revision() {
        return revision;
    }

    /**
     * The announced deletions after {@code from} that a read which could not reach back to {@code from} did not list:
     * they are older than everything it listed. Each is a {@link Change} of an entry with {@code id} and
     * {@code deleted_time} (the callback's time: the list's {@code deleted_by} is beyond reach).
     */
    synchronized List<Change> beyondReach(Set<String> listed, Watermark from) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Instant> e : announced.entrySet()) {
            var time = e.getValue().atOffset(ZoneOffset.UTC);
            if (!listed.contains(e.getKey()) && from.isNew(time, e.getKey(), null)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", e.getKey());
                entry.put(DeletionReader.TIME_FIELD, ZohoTime.format(time));
                changes.add(new Change(entry, time, null));
            }
        }
        return changes;
    }

    /**
     * A read reached back to its watermark without listing these announced ids: those announced more than
     * {@code margin} before {@code readEnd} were deleted before the watermark and delivered then.
     */
    synchronized void forgetUnlisted(Set<String> listed, Instant readEnd, Duration margin) {
        Instant cutoff = readEnd.minus(margin);
        if (announced.entrySet().removeIf(e -> !listed.contains(e.getKey()) && e.getValue().isBefore(cutoff))) {
            revision++;
        }
    }

    /** The inbox as JSON, for a state repository. */
    public synchronized String toJson() {
        Map<String, String> out = new LinkedHashMap<>();
        announced.forEach((id, at) -> out.put(id, at.toString()));
        try {
            return ZohoJson.MAPPER.writeValueAsString(Map.of("version", 1, "announced", out));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@link #toJson()}; null or empty text is an empty inbox. */
    public static DeletionInbox fromJson(String json) {
        DeletionInbox inbox = new DeletionInbox();
        if (json == null || json.isBlank()) {
            return inbox;
        }
        try {
            JsonNode root = ZohoJson.MAPPER.readTree(json);
            root.path("announced").fields()
                    .forEachRemaining(e -> inbox.announced.put(e.getKey(), Instant.parse(e.getValue().asText())));
            return inbox;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The stored announced deletions cannot be read (" + e.getMessage()
                                               + "): remove them from the state repository; deletions beyond the"
                                               + " deleted-records list's reach may then be missing", e);
        }
    }

    @Override
    public synchronized String toString() {
        return "DeletionInbox[" + announced.size() + " announced]";
    }
}
