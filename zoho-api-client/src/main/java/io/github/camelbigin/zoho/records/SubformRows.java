package io.github.camelbigin.zoho.records;

/** What an update does with the rows of a subform (line items) it sends without naming every existing row. */
public enum SubformRows {
    /**
     * Rows the update does not name stay: the existing rows are read first (one call per 100 records) and sent along
     * by id; a row is removed only when the update marks it with {@code "_delete"}.
     */
    keep,
    /** The subform is what the update sends, as Zoho does it: existing rows it does not name are removed. */
    replace
}
