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

import io.github.camelbigin.zoho.api.Feature;
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

    /** How one call of a write is made: its request for a chunk, the most records a call takes, how answers match. */
    record Call(Function<List<Map<String, Object>>, ApiRequest.Builder> request, int maxPerCall,
                        boolean matchById) {
    }

    /** Creates records; results in input order. */
    public List<WriteResult> create(String module, List<Map<String, Object>> records, WriteOptions options) {
        return write(RecordWrite.CREATE, module, records, options, r -> null);
    }

    /**
     * Adds tags to records (by id), creating tags the module does not have yet; 500 records a call, with the tags in
     * a JSON body as Bigin's v2 documents. {@code overwrite} replaces the records' tags instead.
     */
    public List<WriteResult> addTags(String module, List<String> ids, List<String> tags, boolean overwrite,
                                     WriteOptions options) {
        checkTags(tags);
        return write("addTags", module, idInputs(ids), options, this::idProblem, new Call(chunk -> {
            Map<String, Object> body = tagBody(tags, chunk);
            body.put("over_write", overwrite);
            return ApiRequest.post("/" + module + "/actions/add_tags").json(JsonCalls.toBytes(body));
        }, api.tagBatch(), true));
    }

    /**
     * Removes tags from records (by id), 100 records a call: Bigin's v2 takes the ids and tag names in the query (short
     * URLs), Zoho CRM's v8 a JSON body of tags and ids, as each documents.
     */
    public List<WriteResult> removeTags(String module, List<String> ids, List<String> tags, WriteOptions options) {
        checkTags(tags);
        return write("removeTags", module, idInputs(ids), options, this::idProblem, new Call(chunk -> {
            ApiRequest.Builder rb = ApiRequest.post("/" + module + "/actions/remove_tags");
            if (!api.has(Feature.TAGS_IN_BODY)) {
                return rb.query("ids", joinedIds(chunk)).query("tag_names", String.join(",", tags));
            }
            return rb.json(JsonCalls.toBytes(tagBody(tags, chunk)));
        }, api.writeBatch(), true));
    }

    /** {@code {"tags": [{"name": …}], "ids": [...]}}, the body of a tag call. */
    private static Map<String, Object> tagBody(List<String> tags, List<Map<String, Object>> chunk) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tags", tags.stream().map(t -> Map.of("name", t)).toList());
        body.put("ids", chunk.stream().map(r -> r.get("id").toString()).toList());
        return body;
    }

    /**
     * Creates notes on one record ({@code Note_Title}, {@code Note_Content}); results in input order. Bigin takes them
     * at {@code POST /{module}/{id}/Notes}; Zoho CRM v8 at {@code POST /Notes}, each naming its record in
     * {@code Parent_Id}.
     */
    public List<WriteResult> createNotes(String module, String recordId, List<Map<String, Object>> notes,
                                         WriteOptions options) {
        checkRecordId(recordId);
        if (!api.has(Feature.NOTES_BY_PARENT)) {
            return write("createNotes", module, notes, options, r -> null, new Call(chunk -> ApiRequest
                    .post("/" + module + "/" + recordId + "/Notes").json(JsonCalls.toBytes(Map.of("data", chunk)))
                    .credits((chunk.size() + 9) / 10), api.writeBatch(), false));
        }
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("module", Map.of("api_name", module));
        parent.put("id", recordId);
        List<Map<String, Object>> withParent = new ArrayList<>(notes.size());
        for (Map<String, Object> note : notes) {
            Map<String, Object> n = new LinkedHashMap<>(note);
            n.putIfAbsent("Parent_Id", parent);
            withParent.add(n);
        }
        return write("createNotes", module, withParent, options, r -> null, new Call(chunk -> ApiRequest
                .post("/Notes").json(JsonCalls.toBytes(Map.of("data", chunk))).credits((chunk.size() + 9) / 10),
                api.writeBatch(), false));
    }

    /**
     * Relates records of a related list to one record, updating the fields each carries beside its {@code id}
     * ({@code PUT /{module}/{id}/{related}}); results in input order.
     */
    public List<WriteResult> updateRelated(String module, String recordId, String relatedList,
                                           List<Map<String, Object>> related, WriteOptions options) {
        checkRecordId(recordId);
        return write("updateRelated", module, related, options, this::idProblem, new Call(chunk -> ApiRequest
                .put("/" + module + "/" + recordId + "/" + relatedList).json(JsonCalls.toBytes(Map.of("data", chunk)))
                .credits((chunk.size() + 9) / 10), api.writeBatch(), true));
    }

    /** Delinks records of a related list from one record ({@code DELETE /{module}/{id}/{related}?ids=}). */
    public List<WriteResult> delinkRelated(String module, String recordId, String relatedList, List<String> relatedIds,
                                           WriteOptions options) {
        checkRecordId(recordId);
        return write("delinkRelated", module, idInputs(relatedIds), options, this::idProblem, new Call(chunk ->
                ApiRequest.delete("/" + module + "/" + recordId + "/" + relatedList).query("ids", joinedIds(chunk)),
                api.writeBatch(), true));
    }

    /** Creates tags in a module ({@code POST /settings/tags}); an existing name is refused as DUPLICATE_DATA. */
    public List<WriteResult> createTags(String module, List<String> names, WriteOptions options) {
        checkTags(names);
        List<Map<String, Object>> inputs = new ArrayList<>();
        names.forEach(n -> inputs.add(new LinkedHashMap<>(Map.of("name", n))));
        return write("createTags", module, inputs, options, r -> null, new Call(chunk -> ApiRequest
                .post("/settings/tags").query("module", module).json(JsonCalls.toBytes(Map.of("tags", chunk))),
                api.writeBatch(), false));
    }

    private void checkRecordId(String recordId) {
        if (recordId == null || !Names.isId(recordId)) {
            throw new IllegalArgumentException("'" + recordId + "' is not a " + api.product() + " record id: ids are"
                                               + " long numbers such as 7255024000000596045");
        }
    }

    private static void checkTags(List<String> tags) {
        if (tags == null || tags.isEmpty() || tags.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new IllegalArgumentException("No tag names given (" + tags + "): name one or more tags, e.g."
                                               + " tags=Hot,Renewal or the CamelBiginTags header");
        }
        for (String t : tags) {
            if (t.contains(",")) {
                throw new IllegalArgumentException("Tag name '" + t + "' contains a comma, which separates tag names"
                                                   + " in Bigin's API: rename the tag");
            }
        }
    }

    private static List<Map<String, Object>> idInputs(List<String> ids) {
        List<Map<String, Object>> inputs = new ArrayList<>(ids.size());
        for (String id : ids) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("id", id);
            inputs.add(input);
        }
        return inputs;
    }

    private static String joinedIds(List<Map<String, Object>> chunk) {
        return chunk.stream().map(r -> r.get("id").toString()).collect(Collectors.joining(","));
    }

    /**
     * Updates records, each identified by its {@code id}; results in input order. A record without a well-formed id
     * is refused here, like any record Zoho refuses: its result says why, and the others are written.
     */
    public List<WriteResult> update(String module, List<Map<String, Object>> records, WriteOptions options) {
        String external = options == null ? null : options.externalField();
        return write(RecordWrite.UPDATE, module, records, options, external == null ? this::idProblem
                : r -> r.get(external) == null || r.get(external).toString().isBlank() ? "has no '" + external
                        + "': each record to update by external id needs its value" : null);
    }

    /**
     * Sets the same field values on records by id ({@code POST /{module}/actions/mass_update}, Zoho CRM); one result
     * per id in input order. 100 ids a call: Zoho documents no larger batch that answers per record.
     */
    public List<WriteResult> massUpdate(String module, Map<String, Object> values, List<String> ids,
                                        WriteOptions options) {
        if (!api.has(Feature.RECORD_ACTIONS)) {
            throw new IllegalArgumentException(api.product() + " has no mass update: use update with the records");
        }
        checkMassUpdateValues(values);
        return write("massUpdate", module, idInputs(ids), options, this::idProblem, new Call(chunk -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", List.of(values));
            body.put("ids", chunk.stream().map(r -> r.get("id").toString()).toList());
            return ApiRequest.post("/" + module + "/actions/mass_update").json(JsonCalls.toBytes(body))
                    .credits((chunk.size() + 9) / 10);
        }, api.writeBatch(), true));
    }

    /** Refuses a mass update without values to set. */
    public static void checkMassUpdateValues(Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("massUpdate needs the field values to set, e.g. {\"Lead_Status\":"
                                               + " \"Contacted\"}, as the body (a Map)");
        }
    }

    /** Inserts records or updates those that match on the duplicate-check fields; results say which. */
    public List<WriteResult> upsert(String module, List<Map<String, Object>> records, WriteOptions options) {
        return write(RecordWrite.UPSERT, module, records, options, r -> null);
    }

    /** Deletes records by id; results in input order. A malformed id is refused here, the others are deleted. */
    public List<WriteResult> delete(String module, List<String> ids, WriteOptions options) {
        boolean external = options != null && options.externalField() != null;
        return write(RecordWrite.DELETE, module, idInputs(ids), options, external
                ? r -> r.get("id").toString().isBlank() ? "has a blank external id" : null : this::idProblem);
    }

    /** Why a record cannot be updated or deleted (it has no well-formed id), or null when it can. */
    private String idProblem(Map<String, Object> record) {
        Object id = record.get("id");
        if (id == null || id.toString().isBlank()) {
            return "has no 'id': each record to update needs its " + api.product() + " record id";
        }
        return Names.isId(id.toString()) ? null : "'" + id + "' is not a " + api.product() + " record id: ids are long"
                                                  + " numbers such as 7255024000000596045 (keep them as strings)";
    }

    /**
     * Writes the records {@code refusal} does not refuse, in calls of at most the batch size, and reports every record
     * in input order: refused ones with {@code INVALID_DATA} and why, without a call for them.
     */
    private List<WriteResult> write(RecordWrite kind, String module, List<Map<String, Object>> records,
                                    WriteOptions options, Function<Map<String, Object>, String> refusal) {
        WriteOptions opts = options == null ? WriteOptions.create() : options;
        // by external id Zoho answers with its own ids: results then match the input by order, as Zoho keeps it
        return write(kind.operation, module, records, options, refusal, new Call(
                chunk -> request(kind, module, chunk, opts), api.writeBatch(),
                opts.externalField() == null && kind.carriesIds()));
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
        Object data = answer.get("data") != null ? answer.get("data") : answer.get("tags"); // tag settings say tags
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

    private ApiRequest.Builder request(RecordWrite kind, String module, List<Map<String, Object>> chunk,
                                       WriteOptions opts) {
        return plainRequest(kind, module, chunk, opts).header("X-EXTERNAL", Names.external(api, module,
                opts.externalField()));
    }

    private static ApiRequest.Builder plainRequest(RecordWrite kind, String module, List<Map<String, Object>> chunk,
                                                   WriteOptions opts) {
        if (kind == RecordWrite.DELETE) {
            return kind.request(module)
                    .query("ids", chunk.stream().map(r -> r.get("id").toString()).collect(Collectors.joining(",")))
                    .query("wf_trigger", opts.trigger() != null && !opts.trigger().contains("workflow") ? "false" : null);
        }
        Map<String, Object> body = new LinkedHashMap<>(); // written straight from the maps: no tree in between
        body.put("data", chunk);
        if (opts.trigger() != null) {
            body.put("trigger", opts.trigger());
        }
        if (kind == RecordWrite.UPSERT && opts.duplicateCheckFields() != null) {
            body.put("duplicate_check_fields", opts.duplicateCheckFields());
        }
        return kind.request(module).json(JsonCalls.toBytes(body)).credits((chunk.size() + 9) / 10);
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
}
