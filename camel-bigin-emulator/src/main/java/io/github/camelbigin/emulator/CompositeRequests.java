package io.github.camelbigin.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Zoho CRM's composite call ({@code composite_requests.json}): up to five sub-requests run in order, one credit for
 * all. A later one may take a value of an earlier one's answer ({@code @{id:$.data[0].details.id}}). Each item
 * answers what its sub-request answered — {@code code SUCCESS} means it ran, not that it succeeded: its
 * {@code status_code} and body say that, the harsher reading. With {@code rollback_on_fail} the first failure undoes
 * every change of the call: the earlier items say ROLLBACK_PERFORMED, the later ones PROCESSING_STOPPED.
 */
final class CompositeRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_SUB_REQUESTS = 5;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_]*");
    private static final Pattern URI = Pattern.compile("/crm(/.*)?/v[0-9]+([.][0-9]+)?/.*");
    private static final Pattern REFERENCE = Pattern.compile("@\\{([a-zA-Z0-9][a-zA-Z0-9_]*):(\\$[^}]*)}");

    private final Org org;
    private final BiginEmulator emulator;

    CompositeRequests(Org org, BiginEmulator emulator) {
        this.org = org;
        this.emulator = emulator;
    }

    Answer run(RecordedRequest req) {
        ApiRoutes.requireMethod(req.method(), "POST");
        JsonNode body = req.bodyObject();
        JsonNode subs = body.path("__composite_requests");
        if (!subs.isArray() || subs.isEmpty() || subs.size() > MAX_SUB_REQUESTS) {
            throw EmulatorError.badRequest("INVALID_DATA", "a composite call takes 1 to " + MAX_SUB_REQUESTS
                    + " sub-requests", "api_name", "__composite_requests", "json_path", "$.__composite_requests",
                    "maximum_length", MAX_SUB_REQUESTS);
        }
        List<String> ids = check(subs);
        boolean rollback = body.path("rollback_on_fail").asBoolean(false);
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, JsonNode> answers = new HashMap<>();
        int failedAt = -1;
        boolean anyFailed = false;
        org.lock.writeLock().lock(); // the call is one transaction: nothing else runs between its sub-requests
        try {
            Org.Snapshot before = rollback ? org.snapshot() : null;
            for (int i = 0; i < subs.size(); i++) {
                Answer a = execute(subs.get(i), answers, i);
                JsonNode answerBody = a.body == null ? null : JSON.valueToTree(a.body);
                answers.put(ids.get(i), answerBody);
                items.add(ran(a.status, answerBody));
                if (failed(a.status, answerBody)) {
                    anyFailed = true;
                    if (rollback) {
                        failedAt = i;
                        org.restore(before);
                        break;
                    }
                }
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        if (failedAt >= 0) {
            for (int i = 0; i < failedAt; i++) {
                items.set(i, stopped("ROLLBACK_PERFORMED", "the sub-request's changes were rolled back", failedAt));
            }
            for (int i = failedAt + 1; i < subs.size(); i++) {
                items.add(stopped("PROCESSING_STOPPED", "the sub-request was not run", failedAt));
            }
        }
        return Answer.json(anyFailed ? 207 : 200, Map.of("__composite_requests", items));
    }

    /** The sub-requests' ids (given, or their positions from 1), each sub-request well formed; refused otherwise. */
    private List<String> check(JsonNode subs) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < subs.size(); i++) {
            JsonNode s = subs.get(i);
            String at = "$.__composite_requests[" + i + "]";
            if (!METHODS.contains(s.path("method").asText())) {
                throw invalid("method", at + ".method");
            }
            String uri = s.path("uri").asText();
            if (!URI.matcher(uri).matches() || !uri.startsWith(emulator.flavour().apiPrefix + "/")) {
                throw invalid("uri", at + ".uri");
            }
            String id = s.hasNonNull("sub_request_id") ? s.get("sub_request_id").asText() : String.valueOf(i + 1);
            if (!ID.matcher(id).matches()) {
                throw invalid("sub_request_id", at + ".sub_request_id");
            }
            if (ids.contains(id)) {
                throw EmulatorError.badRequest("DUPLICATE_DATA", "duplicate data", "api_name", "sub_request_id",
                        "json_path", at + ".sub_request_id", "sub_request_indexes", List.of(ids.indexOf(id), i));
            }
            ids.add(id);
        }
        return ids;
    }

    /** One sub-request, its references to earlier answers resolved, routed as the API would route it. */
    private Answer execute(JsonNode sub, Map<String, JsonNode> answers, int index) {
        String uri = resolve(sub.path("uri").asText(), answers, index);
        String apiPath = uri.substring(emulator.flavour().apiPrefix.length());
        Map<String, String> query = new LinkedHashMap<>();
        sub.path("params").fields().forEachRemaining(e -> query.put(e.getKey(),
                resolve(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString(), answers, index)));
        Map<String, String> headers = new LinkedHashMap<>();
        sub.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey().toLowerCase(java.util.Locale.ROOT),
                e.getValue().asText()));
        JsonNode b = sub.get("body");
        String body = b == null || b.isNull() || b.isObject() && b.isEmpty() && "GET".equals(sub.path("method")
                .asText()) ? null : resolve(b.toString(), answers, index);
        headers.put("content-type", "application/json");
        RecordedRequest r = new RecordedRequest(RecordedRequest.Kind.API, sub.path("method").asText(), uri, apiPath,
                query, headers, body);
        List<String> segments = Arrays.stream(apiPath.split("/")).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
        try {
            return emulator.routes().route(r, segments);
        } catch (EmulatorError e) {
            return Answer.json(e.status, e.body());
        }
    }

    /** {@code @{id:$.path}} replaced by the value at that path of sub-request id's answer; refused when it has none. */
    private static String resolve(String text, Map<String, JsonNode> answers, int index) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = at(answers.get(m.group(1)), m.group(2));
            if (value == null || value.isMissingNode() || value.isNull()) {
                throw EmulatorError.badRequest("INVALID_REFERENCE", "the reference cannot be resolved", "api_name",
                        "__composite_requests", "json_path", "$.__composite_requests[" + index + "]",
                        "reference", m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.isValueNode() ? value.asText()
                    : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A JSONPath of names and indexes ({@code $.data[0].details.id}) in a node. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        Matcher step = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]").matcher(path.substring(1));
        while (node != null && step.find()) {
            node = step.group(1) != null ? node.get(step.group(1)) : node.get(Integer.parseInt(step.group(2)));
        }
        return node;
    }

    private static boolean failed(int status, JsonNode body) {
        if (status >= 400) {
            return true;
        }
        JsonNode data = body == null ? null : body.get("data");
        if (data != null && data.isArray()) {
            for (JsonNode item : data) {
                if ("error".equals(item.path("status").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, Object> ran(int status, JsonNode body) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("headers", Map.of());
        response.put("body", body);
        response.put("status_code", status);
        return Org.success(Map.of("response", response), "the sub-request was run");
    }

    private static Map<String, Object> stopped(String code, String message, int failedAt) {
        return Org.error(code, message, "rollbacked_by_sub_request_index", failedAt);
    }

    private static EmulatorError invalid(String apiName, String path) {
        return EmulatorError.badRequest("INVALID_DATA", "invalid data", "api_name", apiName, "json_path", path);
    }
}
