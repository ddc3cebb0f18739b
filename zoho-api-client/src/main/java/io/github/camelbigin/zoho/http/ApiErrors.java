package io.github.camelbigin.zoho.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbigin.zoho.api.ZohoApi;

/**
 * Turns Zoho's error answers, and answers that are not Zoho's at all, into {@link ZohoApiException}s.
 * <p>
 * Internal to the engine (public only for its other packages): callers use the services of
 * {@link io.github.camelbigin.zoho.client.ZohoClient}.
 */
public final class ApiErrors {

    private static final ObjectMapper JSON = ZohoJson.MAPPER;
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private ApiErrors() {
    }

    /** The exception for an error answer; {@code note} (may be null) tells what the retry logic did. */
    static ZohoApiException of(ZohoApi api, ApiRequest request, ApiResponse response, String note) {
        JsonNode error = errorNode(response);
        if (error == null) {
            return new ZohoApiException(api, request.operation(), request.module(), response.status(),
                    response.status() == 429 ? "TOO_MANY_REQUESTS" : "HTTP_" + response.status(),
                    suffix(notZoho(api, response), note), null, null);
        }
        return new ZohoApiException(api, request.operation(), request.module(), response.status(),
                error.path("code").asText(null), suffix(error.path("message").asText(null), note), details(error),
                null);
    }

    /** The exception for a 2xx answer whose body Zoho would never send (not JSON, or JSON of another shape). */
    public static ZohoApiException malformed(ZohoApi api, ApiRequest request, ApiResponse response, String what) {
        return new ZohoApiException(api, request.operation(), request.module(), response.status(), "INVALID_RESPONSE",
                what + ": " + notZoho(api, response), null, null);
    }

    /** Zoho's error code of an answer, or null. */
    static String code(ApiResponse response) {
        JsonNode error = errorNode(response);
        return error == null ? null : error.path("code").asText(null);
    }

    private static JsonNode errorNode(ApiResponse response) {
        if (!response.hasBody()) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        if (root.has("code")) {
            return root;
        }
        JsonNode items = items(root);
        if (items != null && items.size() > 0 && items.get(0).has("code")) {
            return items.get(0);
        }
        return null;
    }

    /** The per-item results of an answer: records under {@code data}, notification channels under {@code watch}. */
    private static JsonNode items(JsonNode root) {
        for (String key : new String[] { "data", "watch" }) {
            JsonNode items = root.get(key);
            if (items != null && items.isArray()) {
                return items;
            }
        }
        return null;
    }

    private static Map<String, Object> details(JsonNode error) {
        JsonNode details = error.get("details");
        if (details == null || !details.isObject()) {
            return null;
        }
        return JSON.convertValue(details, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    /** Describes an answer that is not Zoho JSON: content type and, for HTML, its title (a proxy's error page). */
    static String notZoho(ZohoApi api, ApiResponse response) {
        if (!response.hasBody()) {
            return "an empty answer";
        }
        String ct = response.contentType();
        if (ct.contains("html") || response.bodySnippet(20).startsWith("<")) {
            Matcher m = TITLE.matcher(response.bodySnippet(2000));
            return "an HTML page" + (m.find() ? " titled \"" + m.group(1).strip() + "\"" : "")
                   + " instead of " + api.product() + " JSON (a proxy, gateway or wrong apiUrl answered?)";
        }
        return "an answer that is not " + api.product() + " JSON (" + (ct.isEmpty() ? "no content type" : ct) + "): "
               + response.bodySnippet(120);
    }

    /** Whether a 4xx answer holds per-record results (a write some of whose records were refused). */
    static boolean hasRecordResults(ApiResponse response) {
        try {
            JsonNode root = JSON.readTree(response.body());
            JsonNode items = root == null || !root.isObject() ? null : items(root);
            return items != null && items.size() > 0 && items.get(0).has("status");
        } catch (IOException e) {
            return false;
        }
    }

    private static String suffix(String message, String note) {
        if (note == null) {
            return message;
        }
        return message == null ? note : message + " (" + note + ")";
    }
}
