package io.github.camelbigin.zoho.http;

/**
 * What each call spends before it is sent (a credit budget), and gets back when the server charged nothing.
 * <p>
 * Internal to the engine (public only for its other packages): callers use the services of
 * {@link io.github.camelbigin.zoho.client.ZohoClient}.
 */
public interface CallBudget {

    /** Counts a call's credits, or throws (a {@link ZohoApiException}) to refuse it unsent. */
    void spend(int credits, String operation, String module);

    /** Gives back the credits of a call that was not charged. */
    void refund(int credits);
}
