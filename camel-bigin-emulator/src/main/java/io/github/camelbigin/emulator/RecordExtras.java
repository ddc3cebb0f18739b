package io.github.camelbigin.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the API offers beside records, as Bigin's v2 documentation describes it: tags (a module's tags under
 * {@code /settings/tags}; added with a JSON body and removed with query parameters on {@code /{module}/actions/…}),
 * notes created on a record ({@code POST /{module}/{id}/Notes}), and related records updated or delinked
 * ({@code PUT} and {@code DELETE /{module}/{id}/{related}}).
 */
final class RecordExtras {

    /** Record ids a tag call takes (bigin-api.md: 500 per tag call). */
    static final int MAX_TAG_IDS = 500;
    /** Tags one record can have, as Zoho CRM documents (Bigin is assumed the same: the harsher reading). */
    static final int MAX_TAGS_PER_RECORD = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Org org;
    /** Module to tag name (lower case) to the tag, in creation order. */
    private final Map<String, Map<String, Map<String, Object>>> tags = new LinkedHashMap<>();
    private final AtomicLong tagIds = new AtomicLong(2_034_020_000_000_504_000L);

    private final Flavour flavour;

    RecordExtras(Org org, Flavour flavour) {
        this.org = org;
        this.flavour = flavour;
    }

    void reset() {
        synchronized (tags) {
            tags.clear();
        }
    }

    // ------------------------------------------------------------------ tags

    /** {@code GET} or {@code POST /settings/tags?module=}. */
    Answer settingsTags(RecordedRequest req) {
        Org.ModuleData m = moduleParam(req);
        if ("GET".equals(req.method())) {
            List<Map<String, Object>> list;
            synchronized (tags) {
                list = new ArrayList<>(tagsOf(m).values());
            }
            return Answer.json(200, Map.of("tags", list, "info", Map.of("count", list.size(), "allowed_count", 100)));
        }
        if (!"POST".equals(req.method())) {
            throw EmulatorError.badRequest("INVALID_URL_PATTERN", "the method is not allowed", "method", req.method());
        }
        JsonNode body = req.bodyObject();
        JsonNode items = body.path("tags");
        if (!items.isArray() || items.isEmpty()) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                    "param_name", "tags");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        synchronized (tags) {
            for (JsonNode item : items) {
                String name = item.path("name").asText("").trim();
                if (name.isEmpty()) {
                    results.add(Org.error("MANDATORY_NOT_FOUND", "required field not found", "api_name", "name"));
                } else if (tagsOf(m).containsKey(name.toLowerCase(Locale.ROOT))) {
                    results.add(Org.error("DUPLICATE_DATA", "duplicate data", "api_name", "name", "id",
                            tagsOf(m).get(name.toLowerCase(Locale.ROOT)).get("id")));
                } else {
                    results.add(Org.success(tag(m, name), "tags created successfully"));
                }
            }
        }
        return Answer.json(status(results), Map.of("tags", results));
    }

    /**
     * {@code POST /{module}/actions/add_tags} (JSON body) or {@code …/remove_tags} (Bigin: query parameters; Zoho CRM:
     * a JSON body of tags and ids, as its v8 specification declares).
     */
    Answer recordTags(Org.ModuleData m, String action, RecordedRequest req) {
        boolean add = "add_tags".equals(action);
        List<String> ids;
        List<String> names;
        boolean overwrite = false;
        if (add || flavour == Flavour.CRM) {
            JsonNode body = req.bodyObject();
            ids = texts(body.path("ids"));
            names = new ArrayList<>();
            body.path("tags").forEach(t -> names.add(t.path("name").asText("").trim()));
            overwrite = body.path("over_write").asBoolean(false);
            if (ids.isEmpty() || names.isEmpty()) {
                throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                        "param_name", ids.isEmpty() ? "ids" : "tags");
            }
        } else {
            ids = split(req.query("ids"));
            names = split(req.query("tag_names"));
            if (ids.isEmpty() || names.isEmpty()) {
                throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                        "param_name", ids.isEmpty() ? "ids" : "tag_names");
            }
        }
        if (ids.size() > MAX_TAG_IDS) {
            throw EmulatorError.badRequest("LIMIT_EXCEEDED", "the number of ids exceeds the limit of " + MAX_TAG_IDS,
                    "limit", MAX_TAG_IDS);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        org.lock.writeLock().lock();
        try {
            synchronized (tags) {
                for (String id : ids) {
                    Org.StoredRecord r = org.find(m, id);
                    if (r == null) {
                        results.add(Org.error("INVALID_DATA", "the id given seems to be invalid", "id", id));
                        continue;
                    }
                    List<String> after = new ArrayList<>(add && !overwrite ? r.tags : add ? List.of() : r.tags);
                    for (String name : names) {
                        if (add && after.stream().noneMatch(t -> t.equalsIgnoreCase(name))) {
                            after.add(String.valueOf(tag(m, name).get("name")));
                        } else if (!add) {
                            after.removeIf(t -> t.equalsIgnoreCase(name));
                        }
                    }
                    if (after.size() > MAX_TAGS_PER_RECORD) {
                        results.add(Org.error("LIMIT_EXCEEDED", "a record can have at most " + MAX_TAGS_PER_RECORD
                                                                + " tags", "id", id));
                        continue;
                    }
                    if (!after.equals(r.tags)) {
                        r.tags.clear();
                        r.tags.addAll(after);
                        org.touched(m, r, Set.of("Tag"));
                    }
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("id", id);
                    // Bigin names the record's tags; Zoho CRM's v8 specification gives each as {id, name, color_code}
                    details.put("tags", flavour == Flavour.BIGIN ? List.copyOf(r.tags) : r.tags.stream().map(n -> {
                        Map<String, Object> t = new LinkedHashMap<>();
                        t.put("id", tag(m, n).get("id"));
                        t.put("name", n);
                        t.put("color_code", null);
                        return t;
                    }).toList());
                    results.add(Org.success(details, "tags updated successfully"));
                }
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        return Answer.json(status(results), Map.of("data", results));
    }

    /** The module's tag of that name, created when it has none (as adding an unknown tag to a record does). */
    private Map<String, Object> tag(Org.ModuleData m, String name) {
        return tagsOf(m).computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", String.valueOf(tagIds.incrementAndGet()));
            t.put("name", name);
            t.put("created_time", org.format(org.clock.instant()));
            return t;
        });
    }

    private Map<String, Map<String, Object>> tagsOf(Org.ModuleData m) {
        return tags.computeIfAbsent(m.spec.apiName(), k -> new LinkedHashMap<>());
    }

    // ------------------------------------------------------------------ notes and related records

    /** {@code POST /{module}/{id}/Notes}: notes created on the record (each a Notes record with its Parent_Id). */
    Answer createNotes(Org.ModuleData m, String id, RecordedRequest req) {
        JsonNode data = req.bodyObject().path("data");
        if (!data.isArray() || data.isEmpty()) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                    "param_name", "data");
        }
        Org.ModuleData notes = org.module("Notes");
        List<Map<String, Object>> results = new ArrayList<>();
        org.lock.writeLock().lock();
        try {
            if (org.find(m, id) == null) {
                throw EmulatorError.badRequest("INVALID_DATA", "the related id given seems to be invalid", "id", id);
            }
            for (JsonNode item : data) {
                Map<String, Object> input = JSON.convertValue(item, Map.class);
                input.put("Parent_Id", Map.of("id", id));
                input.put("$se_module", m.spec.apiName());
                results.add(org.create(notes, input));
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        return Answer.json(status(results) == 200 ? 201 : status(results), Map.of("data", results))
                .credits((data.size() + 9) / 10);
    }

    /**
     * {@code PUT /{module}/{id}/{related}} (link each {@code data} record to the parent, and update its fields) or
     * {@code DELETE …?ids=} (delink them).
     */
    Answer relatedWrite(Org.ModuleData parent, String id, String relatedName, RecordedRequest req) {
        Org.ModuleData rel = org.module(relatedName);
        if (rel == null) {
            throw EmulatorError.badRequest("INVALID_DATA", "the related list name given seems to be invalid",
                    "api_name", relatedName);
        }
        FieldSpec lookup = rel.spec.fields().values().stream()
                .filter(f -> "lookup".equals(f.dataType()) && parent.spec.apiName().equals(f.lookupModule()))
                .findFirst()
                .orElseGet(() -> rel.spec.fields().values().stream()
                        .filter(f -> "lookup".equals(f.dataType()) && f.lookupModule() == null).findFirst()
                        .orElseThrow(() -> EmulatorError.badRequest("INVALID_DATA", relatedName + " is not related to "
                                                                    + parent.spec.apiName(), "api_name", relatedName)));
        boolean link = "PUT".equals(req.method());
        List<Map<String, Object>> inputs = new ArrayList<>();
        if (link) {
            JsonNode data = req.bodyObject().path("data");
            if (!data.isArray() || data.isEmpty()) {
                throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                        "param_name", "data");
            }
            data.forEach(item -> inputs.add(JSON.convertValue(item, Map.class)));
        } else {
            split(req.query("ids")).forEach(relatedId -> inputs.add(new LinkedHashMap<>(Map.of("id", relatedId))));
            if (inputs.isEmpty()) {
                throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                        "param_name", "ids");
            }
        }
        if (inputs.size() > 100) {
            throw EmulatorError.badRequest("LIMIT_EXCEEDED", "the number of records exceeds the limit of 100",
                    "limit", 100);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        org.lock.writeLock().lock();
        try {
            if (org.find(parent, id) == null) {
                throw EmulatorError.badRequest("INVALID_DATA", "the related id given seems to be invalid", "id", id);
            }
            for (Map<String, Object> input : inputs) {
                String relatedId = String.valueOf(input.get("id"));
                Org.StoredRecord r = org.find(rel, relatedId);
                Object current = r == null ? null : r.data.get(lookup.apiName());
                boolean linkedHere = current instanceof Map<?, ?> v && id.equals(String.valueOf(v.get("id")));
                if (r == null || !link && !linkedHere) {
                    results.add(Org.error("INVALID_DATA", "the related id given seems to be invalid", "id", relatedId));
                    continue;
                }
                Map<String, Object> change = new LinkedHashMap<>(input);
                change.put(lookup.apiName(), link ? Map.of("id", id) : null);
                Map<String, Object> written = org.update(rel, change);
                if (!"success".equals(written.get("status"))) {
                    results.add(written);
                    continue;
                }
                results.add(Org.success(new LinkedHashMap<>(Map.of("id", relatedId)),
                        link ? "relation updated" : "relation removed"));
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        return Answer.json(status(results), Map.of("data", results));
    }

    // ------------------------------------------------------------------ helpers

    private Org.ModuleData moduleParam(RecordedRequest req) {
        String name = req.query("module");
        if (name == null || name.isBlank()) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                    "param_name", "module");
        }
        Org.ModuleData m = org.module(name);
        if (m == null) {
            throw EmulatorError.badRequest("INVALID_MODULE", "the module name given seems to be invalid", "module",
                    name);
        }
        return m;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> split(String csv) {
        return csv == null ? List.of()
                : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** 200 when all succeeded, 207 when mixed, 400 when all failed (as Bigin's multi-record answers). */
    private static int status(List<Map<String, Object>> results) {
        long ok = results.stream().filter(r -> "success".equals(r.get("status"))).count();
        return ok == results.size() ? 200 : ok == 0 ? 400 : 207;
    }
}
