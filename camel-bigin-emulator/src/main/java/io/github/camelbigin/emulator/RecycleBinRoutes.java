package io.github.camelbigin.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Zoho CRM's recycle bin ({@code recycle_bin.json}; restore from the v8 documentation, which the specifications do
 * not cover): {@code GET /settings/recycle_bin} (filtered by module, paged, newest deletion first by default),
 * {@code DELETE} (for good), {@code POST …/actions/restore}. A record stays 60 days; a note whose parent is still
 * deleted cannot come back before it (CANNOT_RESTORE_WITHOUT_PARENT).
 */
final class RecycleBinRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Org org;

    RecycleBinRoutes(Org org) {
        this.org = org;
    }

    /** {@code seg}: after {@code settings/recycle_bin}. */
    Answer route(RecordedRequest req, List<String> seg) {
        String method = req.method();
        boolean restore = seg.size() >= 2 && "actions".equals(seg.get(seg.size() - 2))
                          && "restore".equals(seg.get(seg.size() - 1));
        List<String> rest = restore ? seg.subList(0, seg.size() - 2) : seg;
        if (rest.size() > 1) {
            throw ApiRoutes.notFound();
        }
        String one = rest.isEmpty() ? null : rest.get(0);
        if (restore) {
            ApiRoutes.requireMethod(method, "POST");
            return act(one != null ? List.of(one) : ids(req, true), true);
        }
        switch (method) {
            case "GET":
                return list(req, one);
            case "DELETE":
                return act(one != null ? List.of(one) : ids(req, false), false);
            default:
                throw ApiRoutes.badMethod();
        }
    }

    private Answer list(RecordedRequest req, String one) {
        String module = moduleFilter(req.query("filters"));
        Set<String> ids = req.query("ids") == null ? null : Set.of(req.query("ids").split(","));
        String sortBy = req.query("sort_by") == null ? "deleted_time" : req.query("sort_by");
        if (!Set.of("deleted_time", "display_name").contains(sortBy)) {
            throw EmulatorError.badRequest("INVALID_DATA", "invalid data", "param_name", "sort_by");
        }
        Paging paging = Paging.of(req, null);
        List<Map<String, Object>> entries = new ArrayList<>();
        org.lock.writeLock().lock(); // reading the bin deletes for good what is older than 60 days
        try {
            for (Org.ModuleData m : org.modules()) {
                if (module != null && !module.equals(m.spec.apiName())) {
                    continue;
                }
                for (Org.Deleted d : org.recycleBin(m)) {
                    String id = String.valueOf(d.id());
                    if ((one == null || one.equals(id)) && (ids == null || ids.contains(id))) {
                        entries.add(entry(m, d));
                    }
                }
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        Comparator<Map<String, Object>> order = Comparator.comparing(e -> String.valueOf(e.get(sortBy)));
        entries.sort("asc".equals(req.query("sort_order")) ? order : order.reversed());
        int to = Math.min(entries.size(), paging.offset + paging.perPage);
        List<Map<String, Object>> page = paging.offset >= entries.size() ? List.of()
                : entries.subList(paging.offset, to);
        if (page.isEmpty()) {
            return Answer.noContent();
        }
        return Answer.json(200, Map.of("recycle_bin", page, "info", paging.info(page.size(), to < entries.size())));
    }

    /** Restores or deletes for good: a result per id, in order. */
    private Answer act(List<String> ids, boolean restore) {
        List<Map<String, Object>> results = new ArrayList<>();
        org.lock.writeLock().lock();
        try {
            for (String id : ids) {
                results.add(one(id.trim(), restore));
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        boolean all = results.stream().allMatch(r -> "success".equals(r.get("status")));
        boolean none = results.stream().noneMatch(r -> "success".equals(r.get("status")));
        return Answer.json(all ? 200 : none ? 400 : 207, Map.of("recycle_bin", results))
                .credits((ids.size() + 9) / 10);
    }

    private Map<String, Object> one(String id, boolean restore) {
        for (Org.ModuleData m : org.modules()) {
            for (Org.Deleted d : org.recycleBin(m)) {
                if (!String.valueOf(d.id()).equals(id)) {
                    continue;
                }
                if (restore && parentStillDeleted(d)) {
                    return Org.error("CANNOT_RESTORE_WITHOUT_PARENT", "restore the parent record first", "id", id);
                }
                return restore ? org.restore(m, id) : org.purge(m, id);
            }
        }
        return Org.error("INVALID_DATA", "the given id seems to be invalid", "id", id);
    }

    /** A note (or anything with a Parent_Id) whose parent record is not there to come back to. */
    private boolean parentStillDeleted(Org.Deleted d) {
        Object parent = d.record() == null ? null : d.record().data.get("Parent_Id");
        Object module = d.record() == null ? null : d.record().data.get("$se_module");
        if (!(parent instanceof Map<?, ?> p) || module == null || org.module(module.toString()) == null) {
            return false;
        }
        return org.find(org.module(module.toString()), String.valueOf(p.get("id"))) == null;
    }

    private Map<String, Object> entry(Org.ModuleData m, Org.Deleted d) {
        Map<String, Object> deletedBy = Map.of("name", org.user.get("name"), "id", org.user.get("id"));
        Map<String, Object> owner = d.record() != null && d.record().owner != null ? d.record().owner : org.user;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("display_name", d.displayName());
        out.put("deleted_time", org.format(d.deletedAt()));
        out.put("owner", owner);
        out.put("module", Map.of("api_name", m.spec.apiName(), "id", String.valueOf(m.spec.id())));
        out.put("deleted_by", deletedBy);
        out.put("id", String.valueOf(d.id()));
        return out;
    }

    /** The module a {@code filters} criterion names ({@code module} or {@code module.api_name} equal to …), or null. */
    private static String moduleFilter(String filters) {
        if (filters == null) {
            return null;
        }
        try {
            JsonNode f = JSON.readTree(filters);
            String field = f.path("field").path("api_name").asText();
            if (Set.of("module", "module.api_name").contains(field) && "equal".equals(f.path("comparator").asText())
                && f.path("value").isTextual()) {
                return f.get("value").asText();
            }
        } catch (java.io.IOException e) {
            // refused below
        }
        throw EmulatorError.badRequest("INVALID_DATA", "invalid data", "param_name", "filters");
    }

    /** The ids of a restore or deletion: the {@code ids} query, else (restore) the body's {@code data} or list. */
    private static List<String> ids(RecordedRequest req, boolean bodyToo) {
        List<String> ids = new ArrayList<>();
        if (req.query("ids") != null) {
            for (String id : req.query("ids").split(",")) {
                ids.add(id);
            }
        } else if (bodyToo) {
            JsonNode body = req.bodyObject();
            JsonNode items = body.has("data") ? body.get("data") : body.path("recycle_bin");
            items.forEach(i -> ids.add(i.path("id").asText()));
        }
        if (ids.isEmpty()) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                    "param_name", "ids");
        }
        return ids;
    }
}
