package io.github.camelbigin.zoho.records;


/** Which deleted records a read of deleted records lists: all, those in the recycle bin, or those deleted for good. The constants are spelled as the API and the endpoint URIs spell them. */
public enum DeletedType {
    all, recycle, permanent
}
