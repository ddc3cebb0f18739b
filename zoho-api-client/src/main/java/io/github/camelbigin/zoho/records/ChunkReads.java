package io.github.camelbigin.zoho.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.api.Feature;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiRequest;
import io.github.camelbigin.zoho.http.ApiResponse;
import io.github.camelbigin.zoho.http.ZohoApiException;

/**
 * The reads of one record or one page wider than a request takes, one request a chunk of fields: in one composite
 * call where Zoho has them (Zoho CRM) — one call and one credit instead of one a chunk, up to five chunks — else one
 * by one. Only plain GETs go as one call: a read with headers of its own (If-Modified-Since, X-EXTERNAL) is sent as it
 * is.
 */
final class ChunkReads {

    private final JsonCalls calls;
    private final Composite composite;
    private final ZohoApi api;

    ChunkReads(JsonCalls calls) {
        this.calls = calls;
        this.composite = new Composite(calls);
        this.api = calls.api();
    }

    /**
     * One page of each chunk, in order; one by one, the first empty page ends them (nothing to complete: an empty or
     * unchanged page costs one call, however wide the module).
     */
    List<RecordIterator.Page> pages(List<ApiRequest> reads) {
        List<RecordIterator.Page> pages = new ArrayList<>(reads.size());
        if (applies(reads)) {
            bodies(reads, e -> false).forEach(body -> pages.add(calls.pageOf(body)));
            return pages;
        }
        for (ApiRequest read : reads) {
            pages.add(calls.page(read));
            if (pages.get(0).records().isEmpty()) {
                break;
            }
        }
        return pages;
    }

    /** One record's chunks, in order; null in place of every chunk when the record is not there. */
    List<Map<String, Object>> record(List<ApiRequest> reads) {
        List<Map<String, Object>> parts = new ArrayList<>(reads.size());
        if (applies(reads)) {
            for (Map<String, Object> body : bodies(reads, ChunkReads::noSuchRecord)) {
                parts.add(body == null ? null : first(calls.pageOf(body).records()));
            }
            return parts;
        }
        for (ApiRequest read : reads) {
            Map<String, Object> part = one(read);
            parts.add(part);
            if (part == null) {
                break;
            }
        }
        return parts;
    }

    private Map<String, Object> one(ApiRequest request) {
        ApiResponse response;
        try {
            response = calls.execute(request);
        } catch (ZohoApiException e) {
            if (noSuchRecord(e)) {
                return null;
            }
            throw e;
        }
        return first(calls.records(request, response));
    }

    /** Zoho's ways of saying a record is not there: 404, or 400 INVALID_DATA. */
    private static boolean noSuchRecord(ZohoApiException e) {
        return e.getStatusCode() == 404 || e.getStatusCode() == 400 && "INVALID_DATA".equals(e.getCode());
    }

    private static Map<String, Object> first(List<Map<String, Object>> records) {
        return records.isEmpty() ? null : records.get(0);
    }

    /** Whether these reads go as one composite call. */
    private boolean applies(List<ApiRequest> reads) {
        return api.has(Feature.COMPOSITE) && reads.size() >= 2 && reads.size() <= Composite.MAX_SUB_REQUESTS
               && reads.stream().allMatch(r -> "GET".equals(r.method()) && r.headers().isEmpty());
    }

    /**
     * Each read's answer body (null when it had none: 204), in order. A read Zoho refused fails as its own call would
     * have; {@code absent} tells which refusals mean "no such record" (their body is then null too).
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> bodies(List<ApiRequest> reads, java.util.function.Predicate<ZohoApiException> absent) {
        List<Map<String, Object>> subs = new ArrayList<>();
        for (ApiRequest r : reads) {
            Map<String, Object> sub = new LinkedHashMap<>();
            sub.put("method", "GET");
            sub.put("uri", r.path());
            sub.put("params", new LinkedHashMap<>(r.query()));
            subs.add(sub);
        }
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<Map<String, Object>> results = composite.run(subs, false);
        for (int i = 0; i < results.size(); i++) {
            Map<String, Object> result = results.get(i);
            Object body = result.get("body");
            Map<String, Object> b = body instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
            if (!"success".equals(result.get("status"))) {
                int status = result.get("status_code") instanceof Number n ? n.intValue() : 0;
                ZohoApiException e = new ZohoApiException(api, reads.get(i).operation(), reads.get(i).module(), status,
                        b == null ? String.valueOf(result.get("code")) : String.valueOf(b.get("code")),
                        b == null ? String.valueOf(result.get("message")) : String.valueOf(b.get("message")),
                        b != null && b.get("details") instanceof Map<?, ?> d ? (Map<String, Object>) d : null, null);
                if (!absent.test(e)) {
                    throw e;
                }
                b = null;
            }
            bodies.add(b);
        }
        return bodies;
    }
}
