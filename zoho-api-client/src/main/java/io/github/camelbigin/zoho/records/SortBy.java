package io.github.camelbigin.zoho.records;


/** The fields a list can be sorted by (Zoho names them in its API's spelling). The constants are spelled as the API and the endpoint URIs spell them. */
public enum SortBy {
    id, Created_Time, Modified_Time
}
