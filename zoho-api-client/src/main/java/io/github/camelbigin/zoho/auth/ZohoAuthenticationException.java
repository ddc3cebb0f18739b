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
}
