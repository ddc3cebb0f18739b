package io.github.camelbigin.zoho.metadata;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiRequest;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.JsonCalls;
import io.github.camelbigin.zoho.records.Names;
import io.github.camelbigin.zoho.records.RecordIterator;
import io.github.camelbigin.zoho.records.RecordQuery;

/** What the org is made of: modules, their fields, layouts and tags, the users, the org itself. */
public final class Metadata {

    private final JsonCalls calls;
    private final ZohoApi api;
    private final DefaultFields defaultFields;
    private final Map<String, Set<String>> subformFields = new ConcurrentHashMap<>();

    public Metadata(JsonCalls calls) {
        this.calls = calls;
        this.api = calls.api();
        this.defaultFields = new DefaultFields(this, api);
    }

    /**
     * The fields a read asks for when the user named none: every field of the module, from its metadata (asked once
     * per module, then kept).
     */
    public List<String> defaultFields(String module) {
        return defaultFields.of(module);
    }

    /**
     * A module's fields whose value is a list of rows an update replaces — subforms (line items) and multi-select
     * lookups (their links, rows of the linking module) — from its field metadata, kept per module.
     */
    public Set<String> subformFields(String module) {
        return subformFields.computeIfAbsent(module, m -> {
            Set<String> names = new LinkedHashSet<>();
            for (Map<String, Object> f : fields(m)) {
                Object type = f.get("data_type");
                if (("subform".equals(type) || "multiselectlookup".equals(type)) && f.get("api_name") != null) {
                    names.add(f.get("api_name").toString());
                }
            }
            return Set.copyOf(names);
        });
    }

    /** The modules of the org ({@code GET /settings/modules}). */
    public List<Map<String, Object>> modules() {
        return calls.list(ApiRequest.get("/settings/modules").operation("modules", null).build());
    }

    /** The fields of a module ({@code GET /settings/fields}). */
    public List<Map<String, Object>> fields(String module) {
        Names.checkModule(api, module);
        return calls.list(ApiRequest.get("/settings/fields").query("module", module).operation("fields", module)
                .build());
    }

    /** The layouts of a module ({@code GET /settings/layouts}). */
    public List<Map<String, Object>> layouts(String module) {
        Names.checkModule(api, module);
        return calls.list(ApiRequest.get("/settings/layouts").query("module", module).operation("layouts", module)
                .build());
    }

    /** The tags of a module ({@code GET /settings/tags?module=}). */
    public List<Map<String, Object>> tags(String module) {
        Names.checkModule(api, module);
        return calls.list(ApiRequest.get("/settings/tags").query("module", module).operation("tags", module).build());
    }

    /** The users of the org, of a {@link UserType} ({@code AllUsers} when the query names none), lazily paged. */
    public RecordIterator users(RecordQuery query) {
        RecordQuery q = query == null ? RecordQuery.create() : query;
        String type = q.type() == null ? UserType.AllUsers.name() : q.type();
        return JsonCalls.paged(q, (page, token, perPage) -> calls.page(JsonCalls.pageParams(
                ApiRequest.get("/users").query("type", type).operation("users", null), page, token, perPage).build()));
    }

    /** One user by id ({@code GET /users/{id}}), or empty when there is none. */
    public Optional<Map<String, Object>> user(String id) {
        Names.checkId(api, id);
        ApiRequest request = ApiRequest.get("/users/" + id).operation("users", null).build();
        try {
            List<Map<String, Object>> users = calls.list(request);
            return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0));
        } catch (ZohoApiException e) {
            if (e.getStatusCode() == 404 || e.getStatusCode() == 400 && "INVALID_DATA".equals(e.getCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The organization ({@code GET /org}). */
    public Map<String, Object> org() {
        List<Map<String, Object>> org = calls.list(ApiRequest.get("/org").operation("org", null).build());
        return org.isEmpty() ? Map.of() : org.get(0);
    }
}
