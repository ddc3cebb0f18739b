package io.github.camelbigin.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Zoho CRM's record actions, as its v8 OpenAPI specification (record.json, record_count.json, mass_update.json)
 * describes them: {@code GET /{module}/actions/count}, {@code POST|GET /{module}/actions/mass_update} (by ids: one
 * result per record; by custom view: a job whose status is polled), and external ids — {@code X-EXTERNAL:
 * Module.Field} makes the id of a get, update or delete a value of that (unique) field.
 */
final class RecordActions {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** By ids, answered per record: the harsher reading of an undocumented batch, the write batch of 100. */
    static final int MAX_MASS_UPDATE_IDS = 100;

    private final Org org;
    private final MassJobs jobs;

    RecordActions(Org org, MassJobs jobs) {
        this.org = org;
        this.jobs = jobs;
    }

    /** {@code {"count": n}} of the module's records, of a custom view's, or of a criteria's matches. */
    Answer count(Org.ModuleData m, Predicate<Map<String, Object>> match) {
        org.lock.readLock().lock();
        try {
            long n = m.byId.values().stream().filter(r -> match.test(org.view(m, r))).count();
            return Answer.json(200, Map.of("count", n));
        } finally {
            org.lock.readLock().unlock();
        }
    }

    /** Sets the body's one set of values on the records of {@code ids}, or of a view (then as a job). */
    Answer massUpdate(Org.ModuleData m, RecordedRequest req, Map<String, Predicate<Map<String, Object>>> views) {
        if ("GET".equals(req.method())) {
            return jobs.status(req);
        }
        JsonNode root;
        try {
            root = JSON.readTree(req.body() == null ? "" : req.body());
        } catch (IOException e) {
            throw EmulatorError.badRequest("INVALID_DATA", "the body is not valid JSON", "reason", e.getMessage());
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray() || data.size() != 1 || !data.get(0).isObject()) {
            throw EmulatorError.badRequest("MANDATORY_NOT_FOUND", "data must hold one object of values",
                    "param_name", "data");
        }
        Map<String, Object> values = JSON.convertValue(data.get(0), new TypeReference<LinkedHashMap<String, Object>>() {
        });
        if (root.has("cvid")) {
            Predicate<Map<String, Object>> view = views.get(root.get("cvid").asText());
            if (view == null) {
                throw EmulatorError.badRequest("INVALID_DATA", "the given cvid is invalid", "param_name", "cvid");
            }
            return viewJob(m, values, view);
        }
        JsonNode ids = root.get("ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw EmulatorError.badRequest("MANDATORY_NOT_FOUND", "ids or cvid is required", "param_name", "ids");
        }
        if (ids.size() > MAX_MASS_UPDATE_IDS) {
            throw EmulatorError.badRequest("LIMIT_EXCEEDED", "the number of ids exceeds the limit of "
                    + MAX_MASS_UPDATE_IDS, "limit", MAX_MASS_UPDATE_IDS);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        org.lock.writeLock().lock();
        try {
            for (JsonNode id : ids) {
                Map<String, Object> input = new LinkedHashMap<>(values);
                input.put("id", id.asText());
                results.add(org.update(m, input));
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        return Answer.json(200, Map.of("data", results)).credits((ids.size() + 9) / 10);
    }

    private Answer viewJob(Org.ModuleData m, Map<String, Object> values, Predicate<Map<String, Object>> view) {
        long total = 0;
        long updated = 0;
        org.lock.writeLock().lock();
        try {
            for (Org.StoredRecord r : List.copyOf(m.byId.values())) {
                if (view.test(org.view(m, r))) {
                    total++;
                    Map<String, Object> input = new LinkedHashMap<>(values);
                    input.put("id", String.valueOf(r.id));
                    if ("success".equals(org.update(m, input).get("status"))) {
                        updated++;
                    }
                }
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        String jobId = jobs.add(total, "Updated_Count", updated, "Not_Updated_Count", 0);
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("code", "SUCCESS");
        accepted.put("details", Map.of("job_id", jobId));
        accepted.put("message", "Mass update scheduled successfully");
        accepted.put("status", "success");
        return Answer.json(200, Map.of("data", accepted));
    }

    /**
     * The external-id field named by the request's {@code X-EXTERNAL} ({@code Module.Field}), or null without one;
     * refused unless it names this module and a unique field of it.
     */
    static String externalField(Org.ModuleData m, RecordedRequest req) {
        String header = req.header("X-EXTERNAL");
        if (header == null) {
            return null;
        }
        String[] parts = header.split("\\.", 2);
        FieldSpec f = parts.length == 2 && parts[0].equals(m.spec.apiName()) ? m.spec.field(parts[1]) : null;
        if (f == null || !f.unique()) {
            throw EmulatorError.badRequest("INVALID_DATA", "the X-EXTERNAL header must name Module.Field of an"
                    + " external id field of " + m.spec.apiName(), "header_name", "X-EXTERNAL");
        }
        return parts[1];
    }

    /** The id of the record whose {@code field} holds {@code value}, or {@code value} itself when none does. */
    String idOf(Org.ModuleData m, String field, Object value) {
        org.lock.readLock().lock();
        try {
            for (Org.StoredRecord r : m.byId.values()) {
                if (value != null && value.toString().equals(String.valueOf(r.data.get(field)))) {
                    return String.valueOf(r.id);
                }
            }
            return "0"; // no such record: the id that is never given
        } finally {
            org.lock.readLock().unlock();
        }
    }
}
