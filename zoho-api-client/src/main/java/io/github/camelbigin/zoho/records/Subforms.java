package io.github.camelbigin.zoho.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiRequest;

/**
 * Keeps the subform rows (line items) — and a multi-select lookup's links, rows of its linking module — an update
 * does not name. Zoho CRM replaces a record's subform with what an update sends: a Quote updated with one new line item
 * loses the others unless their ids come along (whether a multi-select lookup's links not sent stay Zoho does not say:
 * sending them is right either way). So before such an update the records' current rows are read (one call per 100
 * records, only for records that send such a field) and every row the update does not name is sent by its id; a row
 * the update marks with {@code "_delete"} is sent as Zoho's removal ({@code "_delete": null}). Each record's result
 * says how many rows were kept.
 */
final class Subforms {

    /** The detail a result carries: per subform, the rows kept that the update did not name. */
    static final String KEPT = "subform_rows_kept";

    private final JsonCalls calls;
    private final ZohoApi api;
    private final Function<String, Set<String>> subformFields;

    /** @param subformFields a module's subform fields (from its field metadata, kept after one call) */
    Subforms(JsonCalls calls, Function<String, Set<String>> subformFields) {
        this.calls = calls;
        this.api = calls.api();
        this.subformFields = subformFields;
    }

    /** The records to send, and per input position the rows kept by subform. */
    record Prepared(List<Map<String, Object>> records, Map<Integer, Map<String, Integer>> kept) {
    }

    /** The records as the update must send them so that the rows it does not name stay. */
    Prepared prepare(String module, List<Map<String, Object>> records, SubformRows mode) {
        List<Map<String, Object>> out = new ArrayList<>(records.size());
        Map<Integer, Map<String, Integer>> kept = new LinkedHashMap<>();
        if (!records.stream().anyMatch(Subforms::hasList)) {
            return new Prepared(records, kept); // no subform sent: no metadata, no read
        }
        Set<String> subforms = subformFields.apply(module);
        Map<String, Map<String, Object>> current = mode == SubformRows.keep ? current(module, records, subforms)
                : Map.of();
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> record = records.get(i);
            Map<String, Object> sent = new LinkedHashMap<>(record);
            Map<String, Object> now = current.get(String.valueOf(record.get("id")));
            for (String field : subforms) {
                if (record.get(field) instanceof List<?> rows) {
                    Object existing = now == null ? null : now.get(field);
                    List<Map<String, Object>> merged = merge(rows, existing instanceof List<?> l ? l : List.of());
                    int keptRows = merged.size() - rows.size();
                    if (keptRows > 0) {
                        kept.computeIfAbsent(i, k -> new LinkedHashMap<>()).put(field, keptRows);
                    }
                    sent.put(field, merged);
                }
            }
            out.add(sent);
        }
        return new Prepared(out, kept);
    }

    /** The update's rows (a {@code _delete} mark as Zoho's removal), then the existing rows it does not name. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> merge(List<?> rows, List<?> existing) {
        List<Map<String, Object>> merged = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (Object o : rows) {
            Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) o);
            if (row.get("id") != null) {
                named.add(row.get("id").toString());
                if (row.containsKey("_delete")) {
                    row.put("_delete", null); // how Zoho removes a row: its id and a null _delete
                }
            }
            merged.add(row);
        }
        for (Object o : existing) {
            Object id = o instanceof Map<?, ?> m ? m.get("id") : null;
            if (id != null && !named.contains(id.toString())) {
                Map<String, Object> keep = new LinkedHashMap<>();
                keep.put("id", id.toString());
                merged.add(keep);
            }
        }
        return merged;
    }

    /** The current subform rows of the records that send one, by id ({@code GET /{module}?ids=}, 100 a call). */
    private Map<String, Map<String, Object>> current(String module, List<Map<String, Object>> records,
                                                     Set<String> subforms) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> r : records) {
            // a malformed id is refused record by record by the update itself: it is not read here
            if (r.get("id") != null && Names.isId(r.get("id").toString())
                && subforms.stream().anyMatch(f -> r.get(f) instanceof List)) {
                ids.add(r.get("id").toString());
            }
        }
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        List<String> fields = new ArrayList<>(subforms);
        for (int from = 0; from < ids.size(); from += api.writeBatch()) {
            List<String> chunk = ids.subList(from, Math.min(from + api.writeBatch(), ids.size()));
            ApiRequest request = ApiRequest.get("/" + module).query("ids", String.join(",", chunk))
                    .query("fields", String.join(",", fields)).operation("update (its subform rows)", module).build();
            for (Map<String, Object> r : calls.records(request, calls.execute(request))) {
                byId.put(String.valueOf(r.get("id")), r);
            }
        }
        return byId;
    }

    private static boolean hasList(Map<String, Object> record) {
        return record.values().stream().anyMatch(v -> v instanceof List);
    }
}
