package io.github.camelbigin.zoho.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.camelbigin.zoho.api.Feature;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiErrors;
import io.github.camelbigin.zoho.http.ApiRequest;
import io.github.camelbigin.zoho.http.ApiResponse;

/**
 * Up to five calls in one ({@code POST /__composite_requests}, Zoho CRM): one credit for all of them, run in order,
 * and — with {@code rollbackOnFail} — all or nothing: when one fails, Zoho reverts what the others did. A later
 * sub-request may refer to an earlier one's answer ({@code @{sub_request_id:$.data[0].details.id}}).
 */
public final class Composite {

    /** The most sub-requests one composite call takes. */
    public static final int MAX_SUB_REQUESTS = 5;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern SUB_REQUEST_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_]*");

    private final JsonCalls calls;
    private final ZohoApi api;

    public Composite(JsonCalls calls) {
        this.calls = calls;
        this.api = calls.api();
    }

    /**
     * Runs the sub-requests — each {@code method}, {@code uri} (the API's path, e.g. {@code /Leads}, or Zoho's full
     * {@code /crm/v8/Leads}), and optionally {@code sub_request_id}, {@code params}, {@code body}, {@code headers} —
     * and answers one result per sub-request, in order: {@code sub_request_id}, {@code status} (success or error),
     * {@code code}, {@code message}, {@code status_code} and the sub-request's answer {@code body}. Nothing is sent
     * when a sub-request is malformed or there are more than five.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> run(List<Map<String, Object>> subRequests, boolean rollbackOnFail) {
        if (!api.has(Feature.COMPOSITE)) {
            throw new IllegalArgumentException(api.product() + " has no composite API: send the calls one by one");
        }
        List<Map<String, Object>> sent = new ArrayList<>();
        for (int i = 0; i < subRequests.size(); i++) {
            sent.add(checked(i, subRequests.get(i)));
        }
        if (sent.isEmpty() || sent.size() > MAX_SUB_REQUESTS) {
            throw new IllegalArgumentException("A composite call takes 1 to " + MAX_SUB_REQUESTS + " sub-requests, not "
                                               + sent.size() + ": split them over several messages");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rollback_on_fail", rollbackOnFail);
        body.put("parallel_execution", false); // in order, so a sub-request can use an earlier one's answer
        body.put("__composite_requests", sent);
        // reads only may be sent again after a failure that leaves it unknown whether Zoho ran them
        boolean reads = sent.stream().allMatch(s -> "GET".equals(s.get("method")));
        ApiRequest request = ApiRequest.post("/__composite_requests").json(JsonCalls.toBytes(body))
                .operation("composite", null).idempotent(reads).recordResults().build();
        ApiResponse response = calls.execute(request);
        Map<?, ?> answer = calls.object(request, response);
        if (!(answer.get("__composite_requests") instanceof List<?> items) || items.size() != sent.size()) {
            throw ApiErrors.malformed(api, request, response, "expected " + sent.size() + " sub-request answers");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            Map<String, Object> details = item.get("details") instanceof Map<?, ?> d ? (Map<String, Object>) d
                    : Map.of();
            Map<String, Object> reply = details.get("response") instanceof Map<?, ?> r ? (Map<String, Object>) r
                    : Map.of();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("sub_request_id", sent.get(i).get("sub_request_id"));
            // "success" says the sub-request ran; whether it did what it was asked its status code and body say
            result.put("status", "success".equals(item.get("status")) && succeeded(reply) ? "success" : "error");
            result.put("code", item.get("code"));
            result.put("message", item.get("message"));
            result.put("status_code", reply.get("status_code"));
            result.put("body", reply.get("body"));
            results.add(result);
        }
        return results;
    }

    /** A sub-request as Zoho takes it, or the error naming what is wrong with it. */
    private Map<String, Object> checked(int index, Map<String, Object> sub) {
        Object method = sub.get("method");
        Object uri = sub.get("uri");
        if (method == null || !METHODS.contains(method.toString().toUpperCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("Sub-request #" + index + " has method " + method + ": use GET, POST,"
                                               + " PUT, PATCH or DELETE");
        }
        if (uri == null || !uri.toString().startsWith("/")) {
            throw new IllegalArgumentException("Sub-request #" + index + " has uri " + uri + ": give the API's path,"
                                               + " e.g. /Leads or " + api.basePath() + "/Leads");
        }
        Object id = sub.get("sub_request_id");
        if (id != null && !SUB_REQUEST_ID.matcher(id.toString()).matches()) {
            throw new IllegalArgumentException("Sub-request #" + index + " has sub_request_id '" + id + "': letters,"
                                               + " digits and _ only, starting with a letter or digit");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sub_request_id", id != null ? id.toString() : String.valueOf(index + 1));
        out.put("method", method.toString().toUpperCase(java.util.Locale.ROOT));
        String path = uri.toString();
        out.put("uri", path.startsWith(api.basePath() + "/") ? path : api.basePath() + path);
        out.put("params", sub.get("params") instanceof Map ? sub.get("params") : Map.of());
        out.put("headers", sub.get("headers") instanceof Map ? sub.get("headers") : Map.of());
        out.put("body", sub.get("body") instanceof Map ? sub.get("body") : Map.of());
        return out;
    }

    /** A sub-request's answer that says it succeeded: a 2xx status, and no record of its data refused. */
    private static boolean succeeded(Map<String, Object> reply) {
        Object code = reply.get("status_code");
        int status = code instanceof Number n ? n.intValue() : 0;
        if (status < 200 || status >= 300) {
            return false;
        }
        Object body = reply.get("body");
        Object data = body instanceof Map<?, ?> b ? b.get("data") : null;
        return !(data instanceof List<?> items) || items.stream().noneMatch(i -> i instanceof Map<?, ?> m
                && "error".equals(m.get("status")));
    }
}
