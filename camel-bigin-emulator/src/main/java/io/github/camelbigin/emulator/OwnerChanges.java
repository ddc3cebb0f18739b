package io.github.camelbigin.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zoho CRM's change of owner ({@code change_owner.json}, {@code mass_change_owner.json}): records given to another
 * user of the org, by ids (100 a call, a result per id) or every record of a custom view (a job), and with
 * {@code related_modules} the records of those modules that look the changed record up too.
 */
final class OwnerChanges {

    /** The most ids one call takes: the harsher reading of an undocumented batch, the write batch of 100. */
    static final int MAX_IDS = 100;

    private final Org org;
    private final MassJobs jobs;

    OwnerChanges(Org org, MassJobs jobs) {
        this.org = org;
        this.jobs = jobs;
    }

    /** {@code POST /{module}/actions/change_owner} ({@code ids}) or {@code /{module}/{id}/actions/change_owner}. */
    Answer change(Org.ModuleData m, String oneId, RecordedRequest req) {
        JsonNode body = req.bodyObject();
        List<String> ids = new ArrayList<>();
        if (oneId != null) {
            ids.add(oneId);
        } else {
            body.path("ids").forEach(id -> ids.add(id.asText()));
        }
        if (ids.isEmpty()) {
            throw EmulatorError.badRequest("MANDATORY_NOT_FOUND", "required field not found", "api_name", "ids",
                    "json_path", "$.ids");
        }
        if (ids.size() > MAX_IDS) {
            throw EmulatorError.badRequest("INVALID_DATA", "a change of owner takes at most " + MAX_IDS + " ids",
                    "api_name", "ids", "json_path", "$.ids");
        }
        Map<String, Object> owner = owner(body);
        List<Map<String, Object>> results = new ArrayList<>();
        org.lock.writeLock().lock();
        try {
            for (int i = 0; i < ids.size(); i++) {
                Org.StoredRecord r = org.find(m, ids.get(i));
                if (r == null) {
                    results.add(Org.error("INVALID_DATA", "the id given seems to be invalid", "api_name", "id",
                            "json_path", "$.ids[" + i + "]"));
                    continue;
                }
                give(m, r, owner, related(body));
                results.add(success(ids.get(i), null));
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        boolean allDone = results.stream().allMatch(r -> "success".equals(r.get("status")));
        return Answer.json(allDone ? 200 : 202, Map.of("data", results)).credits((ids.size() + 9) / 10);
    }

    /** {@code POST /{module}/actions/mass_change_owner} (a cvid's records, as a job) and its status. */
    Answer massChange(Org.ModuleData m, RecordedRequest req, Map<String, Predicate<Map<String, Object>>> views) {
        if ("GET".equals(req.method())) {
            return jobs.status(req);
        }
        JsonNode body = req.bodyObject();
        if (!body.path("cvid").isTextual()) {
            throw EmulatorError.badRequest("MANDATORY_NOT_FOUND", "required field not found", "api_name", "cvid",
                    "expected_data_type", "string");
        }
        Predicate<Map<String, Object>> view = views.get(body.get("cvid").asText());
        if (view == null) {
            throw EmulatorError.badRequest("INVALID_DATA", "the cvid given seems to be invalid", "api_name", "cvid");
        }
        Map<String, Object> owner = owner(body);
        long total = 0;
        org.lock.writeLock().lock();
        try {
            for (Org.StoredRecord r : List.copyOf(m.byId.values())) {
                if (view.test(org.view(m, r))) {
                    total++;
                    give(m, r, owner, related(body));
                }
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        String jobId = jobs.add(total, "Updated_Count", total, "Not_Updated_Count", 0);
        return Answer.json(200, Map.of("data", List.of(success(body.get("cvid").asText(), jobId))));
    }

    /** The new owner, a user of the org; refused (naming owner) otherwise. */
    private Map<String, Object> owner(JsonNode body) {
        JsonNode id = body.path("owner").path("id");
        if (!id.isTextual() && !id.isNumber()) {
            throw EmulatorError.badRequest("MANDATORY_NOT_FOUND", "required field not found", "api_name", "owner",
                    "json_path", "$.owner");
        }
        Map<String, Object> user = org.user(id.asText());
        if (user == null) {
            throw EmulatorError.badRequest("INVALID_DATA", "the owner id given is invalid", "api_name", "owner",
                    "json_path", "$.owner.id");
        }
        return user;
    }

    private static Set<String> related(JsonNode body) {
        Set<String> modules = new java.util.LinkedHashSet<>();
        body.path("related_modules").forEach(r -> modules.add(r.path("api_name").asText()));
        return modules;
    }

    /** The record (and the related modules' records that look it up) given to the owner: modified now. */
    private void give(Org.ModuleData m, Org.StoredRecord r, Map<String, Object> owner, Set<String> relatedModules) {
        r.owner = owner;
        org.touched(m, r, Set.of("Owner"));
        for (String name : relatedModules) {
            Org.ModuleData rel = org.module(name);
            if (rel == null) {
                continue;
            }
            for (Org.StoredRecord x : List.copyOf(rel.byId.values())) {
                boolean looksUp = x.data.values().stream().anyMatch(v -> v instanceof Map<?, ?> ref
                        && String.valueOf(r.id).equals(String.valueOf(ref.get("id"))));
                if (looksUp) {
                    x.owner = owner;
                    org.touched(rel, x, Set.of("Owner"));
                }
            }
        }
    }

    private static Map<String, Object> success(String id, String jobId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", id);
        if (jobId != null) {
            details.put("job_id", jobId);
        }
        return Org.success(details, "owner is successfully updated");
    }
}
