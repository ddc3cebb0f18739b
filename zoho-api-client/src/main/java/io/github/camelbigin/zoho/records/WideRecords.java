package io.github.camelbigin.zoho.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Records wider than one request may read: Zoho answers at most {@code maxFields} fields a request, and a module's
 * fields (about 70 in a default Contacts module, more with custom fields) are read in chunks of that many, each chunk
 * one more call, and merged by id. Every chunk after the first also asks the version field ({@code Modified_Time}), so
 * a record changed between two chunk reads is seen as such instead of being merged from two versions of it.
 */
final class WideRecords {

    static final String VERSION_FIELD = "Modified_Time";

    private WideRecords() {
    }

    /** Whether these fields need more than one request. */
    static boolean wide(List<String> fields, int maxFields) {
        return fields != null && fields.size() > maxFields;
    }

    /**
     * The fields in chunks of at most {@code maxFields}: the first as given (mandatory and time fields come first in
     * the defaults), each further one with the version field added when the fields hold it.
     */
    static List<List<String>> chunks(List<String> fields, int maxFields) {
        List<List<String>> chunks = new ArrayList<>();
        chunks.add(List.copyOf(fields.subList(0, Math.min(maxFields, fields.size()))));
        boolean versioned = fields.contains(VERSION_FIELD);
        int size = versioned ? maxFields - 1 : maxFields;
        for (int from = maxFields; from < fields.size(); from += size) {
            List<String> chunk = new ArrayList<>();
            if (versioned) {
                chunk.add(VERSION_FIELD);
            }
            chunk.addAll(fields.subList(from, Math.min(from + size, fields.size())));
            chunks.add(List.copyOf(chunk));
        }
        return chunks;
    }

    /**
     * Merges the first chunk's records with the other chunks' reads of the same records, in the first chunk's order.
     * A record missing from another chunk's read, or read there in another version, goes to {@code unmatched}, whose
     * answer (the record completed another way, or null to leave it out) takes its place.
     */
    static List<Map<String, Object>> merge(List<Map<String, Object>> first, List<List<Map<String, Object>>> others,
                                           Function<Map<String, Object>, Map<String, Object>> unmatched) {
        List<Map<String, Map<String, Object>>> byId = new ArrayList<>(others.size());
        for (List<Map<String, Object>> records : others) {
            Map<String, Map<String, Object>> index = new HashMap<>();
            for (Map<String, Object> r : records) {
                index.put(String.valueOf(r.get("id")), r);
            }
            byId.add(index);
        }
        List<Map<String, Object>> merged = new ArrayList<>(first.size());
        for (Map<String, Object> record : first) {
            Map<String, Object> whole = new LinkedHashMap<>(record);
            boolean matched = true;
            for (Map<String, Map<String, Object>> index : byId) {
                Map<String, Object> part = index.get(String.valueOf(record.get("id")));
                if (part == null || !sameVersion(record, part)) {
                    matched = false;
                    break;
                }
                part.forEach(whole::putIfAbsent);
            }
            Map<String, Object> result = matched ? whole : unmatched.apply(record);
            if (result != null) {
                merged.add(result);
            }
        }
        return merged;
    }

    /** Whether two reads show the same version of a record (the version field equal, or absent from either). */
    static boolean sameVersion(Map<String, Object> a, Map<String, Object> b) {
        return !a.containsKey(VERSION_FIELD) || !b.containsKey(VERSION_FIELD)
               || Objects.equals(a.get(VERSION_FIELD), b.get(VERSION_FIELD));
    }
}
