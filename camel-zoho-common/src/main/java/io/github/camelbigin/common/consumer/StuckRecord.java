package io.github.camelbigin.common.consumer;

import java.time.Instant;

/**
 * A record whose exchange failed and that the feed has not moved past since: at least once means the feed stops at it
 * and delivers it again at every poll until its exchange completes. What a person needs to see it and get out: which
 * record, how many polls in a row failed on it, since when — and the way out, in every message.
 *
 * @param id       the record's id (for a useIterator=false batch, its first record's)
 * @param type     the event type (created, updated, deleted)
 * @param attempts how many polls in a row its exchange failed
 * @param since    when it first failed
 */
public record StuckRecord(String id, String type, int attempts, Instant since) {

    /** From this many failed polls in a row on one record, the endpoint's health check says DOWN. */
    public static final int UNHEALTHY_ATTEMPTS = 3;

    /** The state after an exchange of {@code id} failed, given the state before (null: the feed was moving). */
    static StuckRecord failedAgain(StuckRecord before, String id, String type, Instant now) {
        if (before != null && before.id.equals(id) && before.type.equals(type)) {
            return new StuckRecord(id, type, before.attempts + 1, before.since);
        }
        return new StuckRecord(id, type, 1, now);
    }

    /** Whether the feed has been stuck long enough to say so in the health check. */
    public boolean unhealthy() {
        return attempts >= UNHEALTHY_ATTEMPTS;
    }

    /** What the consumer's exception handler logs for this failure: the record, the attempt and the way out. */
    String failureMessage(String label) {
        String what = "The " + type + " event of " + label + " record " + id + " failed";
        if (attempts == 1) {
            return what + "; the feed delivers it again at the next poll and does not move past it until it completes";
        }
        return what + " again: attempt " + attempts + ", failing since " + since + ". The feed is stuck on it (at"
               + " least once: nothing after it is delivered) until its exchange completes. Fix the route or the"
               + " record, or park such records and go on: give the route a deadLetterChannel error handler (the"
               + " record goes to the dead letter once, handled, and the feed moves on; see docs/consumer.md,"
               + " \"A record that always fails\")";
    }
}
