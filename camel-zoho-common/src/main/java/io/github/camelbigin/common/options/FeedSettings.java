package io.github.camelbigin.common.options;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.github.camelbigin.zoho.feed.ChangeDetection;
import io.github.camelbigin.zoho.feed.ChangeFeed;
import io.github.camelbigin.zoho.feed.InitialLoadMode;
import io.github.camelbigin.zoho.feed.Watermark;

/**
 * A consumer's options, checked once when the endpoint is created and turned into what the consumer works with: the
 * events, where a new feed starts, the time field it follows, how it reads changes, its fields and its first load. The
 * consumer receives them and checks nothing again.
 */
public final class FeedSettings {

    private static final Set<String> EVENTS = Set.of("created", "updated", "deleted");

    private final Set<String> events;
    private final Watermark start;
    private final boolean startNow;
    private final ChangeDetection detection;
    private final String timeField;
    private final boolean bulkLoad;
    private final List<String> fields;

    private FeedSettings(Set<String> events, Watermark start, boolean startNow, ChangeDetection detection,
                         boolean bulkLoad, List<String> fields) {
        this.events = events;
        this.fields = fields;
        this.start = start;
        this.startNow = startNow;
        this.detection = detection;
        this.bulkLoad = bulkLoad;
        // new records only: follow Created_Time, so updates cost no calls and every record is read once
        this.timeField = events.contains("updated") ? "Modified_Time" : "Created_Time";
    }

    /** The events the consumer emits: created, updated and/or deleted. */
    public Set<String> events() {
        return events;
    }

    /** Where a feed without stored state starts (initialPosition beginning or a time); null with {@link #startNow()}. */
    public Watermark start() {
        return start;
    }

    /** initialPosition=now: the starting point is read when the route starts. */
    public boolean startNow() {
        return startNow;
    }

    public ChangeDetection detection() {
        return detection;
    }

    /** The time field the feed follows: Created_Time for created only (edits cost nothing), else Modified_Time. */
    public String timeField() {
        return timeField;
    }

    /** initialLoad=bulk: the existing records are read by bulk-read jobs first. */
    public boolean bulkLoad() {
        return bulkLoad;
    }

    /** The fields the feed reads; null: every field of the module. */
    public List<String> fields() {
        return fields;
    }

    public boolean changes() {
        return events.contains("created") || events.contains("updated");
    }

    public boolean deletions() {
        return events.contains("deleted");
    }

    static FeedSettings of(ZohoConfiguration c) {
        Set<String> events = new TreeSet<>();
        List<String> names = Lists.split(c.getEvents());
        for (String e : names == null ? List.of("created") : names) {
            String name = e.trim().toLowerCase(Locale.ROOT);
            if (!EVENTS.contains(name)) {
                throw new IllegalArgumentException("Unknown event '" + e.trim() + "' in events=" + c.getEvents()
                                                   + ": use created, updated and/or deleted");
            }
            events.add(name);
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events is empty: use created, updated and/or deleted");
        }
        String position = c.getInitialPosition() == null ? "now" : c.getInitialPosition().trim();
        Watermark start;
        boolean now = false;
        if ("now".equalsIgnoreCase(position)) {
            start = null;
            now = true;
        } else if ("beginning".equalsIgnoreCase(position)) {
            start = Watermark.BEGINNING;
        } else {
            try {
                start = Watermark.at(OffsetDateTime.parse(position));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("initialPosition '" + position + "' is not now, beginning or an"
                                                   + " ISO-8601 time with offset such as 2026-02-06T00:28:53-08:00");
            }
        }
        if (c.getMaxMessagesPerPoll() < 0) {
            throw new IllegalArgumentException("maxMessagesPerPoll " + c.getMaxMessagesPerPoll()
                                               + " is negative: use 0 for no limit");
        }
        if (c.getStateSaveEvery() < 1) {
            throw new IllegalArgumentException("stateSaveEvery " + c.getStateSaveEvery()
                                               + " is less than 1: use 1 to save after every exchange, or more");
        }
        ChangeDetection detection = c.getChangeDetection() == null ? ChangeDetection.list : c.getChangeDetection();
        ChangeFeed.checkApproval(detection, c.getApproved());
        boolean bulkLoad = c.getInitialLoad() == InitialLoadMode.bulk;
        if (bulkLoad && (start != Watermark.BEGINNING || !events.contains("created"))) {
            throw new IllegalArgumentException("initialLoad=bulk loads the records that exist when the route first"
                                               + " starts: it needs initialPosition=beginning and created among"
                                               + " the events, not initialPosition=" + position + " and events="
                                               + String.join(",", events));
        }
        return new FeedSettings(events, start, now, detection, bulkLoad, Lists.split(c.getFields()));
    }
}
