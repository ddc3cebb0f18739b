package io.github.camelbigin.zoho.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.api.Feature;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiRequest;

/**
 * What is written beside records, through the same per-record results: tags (on records and in the module), notes of
 * a record, and the records of a record's related lists.
 */
public final class RelatedWrites {

    private final BatchWriter writer;
    private final ZohoApi api;

    public RelatedWrites(JsonCalls calls) {
        this.writer = new BatchWriter(calls);
        this.api = calls.api();
    }

    /**
     * Adds tags to records (by id), creating tags the module does not have yet; 500 records a call, with the tags in
     * a JSON body as Bigin's v2 documents. {@code overwrite} replaces the records' tags instead.
     */
    public List<WriteResult> addTags(String module, List<String> ids, List<String> tags, boolean overwrite,
                                     WriteOptions options) {
        checkTags(tags);
        return writer.write("addTags", module, BatchWriter.idInputs(ids), options, writer::idProblem,
                new BatchWriter.Call(chunk -> {
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
        return writer.write("removeTags", module, BatchWriter.idInputs(ids), options, writer::idProblem,
                new BatchWriter.Call(chunk -> {
                    ApiRequest.Builder rb = ApiRequest.post("/" + module + "/actions/remove_tags");
                    if (!api.has(Feature.TAGS_IN_BODY)) {
                        return rb.query("ids", BatchWriter.joinedIds(chunk)).query("tag_names", String.join(",", tags));
                    }
                    return rb.json(JsonCalls.toBytes(tagBody(tags, chunk)));
                }, api.writeBatch(), true));
    }

    /** Creates tags in a module ({@code POST /settings/tags}); an existing name is refused as DUPLICATE_DATA. */
    public List<WriteResult> createTags(String module, List<String> names, WriteOptions options) {
        checkTags(names);
        List<Map<String, Object>> inputs = new ArrayList<>();
        names.forEach(n -> inputs.add(new LinkedHashMap<>(Map.of("name", n))));
        return writer.write("createTags", module, inputs, options, r -> null, new BatchWriter.Call(chunk -> ApiRequest
                .post("/settings/tags").query("module", module).json(JsonCalls.toBytes(Map.of("tags", chunk))),
                api.writeBatch(), false));
    }

    /** {@code {"tags": [{"name": …}], "ids": [...]}}, the body of a tag call. */
    private static Map<String, Object> tagBody(List<String> tags, List<Map<String, Object>> chunk) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tags", tags.stream().map(t -> Map.of("name", t)).toList());
        body.put("ids", chunk.stream().map(r -> r.get("id").toString()).toList());
        return body;
    }

    private void checkTags(List<String> tags) {
        if (tags == null || tags.isEmpty() || tags.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new IllegalArgumentException("No tag names given (" + tags + "): name one or more tags, e.g. Hot,"
                                               + " Renewal");
        }
        for (String t : tags) {
            if (t.contains(",")) {
                throw new IllegalArgumentException("Tag name '" + t + "' contains a comma, which separates tag names"
                                                   + " in " + api.product() + "'s API: rename the tag");
            }
        }
    }

    /**
     * Creates notes on one record ({@code Note_Title}, {@code Note_Content}); results in input order. Bigin takes them
     * at {@code POST /{module}/{id}/Notes}; Zoho CRM v8 at {@code POST /Notes}, each naming its record in
     * {@code Parent_Id}.
     */
    public List<WriteResult> createNotes(String module, String recordId, List<Map<String, Object>> notes,
                                         WriteOptions options) {
        writer.checkRecordId(recordId);
        if (!api.has(Feature.NOTES_BY_PARENT)) {
            return writer.write("createNotes", module, notes, options, r -> null, new BatchWriter.Call(chunk ->
                    ApiRequest.post("/" + module + "/" + recordId + "/Notes")
                            .json(JsonCalls.toBytes(Map.of("data", chunk))).credits((chunk.size() + 9) / 10),
                    api.writeBatch(), false));
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
        return writer.write("createNotes", module, withParent, options, r -> null, new BatchWriter.Call(chunk ->
                ApiRequest.post("/Notes").json(JsonCalls.toBytes(Map.of("data", chunk))).credits((chunk.size() + 9) / 10),
                api.writeBatch(), false));
    }

    /**
     * Relates records of a related list to one record, updating the fields each carries beside its {@code id}
     * ({@code PUT /{module}/{id}/{related}}); results in input order.
     */
    public List<WriteResult> updateRelated(String module, String recordId, String relatedList,
                                           List<Map<String, Object>> related, WriteOptions options) {
        writer.checkRecordId(recordId);
        return writer.write("updateRelated", module, related, options, writer::idProblem, new BatchWriter.Call(chunk ->
                ApiRequest.put("/" + module + "/" + recordId + "/" + relatedList)
                        .json(JsonCalls.toBytes(Map.of("data", chunk))).credits((chunk.size() + 9) / 10),
                api.writeBatch(), true));
    }

    /** Delinks records of a related list from one record ({@code DELETE /{module}/{id}/{related}?ids=}). */
    public List<WriteResult> delinkRelated(String module, String recordId, String relatedList, List<String> relatedIds,
                                           WriteOptions options) {
        writer.checkRecordId(recordId);
        return writer.write("delinkRelated", module, BatchWriter.idInputs(relatedIds), options, writer::idProblem,
                new BatchWriter.Call(chunk -> ApiRequest.delete("/" + module + "/" + recordId + "/" + relatedList)
                        .query("ids", BatchWriter.joinedIds(chunk)), api.writeBatch(), true));
    }
}
