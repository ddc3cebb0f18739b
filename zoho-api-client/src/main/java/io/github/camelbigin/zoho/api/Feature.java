package io.github.camelbigin.zoho.api;

/** What one Zoho API of the family does its own way; a {@link ZohoApi} lists the ones it has. */
public enum Feature {
    /**
     * Zoho CRM's record actions: {@code GET /{module}/actions/count}, {@code POST /{module}/actions/mass_update} and
     * external ids ({@code X-EXTERNAL}).
     */
    RECORD_ACTIONS,
    /** Removing tags sends them and the ids in a JSON body (Zoho CRM v8), not in the query (Bigin v2). */
    TAGS_IN_BODY,
    /**
     * Notes are created at {@code POST /Notes}, each naming its record in {@code Parent_Id} (Zoho CRM v8), not at
     * {@code POST /{module}/{id}/Notes} (Bigin v2).
     */
    NOTES_BY_PARENT,
    /** A notification channel may call back on edits of some fields only ({@code notification_condition}). */
    NOTIFY_CONDITION
}
