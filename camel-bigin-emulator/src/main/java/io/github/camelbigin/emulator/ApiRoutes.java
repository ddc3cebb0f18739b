package io.github.camelbigin.emulator;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Bigin v2's records and metadata endpoints over an {@link Org}, as bigin-api.md documents them. */
final class ApiRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FIELDS = 50;
    private static final int MAX_WRITE = 100;
    private static final Set<String> SORTABLE = Set.of("id", "Created_Time", "Modified_Time");
    private static final Set<String> TRIGGERS = Set.of("workflow", "approval", "blueprint");

    private final Org org;
    private final BiginEmulator emulator;
    private final Map<String, Map<String, Predicate<Map<String, Object>>>> views = new ConcurrentHashMap<>();
    private final RecordExtras extras;
    private final RecordFiles files;
    private final BulkJobs bulk;
    private final RecordActions actions;
    private final CrmRoutes crm;

    ApiRoutes(Org org, BiginEmulator emulator) {
        this.org = org;
        this.emulator = emulator;
        this.extras = new RecordExtras(org, emulator.flavour());
        this.files = new RecordFiles(org, emulator.flavour());
        this.bulk = new BulkJobs(org, emulator);
        MassJobs jobs = new MassJobs();
        this.actions = new RecordActions(org, jobs);
        this.crm = new CrmRoutes(org, emulator, files, jobs);
    }

    CrmRoutes crm() {
        return crm;
    }

    BulkJobs bulk() {
        return bulk;
    }

    /** Forgets what is kept beside the org's records (tags, files, bulk jobs). */
    void reset() {
        extras.reset();
        files.reset();
        bulk.reset();
        crm.reset();
    }

    void defineView(String module, String cvid, String criteria) {
        views.computeIfAbsent(module, k -> new ConcurrentHashMap<>()).put(cvid,
                criteria == null ? r -> true : SearchCriteria.parse(criteria));
    }

    Answer route(RecordedRequest req, List<String> seg) {
        String method = req.method();
        if (seg.isEmpty()) {
            throw notFound();
        }
        if (emulator.flavour().recordActions) {
            Answer crmOnly = crm.route(req, seg, views);
            if (crmOnly != null) {
                return crmOnly;
            }
        }
        switch (seg.get(0)) {
            case "settings":
                if (seg.size() == 2 && "tags".equals(seg.get(1))) {
                    return extras.settingsTags(req);
                }
                if (!"GET".equals(method) || seg.size() != 2) {
                    throw notFound();
                }
                return settings(req, seg.get(1));
            case "users":
                requireMethod(method, "GET");
                if (seg.size() == 2) {
                    return user(seg.get(1));
                }
                return users(req);
            case "org":
                requireMethod(method, "GET");
                return Answer.json(200, Map.of("org", List.of(orgInfo())));
            case "coql":
                requireMethod(method, "POST");
                return Coql.answer(org, req, emulator.tuning().coqlNotIn(), emulator.flavour());
            case "bigin":
            case "crm": // the bulk API, /bigin/bulk/v2/… or /crm/bulk/v8/…, beside the REST API on the API domain
                if (!req.apiPath().startsWith(emulator.flavour().bulkPrefix + "/")) {
                    throw notFound();
                }
                return bulk.route(req, seg.subList(3, seg.size()));
            case "upload":
                requireMethod(method, "POST");
                return bulk.upload(req);
            case "actions":
                if (seg.size() != 2 || !"watch".equals(seg.get(1))) {
                    throw notFound();
                }
                return emulator.watches().route(req);
            default:
                break;
        }
        Org.ModuleData m = org.module(seg.get(0));
        if (m == null) {
            throw EmulatorError.badRequest("INVALID_MODULE", "the module name given seems to be invalid", "module",
                    seg.get(0));
        }
        if (seg.size() == 1) {
            switch (method) {
                case "GET":
                    return list(m, req);
                case "POST":
                    return write(m, req, "create", null);
                case "PUT":
                    return write(m, req, "update", null);
                case "DELETE":
                    return delete(m, req.query("ids"), req);
                default:
                    throw badMethod();
            }
        }
        String second = seg.get(1);
        if (seg.size() == 2) {
            switch (second) {
                case "upsert":
                    requireMethod(method, "POST");
                    return write(m, req, "upsert", null);
                case "search":
                    requireMethod(method, "GET");
                    return search(m, req);
                case "deleted":
                    requireMethod(method, "GET");
                    return deleted(m, req);
                default:
                    switch (method) {
                        case "GET":
                            return get(m, second, req);
                        case "PUT":
                            return write(m, req, "update", second);
                        case "DELETE":
                            return delete(m, second, req);
                        default:
                            throw badMethod();
                    }
            }
        }
        if ((seg.size() == 3 || seg.size() == 4) && "Attachments".equals(seg.get(2))
            || seg.size() == 3 && "photo".equals(seg.get(2))) {
            return files.route(m, second, seg.get(2), seg.size() == 4 ? seg.get(3) : null, req);
        }
        if (seg.size() == 3) {
            if ("actions".equals(second) && Set.of("add_tags", "remove_tags").contains(seg.get(2))) {
                requireMethod(method, "POST");
                return extras.recordTags(m, seg.get(2), req);
            }
            if ("actions".equals(second) && emulator.flavour().recordActions) {
                switch (seg.get(2)) {
                    case "count":
                        requireMethod(method, "GET");
                        Predicate<Map<String, Object>> match = searchMatch(m, req);
                        Predicate<Map<String, Object>> view = req.query("cvid") == null ? r -> true : view(m, req);
                        return actions.count(m, match == null ? view : view.and(match));
                    case "mass_update":
                        if (!"GET".equals(method)) {
                            requireMethod(method, "POST");
                        }
                        return actions.massUpdate(m, req, views.getOrDefault(m.spec.apiName(), Map.of()));
                    default:
                        throw notFound();
                }
            }
            switch (method) {
                case "GET":
                    return related(m, second, seg.get(2), req);
                case "POST":
                    if (!"Notes".equals(seg.get(2))) {
                        throw badMethod();
                    }
                    return extras.createNotes(m, second, req);
                case "PUT":
                case "DELETE":
                    return extras.relatedWrite(m, second, seg.get(2), req);
                default:
                    throw badMethod();
            }
        }
        throw notFound();
    }

    // ------------------------------------------------------------------ records: reads

    private Answer list(Org.ModuleData m, RecordedRequest req) {
        List<String> fields = fields(m, req, true);
        if (req.query("ids") != null && emulator.flavour().recordActions) {
            return byIds(m, req.query("ids"), fields);
        }
        String sortBy = req.query("sort_by") == null ? "id" : req.query("sort_by");
        if (!SORTABLE.contains(sortBy)) {
            throw EmulatorError.badRequest("INVALID_DATA", "sort_by must be id, Created_Time or Modified_Time",
                    "param_name", "sort_by");
        }
        String sortOrder = req.query("sort_order") == null ? "desc" : req.query("sort_order");
        if (!"asc".equals(sortOrder) && !"desc".equals(sortOrder)) {
            throw EmulatorError.badRequest("INVALID_DATA", "sort_order must be asc or desc", "param_name",
                    "sort_order");
        }
        String cvid = req.query("cvid");
        Predicate<Map<String, Object>> view = cvid == null ? null : view(m, req);
        Instant since = emulator.tuning().honorsIfModifiedSince() ? ifModifiedSince(req) : null;
        String key = String.join("|", m.spec.apiName(), String.join(",", fields), sortBy, sortOrder,
                String.valueOf(cvid), String.valueOf(since));
        Paging paging = Paging.of(req, emulator.tuning().pageTokens() ? key : null);
        org.lock.readLock().lock();
        try {
            List<Org.StoredRecord> source = m.ordered(sortBy, "asc".equals(sortOrder));
            List<Map<String, Object>> page;
            int matched;
            boolean more;
            Predicate<Map<String, Object>> v = view;
            boolean oldestFirst = "Modified_Time".equals(sortBy) && "asc".equals(sortOrder);
            int from = since != null && oldestFirst ? firstModifiedAfter(source, since) : 0; // the rest are newer
            if (v == null && (since == null || oldestFirst)) {
                // every record from `from` on matches: the page is a slice
                page = new ArrayList<>(paging.perPage);
                matched = source.size() - from;
                int start = from + paging.offset;
                for (int i = start; i < source.size() && page.size() < paging.perPage; i++) {
                    page.add(org.render(m, source.get(i), fields));
                }
                more = start + paging.perPage < source.size();
            } else {
                Paging.Slice slice = paging.slice(source, r -> (since == null || r.modified.isAfter(since))
                        && (v == null || v.test(org.view(m, r))), r -> org.render(m, r, fields));
                page = slice.page;
                matched = slice.matched;
                more = slice.more;
            }
            if (page.isEmpty()) {
                return since != null && matched == 0 ? Answer.notModified() : Answer.noContent();
            }
            int reached = paging.offset + page.size();
            // Zoho CRM's page tokens reach 100,000 records: past that, no token goes on (Bigin documents no reach)
            boolean tokenReach = emulator.tuning().pageTokenReach() == 0 || reached < emulator.tuning().pageTokenReach();
            String next = more && emulator.tuning().pageTokens() && tokenReach ? Paging.token(reached, key) : null;
            Map<String, Object> info = Paging.withSort(Paging.withTokens(paging.info(page.size(), more), next,
                    org.format(org.clock.instant().plus(java.time.Duration.ofDays(1)))), sortBy, sortOrder);
            return Answer.json(200, body(page, info)).credits(cvid != null ? 3 : 1);
        } finally {
            org.lock.readLock().unlock();
        }
    }

    /** A page of search, related or deleted records: 204 when empty (these answers carry no page token). */
    private Answer page(Paging paging, Paging.Slice s, java.util.function.UnaryOperator<Map<String, Object>> shape) {
        if (s.page.isEmpty()) {
            return Answer.noContent();
        }
        return Answer.json(200, body(s.page, shape.apply(paging.info(s.page.size(), s.more))));
    }

    /** The index of the first record modified after {@code since} in a list ordered by Modified_Time, oldest first. */
    private static int firstModifiedAfter(List<Org.StoredRecord> byModified, Instant since) {
        int lo = 0;
        int hi = byModified.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byModified.get(mid).modified.isAfter(since)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The custom view the request's {@code cvid} names; refused when the module has none of that id. */
    private Predicate<Map<String, Object>> view(Org.ModuleData m, RecordedRequest req) {
        Predicate<Map<String, Object>> view = views.getOrDefault(m.spec.apiName(), Map.of()).get(req.query("cvid"));
        if (view == null) {
            throw EmulatorError.badRequest("INVALID_DATA", "the given cvid is invalid", "param_name", "cvid");
        }
        return view;
    }

    /** The id a path gives, or with {@code X-EXTERNAL} the id of the record whose external id it is. */
    private String recordId(Org.ModuleData m, String given, RecordedRequest req) {
        String external = RecordActions.externalField(m, req);
        return external == null ? given : actions.idOf(m, external, given);
    }

    private Answer get(Org.ModuleData m, String givenId, RecordedRequest req) {
        String id = recordId(m, givenId, req);
        List<String> fields = req.query("fields") == null ? null : fields(m, req, false);
        if (fields == null) {
            // the harsher reading of an unnamed field list: no more fields than a request may name
            fields = m.spec.fields().keySet().stream().limit(MAX_FIELDS).collect(Collectors.toList());
        }
        org.lock.readLock().lock();
        try {
            Org.StoredRecord r = org.find(m, id);
            if (r == null) {
                throw new EmulatorError(404, "INVALID_DATA", "the given record id does not exist",
                        EmulatorError.details("id", id));
            }
            return Answer.json(200, Map.of("data", List.of(org.render(m, r, fields))));
        } finally {
            org.lock.readLock().unlock();
        }
    }

    private Answer search(Org.ModuleData m, RecordedRequest req) {
        Predicate<Map<String, Object>> match = searchMatch(m, req);
        if (match == null) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                    "param_name", "criteria/email/phone/word");
        }
        List<String> fields = req.query("fields") == null ? null : fields(m, req, false);
        Paging paging = Paging.of(req, null);
        org.lock.readLock().lock();
        try {
            Instant indexedUntil = org.clock.instant().minus(emulator.tuning().searchIndexDelay());
            Paging.Slice s = paging.slice(m.byId.values(),
                    r -> !r.modified.isAfter(indexedUntil) && match.test(org.view(m, r)),
                    r -> org.render(m, r, fields));
            return page(paging, s, info -> Paging.withSort(info, "id", "desc"));
        } finally {
            org.lock.readLock().unlock();
        }
    }

    /** What the request's criteria, email, phone or word match, or null when it gives none of them. */
    private static Predicate<Map<String, Object>> searchMatch(Org.ModuleData m, RecordedRequest req) {
        if (req.query("criteria") != null) {
            try {
                return SearchCriteria.parse(req.query("criteria"), true);
            } catch (SearchCriteria.InvalidCriteria e) {
                throw EmulatorError.badRequest("INVALID_QUERY", "invalid query formed", "reason", e.getMessage());
            }
        } else if (req.query("email") != null) {
            return anyField(m, Set.of("email"), req.query("email"), false);
        } else if (req.query("phone") != null) {
            return anyField(m, Set.of("phone"), req.query("phone"), false);
        } else if (req.query("word") != null) {
            return anyField(m, Set.of("text", "email", "phone"), req.query("word"), true);
        }
        return null;
    }

    private static Predicate<Map<String, Object>> anyField(Org.ModuleData m, Set<String> types, String value,
                                                           boolean contains) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        List<String> names = m.spec.fields().values().stream().filter(f -> types.contains(f.dataType()))
                .map(FieldSpec::apiName).collect(Collectors.toList());
        return rec -> {
            for (String n : names) {
                Object v = rec.get(n);
                if (v != null) {
                    String s = v.toString().toLowerCase(Locale.ROOT);
                    if (contains ? s.contains(wanted) : s.equals(wanted)) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /** Zoho CRM's {@code GET /{module}?ids=}: the records of those ids (100 at most), those that exist. */
    private Answer byIds(Org.ModuleData m, String ids, List<String> fields) {
        List<String> wanted = List.of(ids.split(","));
        if (wanted.size() > RecordActions.MAX_MASS_UPDATE_IDS) {
            throw EmulatorError.badRequest("LIMIT_EXCEEDED", "the number of ids exceeds 100", "param_name", "ids");
        }
        org.lock.readLock().lock();
        try {
            List<Map<String, Object>> records = new ArrayList<>();
            for (String id : wanted) {
                Org.StoredRecord r = org.find(m, id.trim());
                if (r != null) {
                    records.add(org.render(m, r, fields));
                }
            }
            return records.isEmpty() ? Answer.noContent() : Answer.json(200, Map.of("data", records, "info",
                    Map.of("per_page", records.size(), "count", records.size(), "page", 1, "more_records", false)));
        } finally {
            org.lock.readLock().unlock();
        }
    }

    private Answer deleted(Org.ModuleData m, RecordedRequest req) {
        String type = req.query("type") == null ? "all" : req.query("type");
        if (!Set.of("all", "recycle", "permanent").contains(type)) {
            throw EmulatorError.badRequest("INVALID_DATA", "type must be all, recycle or permanent", "param_name",
                    "type");
        }
        Instant since = emulator.tuning().honorsIfModifiedSince() ? ifModifiedSince(req) : null;
        Paging paging = Paging.of(req, null);
        org.lock.readLock().lock();
        try {
            List<Org.Deleted> all = new ArrayList<>(m.deleted);
            all.removeIf(d -> "permanent".equals(type) && !d.permanent() || "recycle".equals(type) && d.permanent());
            all.sort(Comparator.comparing(Org.Deleted::deletedAt).thenComparingLong(Org.Deleted::seq).reversed());
            Paging.Slice s = paging.slice(all,
                    d -> since == null || d.deletedAt().isAfter(since), org::renderDeleted);
            if (s.page.isEmpty() && since != null && s.matched == 0) {
                return Answer.notModified();
            }
            return page(paging, s, info -> info);
        } finally {
            org.lock.readLock().unlock();
        }
    }

    @SuppressWarnings("unchecked")
    private Answer related(Org.ModuleData parent, String id, String relatedName, RecordedRequest req) {
        Org.ModuleData rel = org.module(relatedName);
        if (rel == null) {
            throw EmulatorError.badRequest("INVALID_DATA", "the related list name given seems to be invalid",
                    "api_name", relatedName);
        }
        List<String> fields = req.query("fields") == null ? null : fields(rel, req, false);
        Paging paging = Paging.of(req, null);
        org.lock.readLock().lock();
        try {
            if (org.find(parent, id) == null) {
                throw EmulatorError.badRequest("INVALID_DATA", "the related id given seems to be invalid", "id", id);
            }
            List<String> lookups = rel.spec.fields().values().stream().filter(f -> "lookup".equals(f.dataType()))
                    .map(FieldSpec::apiName).collect(Collectors.toList());
            Paging.Slice s = paging.slice(rel.byId.values(), r -> lookups.stream().map(r.data::get).anyMatch(
                    v -> v instanceof Map && id.equals(String.valueOf(((Map<String, Object>) v).get("id")))),
                    r -> org.render(rel, r, fields));
            return page(paging, s, info -> Paging.withTokens(info, null, null));
        } finally {
            org.lock.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------ records: writes

    private Answer write(Org.ModuleData m, RecordedRequest req, String operation, String pathId) {
        JsonNode root;
        try {
            root = req.body() == null || req.body().isBlank() ? null : JSON.readTree(req.body());
        } catch (IOException e) {
            throw EmulatorError.badRequest("INVALID_DATA", "the body is not valid JSON", "reason", e.getMessage());
        }
        if (root == null || !root.isObject() || !root.has("data")) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                    "param_name", "data");
        }
        JsonNode data = root.get("data");
        if (!data.isArray()) {
            throw EmulatorError.badRequest("INVALID_DATA", "data must be an array", "param_name", "data");
        }
        if (data.size() == 0) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "data is empty", "param_name", "data");
        }
        if (data.size() > MAX_WRITE) {
            throw EmulatorError.badRequest("LIMIT_EXCEEDED", "the number of records exceeds the limit of 100",
                    "limit", MAX_WRITE);
        }
        if (pathId != null && data.size() != 1) {
            throw EmulatorError.badRequest("INVALID_DATA", "only one record can be updated through its id path",
                    "param_name", "data");
        }
        JsonNode trigger = root.get("trigger");
        if (trigger != null) {
            if (!trigger.isArray()) {
                throw EmulatorError.badRequest("INVALID_DATA", "trigger must be an array", "param_name", "trigger");
            }
            for (JsonNode t : trigger) {
                if (!TRIGGERS.contains(t.asText())) {
                    throw EmulatorError.badRequest("INVALID_DATA", "invalid trigger " + t.asText(), "param_name",
                            "trigger");
                }
            }
        }
        List<String> duplicateCheck = null;
        if (root.has("duplicate_check_fields")) {
            duplicateCheck = new ArrayList<>();
            for (JsonNode f : root.get("duplicate_check_fields")) {
                if (m.spec.field(f.asText()) == null) {
                    throw EmulatorError.badRequest("INVALID_DATA", "invalid duplicate check field", "api_name",
                            f.asText());
                }
                duplicateCheck.add(f.asText());
            }
        }
        String external = RecordActions.externalField(m, req);
        List<Map<String, Object>> results = new ArrayList<>(data.size());
        org.lock.writeLock().lock();
        try {
            for (JsonNode item : data) {
                if (!item.isObject()) {
                    results.add(Org.error("INVALID_DATA", "each record must be a JSON object"));
                    continue;
                }
                Map<String, Object> input = JSON.convertValue(item, new TypeReference<LinkedHashMap<String, Object>>() {
                });
                if (pathId != null) {
                    input.put("id", recordId(m, pathId, req));
                } else if (external != null && !"create".equals(operation)) {
                    input.put("id", actions.idOf(m, external, input.get(external)));
                }
                switch (operation) {
                    case "create":
                        results.add(org.create(m, input));
                        break;
                    case "update":
                        results.add(org.update(m, input));
                        break;
                    default:
                        results.add(org.upsert(m, input, duplicateCheck));
                }
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        return Answer.json(writeStatus(results, "create".equals(operation) ? 201 : 200), Map.of("data", results))
                .credits((data.size() + 9) / 10);
    }

    private Answer delete(Org.ModuleData m, String ids, RecordedRequest req) {
        if (ids == null || ids.isBlank()) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                    "param_name", "ids");
        }
        List<String> list = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
        if (list.size() > MAX_WRITE) {
            throw EmulatorError.badRequest("LIMIT_EXCEEDED", "the number of ids exceeds the limit of 100", "limit",
                    MAX_WRITE);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        org.lock.writeLock().lock();
        try {
            for (String id : list) {
                String recordId = recordId(m, id, req);
                Org.StoredRecord before = org.find(m, recordId);
                Map<String, Object> result = org.delete(m, recordId);
                if (emulator.flavour() == Flavour.CRM && before != null) {
                    // Zoho CRM's v8 specification gives a deletion's details the record's times and users
                    @SuppressWarnings("unchecked")
                    Map<String, Object> details = (Map<String, Object>) result.get("details");
                    Map<String, Object> user = Map.of("name", org.user.get("name"), "id", org.user.get("id"));
                    details.put("Modified_Time", org.format(before.modified));
                    details.put("Modified_By", user);
                    details.put("Created_Time", org.format(before.created));
                    details.put("Created_By", user);
                }
                results.add(result);
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        return Answer.json(writeStatus(results, 200), Map.of("data", results));
    }

    /** All success: {@code ok}; mixed: 207; all failed: 400 for one record, 202 for several (Bigin does both). */
    private static int writeStatus(List<Map<String, Object>> results, int ok) {
        long failed = results.stream().filter(r -> !"success".equals(r.get("status"))).count();
        if (failed == 0) {
            return ok;
        }
        if (failed < results.size()) {
            return 207;
        }
        return results.size() == 1 ? 400 : 202;
    }

    // ------------------------------------------------------------------ metadata

    private Answer settings(RecordedRequest req, String what) {
        switch (what) {
            case "modules":
                return Answer.json(200, Map.of("modules", org.modules().stream()
                        .map(m -> m.spec.toJson(Map.of("name", org.user.get("name"), "id", org.user.get("id"))))
                        .collect(Collectors.toList())));
            case "fields":
            case "layouts": {
                String name = req.query("module");
                if (name == null) {
                    throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                            "param_name", "module");
                }
                Org.ModuleData m = org.module(name);
                if (m == null) {
                    throw EmulatorError.badRequest("INVALID_MODULE", "the module name given seems to be invalid",
                            "module", name);
                }
                List<Map<String, Object>> fields = m.spec.fields().values().stream()
                        .map(emulator.flavour() == Flavour.CRM ? FieldSpec::toCrmJson : FieldSpec::toJson)
                        .collect(Collectors.toList());
                if ("fields".equals(what)) {
                    return Answer.json(200, Map.of("fields", fields));
                }
                Map<String, Object> section = new LinkedHashMap<>();
                section.put("api_name", m.spec.apiName() + " Information");
                section.put("fields", fields);
                Map<String, Object> layout = new LinkedHashMap<>();
                layout.put("id", "7255024000000091055");
                layout.put("name", "Standard");
                layout.put("status", "active");
                layout.put("sections", List.of(section));
                return Answer.json(200, Map.of("layouts", List.of(layout)));
            }
            default:
                throw notFound();
        }
    }

    private Answer users(RecordedRequest req) {
        String type = req.query("type") == null ? "AllUsers" : req.query("type");
        if (!Set.of("AllUsers", "ActiveUsers", "DeactiveUsers", "ConfirmedUsers", "NotConfirmedUsers",
                "DeletedUsers", "ActiveConfirmedUsers", "AdminUsers", "ActiveConfirmedAdmins", "CurrentUser")
                .contains(type)) {
            throw EmulatorError.badRequest("INVALID_DATA", "invalid user type", "param_name", "type");
        }
        Paging paging = Paging.of(req, null);
        List<Map<String, Object>> users = new ArrayList<>();
        if (!"DeactiveUsers".equals(type) && !"DeletedUsers".equals(type) && !"NotConfirmedUsers".equals(type)) {
            List<Map<String, Object>> all = "CurrentUser".equals(type) || type.contains("Admin")
                    ? List.of(org.user) : org.users(); // the admin is the current user; seeded users are not admins
            all.stream().skip(paging.offset).limit(paging.perPage).forEach(u -> users.add(user(u)));
        }
        if (users.isEmpty()) {
            return Answer.noContent();
        }
        return Answer.json(200, Map.of("users", users, "info", paging.info(users.size(),
                paging.offset + users.size() < org.users().size() && !"CurrentUser".equals(type))));
    }

    /** {@code GET /users/{id}}: the user, without an info block, as production answers it. */
    private Answer user(String id) {
        Map<String, Object> u = org.user(id);
        if (u == null) {
            throw EmulatorError.badRequest("INVALID_DATA", "the given id seems to be invalid", "id", id);
        }
        return Answer.json(200, Map.of("users", List.of(user(u))));
    }

    private Map<String, Object> user(Map<String, Object> u) {
        return ProductionShapes.user(u, org.zone().getId(), org.format(java.time.Instant.parse(
                "2026-01-05T09:00:00Z")));
    }

    private Map<String, Object> orgInfo() {
        return ProductionShapes.org(String.valueOf(org.user.get("email")), org.zone().getId());
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> fields(Org.ModuleData m, RecordedRequest req, boolean required) {
        String raw = req.query("fields");
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                        "param_name", "fields");
            }
            return null;
        }
        List<String> fields = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().collect(Collectors.toList());
        if (fields.size() > MAX_FIELDS) {
            throw EmulatorError.badRequest("LIMIT_EXCEEDED", "at most 50 fields can be asked for", "param_name",
                    "fields", "limit", MAX_FIELDS);
        }
        // a field the module lacks is left out of the answer, not refused (recorded production answers)
        return fields.stream().filter(f -> "id".equals(f) || m.spec.field(f) != null).collect(Collectors.toList());
    }

    /** The If-Modified-Since instant: ISO-8601 with an offset, or an HTTP date. */
    static Instant ifModifiedSince(RecordedRequest req) {
        String v = req.header("If-Modified-Since");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e2) {
                throw EmulatorError.badRequest("INVALID_DATA", "If-Modified-Since is not a date-time", "header",
                        "If-Modified-Since");
            }
        }
    }

    private static Map<String, Object> body(List<Map<String, Object>> data, Map<String, Object> info) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("data", data);
        b.put("info", info);
        return b;
    }

    static void requireMethod(String method, String expected) {
        if (!expected.equals(method)) {
            throw badMethod();
        }
    }

    static EmulatorError notFound() {
        return new EmulatorError(404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one",
                null);
    }

    static EmulatorError badMethod() {
        return new EmulatorError(405, "INVALID_REQUEST_METHOD", "The http request method type is not a valid one",
                null);
    }
}
