package io.github.camelbigin.zoho.feed;

/** How a change feed that starts at the beginning reads the records that already exist. */
public enum InitialLoadMode {
    /** Page by page, 200 records a call, like every later read. */
    pages,
    /** By bulk-read jobs, 200,000 records for 50 credits, then handed over to the pages; see {@link InitialLoad}. */
    bulk
}
