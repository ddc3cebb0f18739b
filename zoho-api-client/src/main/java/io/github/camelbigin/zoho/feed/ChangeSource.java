package io.github.camelbigin.zoho.feed;

import io.github.camelbigin.zoho.records.RecordIterator;

/** One way to ask the server for a module's changes: a list sorted by time, or a COQL query. */
interface ChangeSource {

    /** The records from {@code anchor} on (at or after its second, after it when sealed), oldest first, lazily paged. */
    RecordIterator since(Watermark anchor);

    /** The records newest first, at most {@code max}. */
    RecordIterator newestFirst(int max);

    /**
     * Whether the server may answer {@link #since} with records older than asked (a list whose
     * {@code If-Modified-Since} it ignores): the reader then checks the first record and reads newest first instead.
     */
    boolean mayIgnoreFilter();
}
