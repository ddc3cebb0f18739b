package io.github.camelbigin.zoho.records;


/** The order of a sorted read. The constants are spelled as the API and the endpoint URIs spell them. */
public enum SortOrder {
    asc, desc
}
