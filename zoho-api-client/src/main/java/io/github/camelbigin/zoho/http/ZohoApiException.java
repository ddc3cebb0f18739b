package io.github.camelbigin.zoho.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelbigin.zoho.api.ZohoApi;

/**
 * A call to a Zoho API that failed. Carries the HTTP status (0 when no answer arrived), Zoho's error {@code code},
 * {@code message} and {@code details}, and the operation and module that were being worked on. It never carries a
 * secret: no token, key or client secret is ever part of its message or fields.
 */
public class ZohoApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String code;
    private final String apiMessage;
    private final Map<String, Object> details;
    private final String operation;
    private final String module;

    public ZohoApiException(ZohoApi api, String operation, String module, int statusCode, String code,
                            String apiMessage, Map<String, Object> details, Throwable cause) {
        this(compose(api, operation, module, statusCode, code, apiMessage, details), operation, module, statusCode, code,
             apiMessage, details, cause);
    }

    /** For subclasses that compose their own message. */
    protected ZohoApiException(String message, String operation, String module, int statusCode, String code,
                                String apiMessage, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.code = code;
        this.apiMessage = apiMessage;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.operation = operation;
        this.module = module;
    }

    /** The HTTP status Zoho answered with, or 0 when the call got no HTTP answer (I/O error, timeout). */
    public int getStatusCode() {
        return statusCode;
    }

    /** Zoho's error code, such as {@code INVALID_DATA}, {@code MANDATORY_NOT_FOUND} or {@code INVALID_TOKEN}. */
    public String getCode() {
        return code;
    }

    /** Zoho's own error message. */
    public String getApiMessage() {
        return apiMessage;
    }

    /** Zoho's error details, e.g. {@code {"api_name":"Last_Name"}}. */
    public Map<String, Object> getDetails() {
        return details;
    }

    /** The operation that failed, e.g. {@code create}. */
    public String getOperation() {
        return operation;
    }

    /** The module that was worked on, e.g. {@code Contacts}; null for calls that concern no module. */
    public String getModule() {
        return module;
    }

    /**
     * This failure as part of the user's operation (a consumer's {@code poll}, a producer's {@code list}) when it
     * happened in a call made for it (the field metadata a read needs): the message names what the user asked for,
     * and the call that failed. Subclasses, and failures of that very operation, are returned as they are.
     */
    public ZohoApiException during(ZohoApi api, String userOperation, String userModule) {
        if (getClass() != ZohoApiException.class || userOperation.equals(operation)) {
            return this;
        }
        return new ZohoApiException(api, userOperation, userModule, statusCode, code,
                (apiMessage == null ? "" : apiMessage + " ") + "(in the " + operation + " call)", details, this);
    }

    /** Whether the error is the server's or the network's (status 0, 429 or 5xx) rather than the request's. */
    public boolean isTransient() {
        return statusCode == 0 || statusCode == 429 || statusCode >= 500;
    }

    /** This failure with {@code hint} in place of the API's own advice for its code. */
    ZohoApiException withHint(ZohoApi api, String hint) {
        return new ZohoApiException(compose(api, operation, module, statusCode, code, apiMessage, details, hint),
                operation, module, statusCode, code, apiMessage, details, getCause());
    }

    static String compose(ZohoApi api, String operation, String module, int statusCode, String code,
                          String apiMessage, Map<String, Object> details) {
        return compose(api, operation, module, statusCode, code, apiMessage, details, api.hint(code));
    }

    private static String compose(ZohoApi api, String operation, String module, int statusCode, String code,
                                  String apiMessage, Map<String, Object> details, String hint) {
        StringBuilder sb = new StringBuilder(api.product()).append(' ').append(operation == null ? "call" : operation);
        if (module != null) {
            sb.append(" on ").append(module);
        }
        sb.append(" failed: ");
        sb.append(statusCode == 0 ? "no HTTP answer" : "HTTP " + statusCode);
        if (code != null) {
            sb.append(' ').append(code);
        }
        if (apiMessage != null && !apiMessage.isBlank()) {
            sb.append(" - ").append(apiMessage);
        }
        if (details != null && !details.isEmpty()) {
            sb.append(' ').append(details);
        }
        if (hint != null) {
            sb.append(". ").append(hint);
        }
        return sb.toString();
    }
}
