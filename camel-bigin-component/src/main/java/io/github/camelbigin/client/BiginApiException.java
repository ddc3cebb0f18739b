package io.github.camelbigin.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.HttpResponseAware;

/**
 * A call to Bigin that failed. It is {@link HttpResponseAware} (Camel's one interface here, so health checks show the
 * HTTP status). Carries the HTTP status (0 when no answer arrived), Bigin's error {@code code},
 * {@code message} and {@code details}, and the operation and module that were being worked on. It never carries a
 * secret: no token, key or client secret is ever part of its message or fields.
 */
public class BiginApiException extends RuntimeException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private int statusCode;
    private final String code;
    private final String apiMessage;
    private final Map<String, Object> details;
    private final String operation;
    private final String module;

    public BiginApiException(String operation, String module, int statusCode, String code, String apiMessage,
                             Map<String, Object> details, Throwable cause) {
        super(compose(operation, module, statusCode, code, apiMessage, details), cause);
        this.statusCode = statusCode;
        this.code = code;
        this.apiMessage = apiMessage;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.operation = operation;
        this.module = module;
    }

    /** For subclasses that compose their own message. */
    protected BiginApiException(String message, String operation, String module, int statusCode, String code,
                                String apiMessage, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.code = code;
        this.apiMessage = apiMessage;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.operation = operation;
        this.module = module;
    }

    /** The HTTP status Bigin answered with, or 0 when the call got no HTTP answer (I/O error, timeout). */
    public int getStatusCode() {
        return statusCode;
    }

    /** Bigin's error code, such as {@code INVALID_DATA}, {@code MANDATORY_NOT_FOUND} or {@code INVALID_TOKEN}. */
    public String getCode() {
        return code;
    }

    /** Bigin's own error message. */
    public String getApiMessage() {
        return apiMessage;
    }

    /** Bigin's error details, e.g. {@code {"api_name":"Last_Name"}}. */
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

    @Override
    public int getHttpResponseCode() {
        return statusCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.statusCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return code;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        // the status text is Bigin's error code, fixed when the exception is made
    }

    /** Whether the error is the server's or the network's (status 0, 429 or 5xx) rather than the request's. */
    public boolean isTransient() {
        return statusCode == 0 || statusCode == 429 || statusCode >= 500;
    }

    static String compose(String operation, String module, int statusCode, String code, String apiMessage,
                          Map<String, Object> details) {
        StringBuilder sb = new StringBuilder("Bigin ").append(operation == null ? "call" : operation);
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
        String hint = hint(code, module);
        if (hint != null) {
            sb.append(". ").append(hint);
        }
        return sb.toString();
    }

    private static String hint(String code, String module) {
        if (code == null) {
            return null;
        }
        switch (code) {
            case "OAUTH_SCOPE_MISMATCH":
                return "The token lacks a scope: grant ZohoBigin.modules.ALL for records (or the module's own scope,"
                       + " e.g. ZohoBigin.modules.Tasks.ALL), ZohoBigin.settings.ALL for metadata,"
                       + " ZohoBigin.users.ALL for users and ZohoBigin.org.READ for the org, then mint a new refresh token";
            case "INVALID_TOKEN":
            case "AUTHENTICATION_FAILURE":
                return "The credentials were rejected: check the access token, refresh token or API key";
            case "INVALID_MODULE":
                return "Module API names are case-sensitive: Contacts, Accounts, Pipelines, Products, Tasks, Events,"
                       + " Calls, Notes or a custom module's API name (the modules operation lists them)";
            case "NO_PERMISSION":
                return "The Bigin user behind the credentials lacks the permission for this";
            case "DISCRETE_PAGINATION_LIMIT_EXCEEDED":
                return "Bigin answers at most 2,000 records through page numbers and sent no page token to go on:"
                       + " set maxRecords to at most 2000, narrow the query (cvid, criteria), or use the polling consumer";
            default:
                return null;
        }
    }
}
