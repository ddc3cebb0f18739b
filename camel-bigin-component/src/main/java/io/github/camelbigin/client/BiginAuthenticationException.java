package io.github.camelbigin.client;

/**
 * Bigin or Zoho's accounts server refused the credentials, or Zoho throttled token minting. Never carries a secret.
 */
public class BiginAuthenticationException extends BiginApiException {

    private static final long serialVersionUID = 1L;

    public BiginAuthenticationException(int statusCode, String code, String message, Throwable cause) {
        super(message, "authenticate", null, statusCode, code, message, null, cause);
    }
}
