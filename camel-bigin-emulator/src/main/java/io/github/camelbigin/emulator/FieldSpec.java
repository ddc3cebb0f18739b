package io.github.camelbigin.emulator;

import java.util.LinkedHashMap;
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

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("api_name", apiName);
        m.put("field_label", apiName.replace('_', ' '));
        m.put("display_label", apiName.replace('_', ' '));
        m.put("data_type", dataType);
        m.put("json_type", jsonType());
        m.put("system_mandatory", mandatory);
        m.put("read_only", readOnly);
        m.put("unique", Map.of("casesensitive", false));
        m.put("custom_field", false);
        m.put("length", "text".equals(dataType) ? 255 : 120);
        m.put("id", String.valueOf(id));
        if (lookupModule != null) {
            m.put("lookup", Map.of("module", Map.of("api_name", lookupModule)));
        }
        if (!unique) {
            m.remove("unique");
        }
        return m;
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
