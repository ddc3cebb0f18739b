package io.github.camelbigin.zoho.notifications;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelbigin.zoho.records.ZohoTime;

/**
 * A notification channel: Zoho POSTs the ids of changed records to {@code notifyUrl} for each of its {@code events}
 * ({@code Contacts.create}, {@code Contacts.edit}, {@code Contacts.delete} or {@code Contacts.all}) until
 * {@code expiry}, echoing {@code token} so the receiver can tell the callback is Zoho's. The token is a secret: it is
 * not in {@link #toString()}.
 *
 * @param id        a positive number written as a string (Zoho's channel ids are longs)
 * @param events    {@code Module.operation} names
 * @param notifyUrl where Zoho POSTs; http or https
 * @param token     echoed in every callback, at most {@value #MAX_TOKEN_LENGTH} characters; may be null
 * @param expiry    when the channel ends (Zoho allows at most a day ahead); null only in a channel Zoho listed without
 * @param notifyFields the fields whose changes alone call back on an edit (Zoho CRM's {@code notification_condition},
 *                  at most {@value #MAX_NOTIFY_FIELDS}); empty: any change does
 */
public record Channel(String id, List<String> events, URI notifyUrl, String token, OffsetDateTime expiry,
                      List<String> notifyFields) {

    public static final int MAX_TOKEN_LENGTH = 50;
    /** The most fields a channel's condition names (Zoho CRM). */
    public static final int MAX_NOTIFY_FIELDS = 10;
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern EVENT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*\\.(create|edit|delete|all)");

    public Channel {
        if (!isChannelId(id)) {
            throw new IllegalArgumentException("A notification channel id is a positive number of at most 19 digits,"
                                               + " not '" + id + "'");
        }
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("Notification channel " + id + " needs at least one event, such as"
                                               + " Contacts.create");
        }
        for (String event : events) {
            if (event == null || !EVENT.matcher(event).matches()) {
                throw new IllegalArgumentException("'" + event + "' is no notification event: write Module.operation"
                                                   + " with operation create, edit, delete or all (e.g. Contacts.edit)");
            }
        }
        if (notifyUrl == null || !("http".equals(notifyUrl.getScheme()) || "https".equals(notifyUrl.getScheme()))) {
            throw new IllegalArgumentException("A notification channel's notify URL must be http or https, not '"
                                               + notifyUrl + "'");
        }
        if (token != null && token.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("A notification channel's token has at most " + MAX_TOKEN_LENGTH
                                               + " characters; this one has " + token.length());
        }
        events = List.copyOf(events);
        notifyFields = notifyFields == null ? List.of() : List.copyOf(notifyFields);
        if (notifyFields.size() > MAX_NOTIFY_FIELDS) {
            throw new IllegalArgumentException("A notification channel's condition names at most " + MAX_NOTIFY_FIELDS
                                               + " fields, not " + notifyFields.size() + " (" + notifyFields + ")");
        }
    }

    /** A channel any change calls back for. */
    public Channel(String id, List<String> events, URI notifyUrl, String token, OffsetDateTime expiry) {
        this(id, events, notifyUrl, token, expiry, List.of());
    }

    /** Whether Zoho takes this as a channel id: a positive number of at most 19 digits, without a leading zero. */
    public static boolean isChannelId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The event names of {@code module} for these operations, e.g. {@code Contacts.create, Contacts.edit}. */
    public static List<String> events(String module, Collection<Operation> operations) {
        List<String> events = new ArrayList<>();
        for (Operation op : operations) {
            events.add(module + "." + op.event());
        }
        return events;
    }

    /** This channel with another expiry. */
    public Channel expiring(OffsetDateTime at) {
        return new Channel(id, events, notifyUrl, token, at, notifyFields);
    }

    /** The channel as Zoho's watch requests spell it. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("channel_id", id);
        json.put("events", events);
        json.put("notify_url", notifyUrl.toString());
        // a note or attachment added to a record changes no field the feed reads: no callback, no poll for nothing
        // (Zoho CRM calls back on related actions unless told not to)
        json.put("notify_on_related_action", false);
        if (token != null) {
            json.put("token", token);
        }
        if (expiry != null) {
            json.put("channel_expiry", ZohoTime.format(expiry));
        }
        if (!notifyFields.isEmpty()) {
            // an edit calls back only when one of these fields changed: the other edits wait for the safety-net poll
            List<Map<String, Object>> conditions = new ArrayList<>();
            for (String module : events.stream().map(e -> e.substring(0, e.indexOf('.'))).distinct().toList()) {
                List<Map<String, Object>> fields = notifyFields.stream()
                        .map(f -> Map.<String, Object>of("field", Map.of("api_name", f))).toList();
                Map<String, Object> condition = new LinkedHashMap<>();
                condition.put("type", "field_selection");
                condition.put("module", Map.of("api_name", module));
                condition.put("field_selection", fields.size() == 1 ? fields.get(0)
                        : Map.of("group_operator", "or", "group", fields));
                conditions.add(condition);
            }
            json.put("notification_condition", conditions);
        }
        return json;
    }

    @Override
    public String toString() {
        return "Channel[" + id + ", " + events + ", " + notifyUrl + ", expires " + expiry + "]";
    }
}
