package io.github.camelbigin.zoho.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelbigin.zoho.api.Feature;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiRequest;

/**
 * Creates, updates, upserts and deletes records — and, on Zoho CRM, sets one set of values on many (mass update) — in
 * calls of at most the API's write batch (100), reporting every record's outcome in input order.
 */
public final class RecordWrites {

    private final BatchWriter writer;
    private final ZohoApi api;
    private final Subforms subforms;

    /** @param subformFields a module's subform fields (its line items), asked only by updates that send one */
    public RecordWrites(JsonCalls calls, Function<String, Set<String>> subformFields) {
        this.writer = new BatchWriter(calls);
        this.api = calls.api();
        this.subforms = new Subforms(calls, subformFields);
    }

    /** Creates records; results in input order. */
    public List<WriteResult> create(String module, List<Map<String, Object>> records, WriteOptions options) {
        return write(RecordWrite.CREATE, module, records, options, r -> null);
    }

    /**
     * Updates records, each identified by its {@code id}; results in input order. A record without a well-formed id
     * is refused here, like any record Zoho refuses: its result says why, and the others are written. Where the API
     * has subforms, the rows an update does not name stay ({@link SubformRows#keep}, the default: read first, one call
     * per 100 records that send a subform) and each result says how many were kept.
     */
    public List<WriteResult> update(String module, List<Map<String, Object>> records, WriteOptions options) {
        String external = options == null ? null : options.externalField();
        Subforms.Prepared prepared = api.has(Feature.SUBFORMS) && external == null
                ? subforms.prepare(module, records, options == null ? SubformRows.keep : options.subformRows())
                : new Subforms.Prepared(records, Map.of());
        List<WriteResult> results = write(RecordWrite.UPDATE, module, prepared.records(), options,
                external == null ? writer::idProblem
                        : r -> r.get(external) == null || r.get(external).toString().isBlank() ? "has no '"
                               + external + "': each record to update by external id needs its value" : null);
        if (prepared.kept().isEmpty()) {
            return results;
        }
        List<WriteResult> said = new java.util.ArrayList<>(results);
        prepared.kept().forEach((i, kept) -> said.set(i, said.get(i).isSuccess()
                ? said.get(i).withDetail(Subforms.KEPT, kept) : said.get(i)));
        return List.copyOf(said);
    }

    /** Inserts records or updates those that match on the duplicate-check fields; results say which. */
    public List<WriteResult> upsert(String module, List<Map<String, Object>> records, WriteOptions options) {
        return write(RecordWrite.UPSERT, module, records, options, r -> null);
    }

    /** Deletes records by id; results in input order. A malformed id is refused here, the others are deleted. */
    public List<WriteResult> delete(String module, List<String> ids, WriteOptions options) {
        boolean external = options != null && options.externalField() != null;
        return write(RecordWrite.DELETE, module, BatchWriter.idInputs(ids), options, external
                ? r -> r.get("id").toString().isBlank() ? "has a blank external id" : null : writer::idProblem);
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
        return writer.write("massUpdate", module, BatchWriter.idInputs(ids), options, writer::idProblem,
                new BatchWriter.Call(chunk -> {
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

    /**
     * Writes the records {@code refusal} does not refuse, in calls of at most the batch size, and reports every record
     * in input order: refused ones with {@code INVALID_DATA} and why, without a call for them.
     */
    private List<WriteResult> write(RecordWrite kind, String module, List<Map<String, Object>> records,
                                    WriteOptions options, Function<Map<String, Object>, String> refusal) {
        WriteOptions opts = options == null ? WriteOptions.create() : options;
        // by external id Zoho answers with its own ids: results then match the input by order, as Zoho keeps it
        return writer.write(kind.operation, module, records, options, refusal, new BatchWriter.Call(
                chunk -> request(kind, module, chunk, opts), api.writeBatch(),
                opts.externalField() == null && kind.carriesIds()));
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
}
