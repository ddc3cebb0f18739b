package io.github.camelbigin.zoho.feed;


/** How a change feed asks for changes; spelled as the endpoint URIs spell them. */
public enum ChangeDetection {
    /** {@code GET /{module}} sorted by the feed's time field, with {@code If-Modified-Since}, filtered again here. */
    list,
    /** A COQL query filtered by the server; needs the COQL scope, returns lookups as ids only. */
    coql
}
