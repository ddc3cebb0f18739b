package io.github.camelbigin.zoho.bulk;

/** What a bulk-write job does with each row. */
public enum BulkOperation {
    /** Creates a record per row. */
    insert,
    /** Updates the record each row names by id (or by the match field). */
    update,
    /** Updates the record the match field finds, or creates one. */
    upsert
}
