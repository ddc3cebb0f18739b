package io.github.camelbigin.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One field of a module, as {@code GET /settings/fields} describes it. */
public final class FieldSpec {

    private final String apiName;
    private final String dataType;
    private final boolean mandatory;
    private final boolean unique;
    private final boolean readOnly;
    private final String lookupModule;
    private final long id;

    public FieldSpec(String apiName, String dataType, boolean mandatory, boolean unique, boolean readOnly,
                     String lookupModule, long id) {
        this.apiName = apiName;
        this.dataType = dataType;
        this.mandatory = mandatory;
        this.unique = unique;
        this.readOnly = readOnly;
        this.lookupModule = lookupModule;
        this.id = id;
    }

    public String apiName() {
        return apiName;
    }

    /** {@code text}, {@code email}, {@code phone}, {@code lookup}, {@code ownerlookup}, {@code datetime}, … */
    public String dataType() {
        return dataType;
    }

    public boolean mandatory() {
        return mandatory;
    }

    public boolean unique() {
        return unique;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public String lookupModule() {
        return lookupModule;
    }

    /** The field as {@code GET /settings/fields} shows it, in production's shapes (lengths, unique, lookup). */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("system_mandatory", mandatory);
        m.put("webhook", true);
        m.put("json_type", jsonType());
        m.put("field_label", apiName.replace("__s", "").replace('_', ' '));
        m.put("display_label", apiName.replace("__s", "").replace('_', ' '));
        m.put("api_name", apiName);
        m.put("data_type", dataType);
        m.put("length", length());
        m.put("unique", unique ? Map.of("casesensitive", "0") : "0");
        m.put("custom_field", false);
        m.put("read_only", readOnly);
        m.put("field_read_only", readOnly);
        m.put("visible", true);
        m.put("searchable", !readOnly);
        m.put("sortable", "Created_Time".equals(apiName) || "Modified_Time".equals(apiName));
        m.put("id", String.valueOf(id));
        m.put("lookup", lookupModule == null || !"lookup".equals(dataType) ? Map.of() : Map.of(
                "display_label", lookupModule, "api_name", apiName, "id", String.valueOf(id + 500_000),
                "module", Map.of("api_name", lookupModule, "id", String.valueOf(id + 600_000))));
        m.put("pick_list_values", List.of());
        m.put("created_source", "default");
        return m;
    }

    /** Production's lengths: names 40 and 80, emails 100, phones 30, long text 32,000, the rest 120 or 255. */
    private int length() {
        switch (dataType) {
            case "email":
                return 100;
            case "phone":
                return 30;
            case "lookup":
            case "ownerlookup":
                return 120;
            default:
                if ("Last_Name".equals(apiName) || apiName.endsWith("_Name")) {
                    return 80;
                }
                return "Description".equals(apiName) ? 32000 : "First_Name".equals(apiName) ? 40 : 255;
        }
    }

    private String jsonType() {
        switch (dataType) {
            case "lookup":
            case "ownerlookup":
                return "jsonobject";
            case "boolean":
                return "boolean";
            case "currency":
            case "double":
                return "double";
            case "integer":
                return "integer";
            case "multiselectpicklist":
                return "jsonarray";
            default:
                return "string";
        }
    }
}
