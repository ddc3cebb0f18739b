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
    /** A multi-select lookup's key in each of its rows (the linking module's lookup to the connected module). */
    private final String connectedField;

    public FieldSpec(String apiName, String dataType, boolean mandatory, boolean unique, boolean readOnly,
                     String lookupModule, long id) {
        this(apiName, dataType, mandatory, unique, readOnly, lookupModule, id, null);
    }

    /** A multi-select lookup to {@code module}: each row links one record of it, under {@code connectedField}. */
    static FieldSpec multiSelectLookup(String apiName, String module, String connectedField, long id) {
        return new FieldSpec(apiName, "multiselectlookup", false, false, false, module, id, connectedField);
    }

    private FieldSpec(String apiName, String dataType, boolean mandatory, boolean unique, boolean readOnly,
                      String lookupModule, long id, String connectedField) {
        this.connectedField = connectedField;
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

    /** The field's id in the org's metadata. */
    long id() {
        return id;
    }

    /** Whether the value is a list of rows, each with its own id, that an update replaces (subforms, multi-select lookups). */
    boolean rows() {
        return "subform".equals(dataType) || "multiselectlookup".equals(dataType);
    }

    /** A multi-select lookup's key in each row, or null for other fields. */
    String connectedField() {
        return connectedField;
    }

    /** The field as {@code GET /settings/fields} shows it, in the shape of recorded production answers. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(id));
        m.put("api_name", apiName);
        m.put("field_label", label());
        m.put("display_label", label());
        m.put("data_type", dataType);
        m.put("json_type", jsonType());
        m.put("type", "used");
        m.put("length", length());
        m.put("decimal_place", null);
        m.put("system_mandatory", mandatory);
        m.put("field_read_only", readOnly);
        m.put("read_only", false);
        m.put("custom_field", false);
        m.put("virtual_field", false);
        m.put("display_field", false);
        m.put("visible", true);
        m.put("filterable", true);
        m.put("searchable", !readOnly);
        m.put("sortable", true);
        m.put("mass_update", !readOnly && !mandatory);
        m.put("webhook", true);
        m.put("businesscard_supported", false);
        m.put("separator", false);
        m.put("display_type", -1);
        m.put("ui_type", 1);
        m.put("created_source", "default");
        for (String key : List.of("tooltip", "crypt", "created_time", "modified_time", "global_picklist", "external",
                "subform", "association_details", "display_format")) {
            m.put(key, null);
        }
        m.put("pick_list_values", List.of());
        m.put("pick_list_values_sorted_lexically", false);
        m.put("unique", unique ? Map.of("casesensitive", "0") : Map.of());
        m.put("lookup", lookupModule == null || !"lookup".equals(dataType) ? Map.of() : Map.of(
                "api_name", apiName, "display_label", lookupModule, "id", String.valueOf(id + 500_000),
                "module", Map.of("api_name", lookupModule, "id", String.valueOf(id + 600_000), "crypt", false)));
        for (String key : List.of("multiselectlookup", "multi_module_lookup", "formula", "auto_number", "currency")) {
            m.put(key, Map.of());
        }
        m.put("email_parser", Map.of("fields_update_supported", false, "record_operations_supported", true));
        m.put("view_type", Map.of("view", true, "edit", !readOnly, "create", !readOnly, "quick_create", mandatory));
        m.put("profiles", List.of(Map.of("id", "7255024000000026011", "name", "Administrator",
                "permission_type", readOnly ? "read_only" : "read_write")));
        m.put("colour_code_enabled_by_system", false);
        m.put("display_format_properties", null);
        m.put("parent_field", null);
        m.put("enable_colour_code", false);
        m.put("child_fields", null);
        m.put("range", null);
        m.put("address", null);
        m.put("history_tracking", null);
        return m;
    }

    /**
     * The field as Zoho CRM's {@code GET /settings/fields} gives it: the recorded shape above with every property CRM's
     * v8 specification requires (fields.json), the objects it says are never null given with their own properties.
     */
    Map<String, Object> toCrmJson() {
        Map<String, Object> m = toJson();
        Map<String, Object> noModule = nulls("api_name", "id");
        boolean writable = !readOnly;
        m.put("associated_module", noModule);
        m.put("operation_type", Map.of("web_update", writable, "api_create", writable, "web_create", writable,
                "api_update", writable));
        m.put("blueprint_supported", false);
        m.put("customizable_properties", List.of());
        m.put("available_in_user_layout", true);
        m.put("layout_associations", List.of(Map.of("api_name", "Standard__s", "name", "Standard", "id",
                "7255024000000091055")));
        m.put("column_name", apiName.toUpperCase(java.util.Locale.ROOT));
        m.put("quick_sequence_number", String.valueOf(id % 1000));
        m.put("rollup_summary", null);
        m.put("refer_from_field", nulls("id", "api_name"));
        m.put("show_type", 0);
        m.put("category", 0);
        m.put("sharing_properties", Map.of());
        m.put("file_upolad_optionlist", List.of()); // Zoho's own spelling
        m.put("sub_module", noModule);
        m.put("external", unique ? Map.of("show", true, "type", "user") : nulls("show", "type"));
        m.put("convert_mapping", Map.of());
        Map<String, Object> multiUser = nulls("display_label", "lookup_apiname", "api_name", "connectedfield_apiname",
                "connectedlookup_apiname", "id", "record_access");
        multiUser.put("linking_module", noModule);
        multiUser.put("connected_module", noModule);
        m.put("multiuserlookup", multiUser);
        Map<String, Object> autonumber = nulls("prefix", "suffix", "start_number");
        autonumber.put("starting_number_length", 0);
        m.put("autonumber", autonumber);
        m.put("crypt", nulls("mode", "status"));
        m.put("tooltip", Map.of("name", "", "value", ""));
        m.put("history_tracking", Map.of("module", Map.of(), "duration_configured_field", noModule));
        m.put("association_details", Map.of("related_field", noModule, "lookup_field", noModule));
        m.put("allowed_modules", List.of());
        m.put("additional_column", null);
        m.put("common.picklist", null);
        m.put("hipaa_compliance_enabled", false);
        m.put("hipaa_compliance", Map.of("restricted_in_export", false, "restricted", false));
        m.put("_update_existing_records", false);
        m.put("number_separator", false);
        m.put("textarea", Map.of());
        m.put("static_field", false);
        if (connectedField != null) {
            Map<String, Object> msl = new LinkedHashMap<>();
            msl.put("display_label", label());
            msl.put("linking_module", Map.of("api_name", "Linking_" + apiName, "id", String.valueOf(id + 700_000)));
            msl.put("connected_module", Map.of("api_name", lookupModule, "id", String.valueOf(id + 600_000)));
            msl.put("lookup_apiname", "Parent");
            msl.put("api_name", apiName);
            msl.put("connectedfield_apiname", apiName);
            msl.put("connectedlookup_apiname", connectedField);
            msl.put("id", String.valueOf(id + 500_000));
            msl.put("record_access", true);
            m.put("multiselectlookup", msl);
        }
        return m;
    }

    /** An object of these keys, each null. */
    static Map<String, Object> nulls(String... keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : keys) {
            m.put(k, null);
        }
        return m;
    }

    private String label() {
        return apiName.replace("__s", "").replace('_', ' ');
    }

    /** Production's lengths: first names 40, names 80, emails and texts 100, phones 50, lookups 120, long text 32,000. */
    private int length() {
        switch (dataType) {
            case "email":
                return 100;
            case "phone":
                return 50;
            case "lookup":
            case "ownerlookup":
                return 120;
            default:
                if ("Last_Name".equals(apiName) || apiName.endsWith("_Name")) {
                    return 80;
                }
                return "Description".equals(apiName) ? 32000 : "First_Name".equals(apiName) ? 40 : 100;
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
