package io.github.camelbigin.zoho.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.api.Feature;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiRequest;

/**
 * Zoho CRM's recycle bin ({@code /settings/recycle_bin}): what was deleted and can still come back — listed by module,
 * restored, or deleted for good, 100 ids a call, a result per record in input order. Zoho keeps a deleted record there
 * for 60 days.
 */
public final class RecycleBin {

    private final JsonCalls calls;
    private final BatchWriter writer;
    private final ZohoApi api;

    public RecycleBin(JsonCalls calls) {
        this.calls = calls;
        this.writer = new BatchWriter(calls);
        this.api = calls.api();
    }

    /**
     * The module's records in the recycle bin, newest deletion first, lazily paged: each with its id, display_name,
     * deleted_time, deleted_by, owner and module.
     */
    public RecordIterator list(String module, RecordQuery query) {
        supported();
        Names.checkModule(api, module);
        RecordQuery q = query == null ? RecordQuery.create() : query;
        String filters = JsonCalls.toJson(moduleFilter(module));
        return JsonCalls.paged(q, (page, token, perPage) -> calls.page(JsonCalls.pageParams(ApiRequest
                .get("/settings/recycle_bin").query("filters", filters).query("sort_by", "deleted_time")
                .query("sort_order", "desc").operation("recycleBin", module), page, null, perPage).build()));
    }

    /**
     * Restores records from the recycle bin ({@code POST /settings/recycle_bin/actions/restore}), with their notes and
     * attachments. The ids go both in the query, as the deletion takes them, and in the body, as Zoho's sample sends
     * them: either reading finds them.
     */
    public List<WriteResult> restore(String module, List<String> ids, WriteOptions options) {
        supported();
        return writer.write("restore", module, BatchWriter.idInputs(ids), options, writer::idProblem,
                new BatchWriter.Call(chunk -> ApiRequest.post("/settings/recycle_bin/actions/restore")
                        .query("ids", BatchWriter.joinedIds(chunk))
                        .json(JsonCalls.toBytes(Map.of("data", chunk))), api.writeBatch(), true));
    }

    /** Deletes records from the recycle bin for good ({@code DELETE /settings/recycle_bin?ids=}). */
    public List<WriteResult> purge(String module, List<String> ids, WriteOptions options) {
        supported();
        return writer.write("purge", module, BatchWriter.idInputs(ids), options, writer::idProblem,
                new BatchWriter.Call(chunk -> ApiRequest.delete("/settings/recycle_bin")
                        .query("ids", BatchWriter.joinedIds(chunk)), api.writeBatch(), true));
    }

    /** {@code {"field": {"api_name": "module"}, "comparator": "equal", "value": module}}. */
    private static Map<String, Object> moduleFilter(String module) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("field", Map.of("api_name", "module"));
        filter.put("comparator", "equal");
        filter.put("value", module);
        return filter;
    }

    private void supported() {
        if (!api.has(Feature.RECYCLE_BIN)) {
            throw new IllegalArgumentException(api.product() + " has no recycle bin API: the deleted operation lists"
                                               + " what was deleted");
        }
    }
}
