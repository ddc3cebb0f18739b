package io.github.camelbigin.zoho.maton;

/** The states of a Maton connection. */
public enum MatonStatus {
    /** Authorised: the gateway uses it. */
    ACTIVE,
    /** Created, waiting for a person to open its URL. */
    PENDING,
    /** The authorisation failed: delete it and create another. */
    FAILED
}
