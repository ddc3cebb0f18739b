package io.github.camelbigin.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zoho CRM's blueprints ({@code blueprint.json}): a module's process on one picklist field, whose transitions move a
 * record from one value to the next when the fields each needs are given. {@code GET /{module}/{id}/actions/blueprint}
 * lists the transitions the record can take from its value now; {@code PUT} performs one. Both answer HTTP 200 even
 * when they refuse — the specification declares no other status — so a client must read the body's status.
 */
final class Blueprints {

    /** One transition: from a value of the process's field to another, needing these fields. */
    record Transition(String id, String name, String from, String to, List<String> fields) {
    }

    /** A module's process: its field and transitions. */
    private record Process(String id, String name, String field, List<Transition> transitions) {
    }

    private final Org org;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();

    Blueprints(Org org) {
        this.org = org;
    }

    /** Forgets every process (a reset: each test draws its own). */
    void reset() {
        processes.clear();
    }

    /** Adds a transition to the module's process on {@code field} (the process is made with its first one). */
    void define(String module, String field, Transition t) {
        Org.ModuleData m = org.require(module);
        if (m.spec.field(field) == null) {
            throw new IllegalArgumentException(module + " has no field " + field);
        }
        for (String f : t.fields()) {
            if (m.spec.field(f) == null) {
                throw new IllegalArgumentException(module + " has no field " + f);
            }
        }
        Long.parseLong(t.id()); // Zoho's transition ids are numbers (the specification types them int64)
        processes.compute(module, (k, p) -> {
            List<Transition> all = new ArrayList<>(p == null ? List.of() : p.transitions());
            all.add(t);
            return new Process(p == null ? String.valueOf(7255024000000300001L + processes.size()) : p.id(),
                    module + " Process", field, List.copyOf(all));
        });
    }

    /** {@code GET}: the record's process and the transitions it can take now. */
    Answer read(Org.ModuleData m, String id) {
        org.lock.readLock().lock();
        try {
            Process p = processes.get(m.spec.apiName());
            Org.StoredRecord r = org.find(m, id);
            Answer refused = refusedFor(m, p, r);
            if (refused != null) {
                return refused;
            }
            List<Map<String, Object>> transitions = new ArrayList<>();
            int sequence = 0;
            for (Transition t : available(p, r)) {
                transitions.add(render(m, r, t, ++sequence));
            }
            Map<String, Object> blueprint = new LinkedHashMap<>();
            blueprint.put("process_info", processInfo(m, p, r));
            blueprint.put("transitions", transitions);
            return Answer.json(200, Map.of("blueprint", blueprint));
        } finally {
            org.lock.readLock().unlock();
        }
    }

    /** {@code PUT}: {@code {"blueprint": [{"transition_id", "data"}]}} — the transition, if the record can take it now. */
    @SuppressWarnings("unchecked")
    Answer perform(Org.ModuleData m, String id, RecordedRequest req) {
        JsonNode step = req.bodyObject().path("blueprint").path(0);
        String transitionId = step.path("transition_id").asText(null);
        if (transitionId == null) {
            return refusal("INVALID_DATA", "invalid data", "transition_id");
        }
        Map<String, Object> data = step.path("data").isObject() ? LeadConversion.map(step.get("data"))
                : new LinkedHashMap<>();
        org.lock.writeLock().lock();
        try {
            Process p = processes.get(m.spec.apiName());
            Org.StoredRecord r = org.find(m, id);
            Answer refused = refusedFor(m, p, r);
            if (refused != null) {
                return refused;
            }
            Transition t = available(p, r).stream().filter(x -> x.id().equals(transitionId)).findFirst()
                    .orElse(null);
            if (t == null) {
                return refusal("INVALID_DATA", "invalid transition", "transition_id");
            }
            for (String f : t.fields()) {
                Object v = data.get(f);
                if (v == null || v.toString().isBlank()) {
                    return refusal("INVALID_DATA", "invalid data", f);
                }
            }
            Map<String, Object> input = new LinkedHashMap<>(data);
            input.put("id", id);
            input.put(p.field(), t.to());
            Map<String, Object> result = org.update(m, input);
            if (!"success".equals(result.get("status"))) {
                Object field = ((Map<String, Object>) result.get("details")).get("api_name");
                return refusal("INVALID_DATA", "invalid data", field == null ? "data" : field.toString());
            }
            return Answer.json(200, Org.success(Map.of(), "transition updated successfully"));
        } finally {
            org.lock.writeLock().unlock();
        }
    }

    /** The refusal of a call about a record that is not there, or not in a process; null when neither. */
    private static Answer refusedFor(Org.ModuleData m, Process p, Org.StoredRecord r) {
        if (r == null) {
            return refusal("INVALID_DATA", "invalid data", "id");
        }
        return p == null ? refusal("RECORD_NOT_IN_PROCESS", "record not in process", m.spec.apiName()) : null;
    }

    private static List<Transition> available(Process p, Org.StoredRecord r) {
        Object now = r.data.get(p.field());
        return p.transitions().stream().filter(t -> t.from().equals(now == null ? null : now.toString())).toList();
    }

    /** A refusal as the specification's API_Exception has it (every detail key is required), with HTTP 200. */
    private static Answer refusal(String code, String message, String apiName) {
        return Answer.json(200, Org.error(code, message, "api_name", apiName, "message", message,
                "expected_data_type", "", "info_message", "", "parent_api_name", ""));
    }

    private Map<String, Object> processInfo(Org.ModuleData m, Process p, Org.StoredRecord r) {
        FieldSpec f = m.spec.field(p.field());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("field_id", f.id());
        info.put("is_continuous", false);
        info.put("api_name", p.field());
        info.put("continuous", false);
        info.put("field_label", p.field().replace('_', ' '));
        info.put("name", p.name());
        info.put("column_name", p.field().toUpperCase(java.util.Locale.ROOT));
        Object value = r.data.get(p.field());
        info.put("field_value", value == null ? null : value.toString());
        info.put("id", p.id());
        info.put("field_name", p.field());
        return info;
    }

    private Map<String, Object> render(Org.ModuleData m, Org.StoredRecord r, Transition t, int sequence) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", String.valueOf(r.id));
        List<Map<String, Object>> fields = new ArrayList<>();
        int n = 0;
        for (String name : t.fields()) {
            fields.add(field(m.spec.field(name), ++n));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("next_transitions", List.of());
        out.put("percent_partial_save", null);
        out.put("data", data);
        out.put("next_field_value", t.to());
        out.put("text_color_code", null);
        out.put("name", t.name());
        out.put("sequence", sequence);
        out.put("criteria_matched", true);
        out.put("id", Long.parseLong(t.id()));
        out.put("fields", fields);
        out.put("color_code", null);
        out.put("criteria_message", null);
        out.put("type", "transition");
        return out;
    }

    /** A field a transition needs, in blueprint.json's Field shape (every key it requires). */
    private static Map<String, Object> field(FieldSpec f, int sequence) {
        Map<String, Object> out = f.toCrmJson();
        out.put("crypt", FieldSpec.nulls("mode", "column", "table", "status"));
        out.put("layouts", Map.of("id", "7255024000000091055", "name", "Standard"));
        Map<String, Object> lookup = FieldSpec.nulls("display_label", "api_name", "module", "id");
        if (f.lookupModule() != null && "lookup".equals(f.dataType())) {
            lookup.put("display_label", f.lookupModule());
            lookup.put("api_name", f.apiName());
            lookup.put("module", f.lookupModule());
            lookup.put("id", String.valueOf(f.id() + 500_000));
        }
        out.put("lookup", lookup);
        out.put("multiselectlookup", FieldSpec.nulls("display_label", "linking_module", "lookup_apiname", "api_name",
                "connectedlookup_apiname", "id"));
        Map<String, Object> multiModule = FieldSpec.nulls("display_label", "api_name");
        multiModule.put("modules", List.of());
        out.put("multi_module_lookup", multiModule);
        out.put("currency", FieldSpec.nulls("rounding_option", "precision"));
        out.put("formula", FieldSpec.nulls("return_type", "expression"));
        out.put("auto_number", FieldSpec.nulls("prefix", "suffix", "start_number"));
        out.put("association_details", Map.of("lookup_field", FieldSpec.nulls("id", "name"), "related_field",
                FieldSpec.nulls("id", "name")));
        out.put("history_tracking", null);
        out.put("content", null);
        out.put("validation_rule", null);
        out.put("_type", null);
        out.put("transition_sequence", sequence);
        out.put("personality_name", null);
        out.put("mandatory", true);
        out.put("quick_sequence_number", f.id() % 1000);
        return out;
    }
}
