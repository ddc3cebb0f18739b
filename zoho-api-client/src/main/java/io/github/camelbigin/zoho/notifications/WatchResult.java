package io.github.camelbigin.zoho.notifications;

/**
 * What Zoho answered for one channel of a watch call.
 *
 * @param code Zoho's code: {@code SUCCESS}, or e.g. {@code NOT_SUBSCRIBED} for a channel Zoho does not have (never
 *             enabled, deleted, or expired and collected)
 */
public record WatchResult(String channelId, boolean success, String code, String message) {

    public static final String NOT_SUBSCRIBED = "NOT_SUBSCRIBED";

    /** Whether Zoho has no such channel (any more): enable it again. */
    public boolean notSubscribed() {
        return NOT_SUBSCRIBED.equals(code);
    }
}
