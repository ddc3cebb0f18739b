package io.github.camelbigin.zoho.api;

/** What one Zoho API of the family does its own way; a {@link ZohoApi} lists the ones it has. */
public enum Feature {
    /**
     * Zoho CRM's record actions: {@code GET /{module}/actions/count}, {@code POST /{module}/actions/mass_update},
     * external ids ({@code X-EXTERNAL}), lead conversion, owner changes, blueprint transitions and mail sent from a
     * record ({@code /{module}/{id}/actions/…}).
     */
    RECORD_ACTIONS,
    /**
     * Records carry subforms (line items: a Quote's {@code Quoted_Items}); an update that sends a subform without its
     * existing rows' ids replaces them (Zoho CRM v8).
     */
    SUBFORMS,
    /** The org's recycle bin ({@code /settings/recycle_bin}): listed, restored, emptied (Zoho CRM v8). */
    RECYCLE_BIN,
    /** Up to five calls in one ({@code POST /__composite_requests}), optionally all or nothing (Zoho CRM v8). */
    COMPOSITE,
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
