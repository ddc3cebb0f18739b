package io.github.camelbigin.zoho.records;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiErrors;
import io.github.camelbigin.zoho.http.ApiRequest;
import io.github.camelbigin.zoho.http.ApiResponse;
import io.github.camelbigin.zoho.http.ZohoApiException;

/**
 * Creates, updates, upserts and deletes records in calls of at most the API's write batch (100), and reports every
 * record's outcome in input order. Success is decided per record, never by the HTTP status: Zoho answers 201, 202,
 * 207 or 400 for mixed outcomes.
 */
public final class RecordWrites {

    private final JsonCalls calls;
    private final ZohoApi api;

    public RecordWrites(JsonCalls calls) {
        this.calls = calls;
        this.api = calls.api();
    }

    /** Creates records; results in input order. */
    public List<WriteResult> create(String module, List<Map<String, Object>> records, WriteOptions options) {
        return write("create", module, records, options);
    }

    /** Updates records, each identified by its {@code id}; results in input order. */
    public List<WriteResult> update(String module, List<Map<String, Object>> records, WriteOptions options) {
        for (int i = 0; i < records.size(); i++) {
            Object id = records.get(i).get("id");
            if (id == null || id.toString().isBlank()) {
                throw new IllegalArgumentException("Record #" + i + " of the update on " + module + " has no 'id':"
                                                   + " each record to update needs its " + api.product()
                                                   + " record id");
            }
            Names.checkId(api, id.toString());
        }
        return write("update", module, records, options);
    }

    /** Inserts records or updates those that match on the duplicate-check fields; results say which. */
    public List<WriteResult> upsert(String module, List<Map<String, Object>> records, WriteOptions options) {
        return write("upsert", module, records, options);
    }

    /** Deletes records by id; results in input order. */
    public List<WriteResult> delete(String module, List<String> ids, WriteOptions options) {
        Names.checkModule(api, module);
        List<Map<String, Object>> inputs = new ArrayList<>(ids.size());
        for (String id : ids) {
            Names.checkId(api, id);
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("id", id);
            inputs.add(input);
        }
        return write("delete", module, inputs, options);
    }

    private List<WriteResult> write(String operation, String module, List<Map<String, Object>> records,
                                    WriteOptions options) {
        Names.checkModule(api, module);
        WriteOptions opts = options == null ? WriteOptions.create() : options;
        if (records.isEmpty()) {
            return List.of();
        }
        int batch = Math.min(opts.batchSize(), api.writeBatch());
        List<WriteResult> results = new ArrayList<>(records.size());
        for (int from = 0; from < records.size(); from += batch) {
            List<Map<String, Object>> chunk = records.subList(from, Math.min(from + batch, records.size()));
            try {
                results.addAll(writeChunk(operation, module, chunk, from, opts));
            } catch (ZohoApiException e) {
                if (results.stream().noneMatch(WriteResult::isSuccess)) {
                    throw e; // nothing written yet: the call's own error says it best
                }
                // earlier calls wrote records: report every record, so none is lost or written twice on resend
                for (int i = from; i < records.size(); i++) {
                    boolean inFailedCall = i < from + chunk.size();
                    results.add(new WriteResult(i, "error", inFailedCall ? e.getCode() : WriteResult.NOT_ATTEMPTED,
                            inFailedCall ? e.getMessage() : "not sent: an earlier call of this " + operation + " failed",
                            null, null, records.get(i)));
                }
                throw new ZohoRecordErrorException(operation, module, results, e);
            }
        }
        if (opts.failOnRecordError() && results.stream().anyMatch(r -> !r.isSuccess())) {
            throw new ZohoRecordErrorException(operation, module, results, null);
        }
        return results;
    }

    private List<WriteResult> writeChunk(String operation, String module, List<Map<String, Object>> chunk, int offset,
                                         WriteOptions opts) {
        ApiRequest request = request(operation, module, chunk, opts).operation(operation, module).recordResults()
                .build();
        ApiResponse response = calls.execute(request);
        Object data = calls.object(request, response).get("data");
        List<?> entries = data instanceof List ? (List<?>) data : null;
        if (entries == null || entries.size() != chunk.size()) {
            throw ApiErrors.malformed(api, request, response, "expected " + chunk.size() + " per-record results, and "
                                                              + api.product() + " may have written some records");
        }
        List<WriteResult> out = inInputOrder(operation, chunk, offset, entries);
        calls.stats().recordsWritten((int) out.stream().filter(WriteResult::isSuccess).count());
        return out;
    }

    private static ApiRequest.Builder request(String operation, String module, List<Map<String, Object>> chunk,
                                              WriteOptions opts) {
        if ("delete".equals(operation)) {
            return ApiRequest.delete("/" + module)
                    .query("ids", chunk.stream().map(r -> r.get("id").toString()).collect(Collectors.joining(",")))
                    .query("wf_trigger", opts.trigger() != null && !opts.trigger().contains("workflow") ? "false" : null);
        }
        Map<String, Object> body = new LinkedHashMap<>(); // written straight from the maps: no tree in between
        body.put("data", chunk);
        if (opts.trigger() != null) {
            body.put("trigger", opts.trigger());
        }
        if ("upsert".equals(operation) && opts.duplicateCheckFields() != null) {
            body.put("duplicate_check_fields", opts.duplicateCheckFields());
        }
        String path = "upsert".equals(operation) ? "/" + module + "/upsert" : "/" + module;
        ApiRequest.Builder rb = "update".equals(operation) ? ApiRequest.put(path) : ApiRequest.post(path);
        return rb.json(JsonCalls.toBytes(body)).credits((chunk.size() + 9) / 10);
    }

    /**
     * The results in input order: matched by id where the input has one (update, delete), else in Zoho's order,
     * which is the input order.
     */
    private static List<WriteResult> inInputOrder(String operation, List<Map<String, Object>> chunk, int offset,
                                                  List<?> entries) {
        Map<String, Integer> positionOfId = new HashMap<>();
        boolean byId = "delete".equals(operation) || "update".equals(operation);
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
                ordered[pos] = result(entry, offset + pos, chunk.get(pos));
            }
        }
        int next = 0;
        for (Map<?, ?> entry : unmatched) {
            while (ordered[next] != null) {
                next++;
            }
            ordered[next] = result(entry, offset + next, chunk.get(next));
        }
        List<WriteResult> out = new ArrayList<>(chunk.size());
        Collections.addAll(out, ordered);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static WriteResult result(Map<?, ?> entry, int index, Map<String, Object> input) {
        return new WriteResult(index, text(entry, "status", "error"), text(entry, "code", null),
                text(entry, "message", null), (Map<String, Object>) details(entry), text(entry, "action", null), input);
    }

    private static Map<?, ?> details(Map<?, ?> entry) {
        return entry.get("details") instanceof Map ? (Map<?, ?>) entry.get("details") : null;
    }

    private static String text(Map<?, ?> entry, String name, String absent) {
        Object v = entry.get(name);
        return v == null ? absent : v.toString();
    }
}
