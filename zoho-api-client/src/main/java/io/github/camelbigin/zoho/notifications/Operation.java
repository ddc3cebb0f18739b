package io.github.camelbigin.zoho.notifications;

import java.util.Locale;

/** What happened to the records of a notification, as the callback's {@code operation} says it. */
public enum Operation {
    insert("create"),
    update("edit"),
    delete("delete");

    private final String event;

    Operation(String event) {
        this.event = event;
    }

    /** The operation's part of an event name: {@code Contacts.create} is an insert. */
    public String event() {
        return event;
    }

    /** The operation a callback names, or null when it names none Zoho documents. */
    static Operation of(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
