package io.github.camelbigin.zoho.records;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiErrors;
import io.github.camelbigin.zoho.http.ApiRequest;
import io.github.camelbigin.zoho.http.ApiResponse;
import io.github.camelbigin.zoho.http.ZohoApiException;

/**
 * The one way records are written, whatever the call: inputs a refusal turns down are reported without a call, the
 * rest go in calls of at most the batch, and every input gets its result in input order. Success is decided per
 * record, never by the HTTP status: Zoho answers 201, 202, 207 or 400 for mixed outcomes. A call failing after earlier
 * ones wrote records reports those as written and the rest as failed or not attempted, so nothing is lost or written
 * twice on resend.
 */
final class BatchWriter {

    private final JsonCalls calls;
    private final ZohoApi api;

    BatchWriter(JsonCalls calls) {
        this.calls = calls;
        this.api = calls.api();
    }

    ZohoApi api() {
        return api;
    }

    /** How one call of a write is made: its request for a chunk, the most records a call takes, how answers match. */
    record Call(Function<List<Map<String, Object>>, ApiRequest.Builder> request, int maxPerCall,
                boolean matchById) {
    }

    List<WriteResult> write(String operation, String module, List<Map<String, Object>> records,
                            WriteOptions options, Function<Map<String, Object>, String> refusal, Call call) {
        Names.checkModule(api, module);
        WriteOptions opts = options == null ? WriteOptions.create() : options;
        WriteResult[] results = new WriteResult[records.size()];
        List<Integer> sendable = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            String problem = refusal.apply(records.get(i));
            if (problem == null) {
                sendable.add(i);
            } else {
                results[i] = new WriteResult(i, "error", "INVALID_DATA", "not sent: record #" + i + " " + problem,
                        Map.of("api_name", "id"), null, records.get(i));
            }
        }
        // batchSize shapes record writes (at most 100); a call that takes more (tags: 500) always takes its most
        int batch = call.maxPerCall() > api.writeBatch() ? call.maxPerCall() : Math.min(opts.batchSize(),
                call.maxPerCall());
        for (int from = 0; from < sendable.size(); from += batch) {
            List<Integer> chunk = sendable.subList(from, Math.min(from + batch, sendable.size()));
            try {
                for (WriteResult r : writeChunk(operation, module, records, chunk, call)) {
                    results[r.getIndex()] = r;
                }
            } catch (ZohoApiException e) {
                if (sendable.size() == records.size()
                        && Arrays.stream(results).noneMatch(r -> r != null && r.isSuccess())) {
                    throw e; // nothing written and nothing refused: the call's own error says it best
                }
                // earlier calls wrote records: report every record, so none is lost or written twice on resend
                for (int k = from; k < sendable.size(); k++) {
                    int i = sendable.get(k);
                    boolean inFailedCall = k < from + chunk.size();
                    results[i] = new WriteResult(i, "error", inFailedCall ? e.getCode() : WriteResult.NOT_ATTEMPTED,
                            inFailedCall ? e.getMessage() : "not sent: an earlier call of this " + operation + " failed",
                            null, null, records.get(i));
                }
                throw new ZohoRecordErrorException(api, operation, module, List.of(results), e);
            }
        }
        List<WriteResult> all = List.of(results);
        if (opts.failOnRecordError() && all.stream().anyMatch(r -> !r.isSuccess())) {
            throw new ZohoRecordErrorException(api, operation, module, all, null);
        }
        return all;
    }

    private List<WriteResult> writeChunk(String operation, String module, List<Map<String, Object>> records,
                                         List<Integer> positions, Call call) {
        List<Map<String, Object>> chunk = new ArrayList<>(positions.size());
        positions.forEach(i -> chunk.add(records.get(i)));
        ApiRequest request = call.request().apply(chunk).operation(operation, module).recordResults().build();
        ApiResponse response = calls.execute(request);
        Map<?, ?> answer = calls.object(request, response);
        // tag settings answer under tags, the recycle bin under recycle_bin, the rest under data
        Object data = answer.get("data") != null ? answer.get("data") : answer.get("tags") != null
                ? answer.get("tags") : answer.get("recycle_bin");
        List<?> entries = data instanceof List ? (List<?>) data
                : chunk.size() == 1 && answer.get("status") != null ? List.of(answer) : null; // a photo's answer
        if (entries == null || entries.size() != chunk.size()) {
            throw ApiErrors.malformed(api, request, response, "expected " + chunk.size() + " per-record results, and "
                                                              + api.product() + " may have written some records");
        }
        List<WriteResult> out = inInputOrder(call.matchById(), chunk, positions, entries);
        calls.stats().recordsWritten((int) out.stream().filter(WriteResult::isSuccess).count());
        return out;
    }

    /**
     * The results in input order: matched by id where the input has one (update, delete), else in Zoho's order,
     * which is the input order.
     */
    private static List<WriteResult> inInputOrder(boolean byId, List<Map<String, Object>> chunk,
                                                  List<Integer> positions, List<?> entries) {
        Map<String, Integer> positionOfId = new HashMap<>();
        if (byId) {
            for (int i = 0; i < chunk.size(); i++) {
                positionOfId.putIfAbsent(String.valueOf(chunk.get(i).get("id")), i);
            }
        }
        WriteResult[] ordered = new WriteResult[chunk.size()];
        List<Map<?, ?>> unmatched = new ArrayList<>();
        for (Object e : entries) {
            Map<?, ?> entry = e instanceof Map ? (Map<?, ?>) e : Map.of();
            Object id = details(entry) != null ? details(entry).get("id") : null;
            Integer pos = byId ? positionOfId.remove(id == null ? "" : id.toString()) : null;
            if (pos == null) {
                unmatched.add(entry);
            } else {
                ordered[pos] = result(entry, positions.get(pos), chunk.get(pos));
            }
        }
        int next = 0;
        for (Map<?, ?> entry : unmatched) {
            while (ordered[next] != null) {
                next++;
            }
            ordered[next] = result(entry, positions.get(next), chunk.get(next));
        }
        List<WriteResult> out = new ArrayList<>(chunk.size());
        Collections.addAll(out, ordered);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static WriteResult result(Map<?, ?> entry, int index, Map<String, Object> input) {
        return new WriteResult(index, text(entry, "status", "error"), text(entry, "code", null),
                text(entry, "message", null), (Map<String, Object>) details(entry), text(entry, "action", null),
                text(entry, "duplicate_field", null), input);
    }

    private static Map<?, ?> details(Map<?, ?> entry) {
        return entry.get("details") instanceof Map ? (Map<?, ?>) entry.get("details") : null;
    }

    private static String text(Map<?, ?> entry, String name, String absent) {
        Object v = entry.get(name);
        return v == null ? absent : v.toString();
    }

    /** Why a record cannot be updated or deleted (it has no well-formed id), or null when it can. */
    String idProblem(Map<String, Object> record) {
        Object id = record.get("id");
        if (id == null || id.toString().isBlank()) {
            return "has no 'id': each record to update needs its " + api.product() + " record id";
        }
        return Names.isId(id.toString()) ? null : "'" + id + "' is not a " + api.product() + " record id: ids are long"
                                                  + " numbers such as 7255024000000596045 (keep them as strings)";
    }

    static List<Map<String, Object>> idInputs(List<String> ids) {
        List<Map<String, Object>> inputs = new ArrayList<>(ids.size());
        for (String id : ids) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("id", id);
            inputs.add(input);
        }
        return inputs;
    }

    static String joinedIds(List<Map<String, Object>> chunk) {
        return chunk.stream().map(r -> r.get("id").toString()).collect(Collectors.joining(","));
    }

    void checkRecordId(String recordId) {
        if (recordId == null || !Names.isId(recordId)) {
            throw new IllegalArgumentException("'" + recordId + "' is not a " + api.product() + " record id: ids are"
                                               + " long numbers such as 7255024000000596045");
        }
    }
}
