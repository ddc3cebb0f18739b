package io.github.camelbigin.component;

import java.net.URI;
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
import io.github.camelbigin.zoho.notifications.Channel;

/**
 * A consumer's options, checked once when the endpoint is created and turned into what the consumer works with: the
 * events, where a new feed starts, the time field it follows, how it reads changes and its first load. The consumer
 * receives them and checks nothing again.
 */
final class FeedSettings {

    private static final Set<String> EVENTS = Set.of("created", "updated", "deleted");

    final Set<String> events;
    final Watermark start;
    final boolean startNow;
    final ChangeDetection detection;
    final String timeField;
    final boolean bulkLoad;

    private FeedSettings(Set<String> events, Watermark start, boolean startNow, ChangeDetection detection,
                         boolean bulkLoad) {
        this.events = events;
        this.start = start;
        this.startNow = startNow;
        this.detection = detection;
        this.bulkLoad = bulkLoad;
        // new records only: follow Created_Time, so updates cost no calls and every record is read once
        this.timeField = events.contains("updated") ? "Modified_Time" : "Created_Time";
    }

    boolean changes() {
        return events.contains("created") || events.contains("updated");
    }

    boolean deletions() {
        return events.contains("deleted");
    }

    static FeedSettings of(BiginConfiguration c) {
        Set<String> events = new TreeSet<>();
        List<String> names = BiginConfiguration.splitList(c.getEvents());
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
        if (c.isNotifications()) {
            checkPush(c);
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
        return new FeedSettings(events, start, now, detection, bulkLoad);
    }

    /** The push-mode options. */
    private static void checkPush(BiginConfiguration c) {
        String url = c.getNotifyUrl();
        URI uri;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            || uri.getHost() == null) {
            throw new IllegalArgumentException("notifications=true needs notifyUrl, the public http(s) URL Bigin POSTs"
                                               + " its callbacks to (e.g. https://hooks.example.com/bigin/contacts),"
                                               + " not '" + url + "'");
        }
        if (c.getChannelId() != null && !Channel.isChannelId(c.getChannelId())) {
            throw new IllegalArgumentException("channelId '" + c.getChannelId() + "' is not a positive number of at"
                                               + " most 19 digits: leave it unset to have one derived");
        }
        List<String> notifyFields = BiginConfiguration.splitList(c.getNotifyFields());
        if (notifyFields != null && notifyFields.size() > Channel.MAX_NOTIFY_FIELDS) {
            throw new IllegalArgumentException("notifyFields names " + notifyFields.size() + " fields ("
                                               + c.getNotifyFields() + "): a channel's condition takes at most "
                                               + Channel.MAX_NOTIFY_FIELDS);
        }
        if (c.getReconcileInterval() < 1000) {
            throw new IllegalArgumentException("reconcileInterval " + c.getReconcileInterval() + " ms is below one"
                                               + " second: it is the safety net's interval (default 15 minutes)");
        }
    }
}
