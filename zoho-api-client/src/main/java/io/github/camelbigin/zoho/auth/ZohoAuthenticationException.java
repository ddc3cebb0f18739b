package io.github.camelbigin.zoho.auth;

import io.github.camelbigin.zoho.http.ZohoApiException;

/**
 * Zoho's accounts server refused the credentials, or Zoho throttled token minting. Never carries a secret.
 */
public class ZohoAuthenticationException extends ZohoApiException {

    private static final long serialVersionUID = 1L;

    public ZohoAuthenticationException(int statusCode, String code, String message, Throwable cause) {
        super(message, "authenticate", null, statusCode, code, message, null, cause);
    }

    /** Throttled minting and an unavailable accounts server pass; a refused client or refresh token does not. */
    @Override
    public boolean isTransient() {
        return "TOKEN_THROTTLED".equals(getCode()) || "TOKEN_ENDPOINT_UNAVAILABLE".equals(getCode())
               || super.isTransient();
    }
}
