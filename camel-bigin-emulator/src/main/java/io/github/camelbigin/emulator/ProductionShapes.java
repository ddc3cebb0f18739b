package io.github.camelbigin.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of Bigin's answers that carry no emulated behaviour but must look as production's do: the user, the org,
 * and the system keys of a whole record. Key sets and value types follow recorded production answers (see the
 * fixtures under src/test/resources/production); the values are the emulator's own.
 */
final class ProductionShapes {

    private ProductionShapes() {
    }

    /** The {@code $}-keys and system fields a record read without a field list carries. */
    static void systemKeys(Map<String, Object> record, String layoutId) {
        record.put("$currency_symbol", "$");
        record.put("$field_states", null);
        record.put("$sharing_permission", "full_access");
        record.put("Record_Creation_Source_ID__s", "0");
        record.put("$state", "save");
        record.put("$process_flow", false);
        record.put("$locked_for_me", false);
        record.put("$approval", flags("delegate", "takeover", "approve", "reject", "resubmit"));
        record.put("$editable", true);
        record.put("$zia_owner_assignment", "owner_recommendation_unavailable");
        record.put("$is_duplicate", false);
        record.put("$review_process", flags("approve", "reject", "resubmit"));
        record.put("$layout_id", Map.of("display_label", "Standard", "name", "Standard", "id", layoutId));
        record.put("$review", null);
        record.put("$zia_visions", null);
        record.put("$orchestration", null);
        record.put("$in_merge", false);
        record.put("$approval_state", "approved");
        record.put("$pathfinder", null);
    }

    private static Map<String, Object> flags(String... names) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, false);
        }
        return m;
    }

    /** A user as {@code GET /users} and {@code GET /users/{id}} answer it. */
    static Map<String, Object> user(Map<String, Object> who, String zone, String createdTime) {
        Map<String, Object> u = new LinkedHashMap<>();
        Map<String, Object> ref = Map.of("name", who.get("name"), "id", who.get("id"));
        u.put("country", "UNITED STATES");
        u.put("Preferred_Currency__s", null);
        u.put("language", "en_US");
        u.put("microsoft", false);
        u.put("$shift_effective_from", null);
        u.put("id", who.get("id"));
        u.put("state", null);
        u.put("fax", null);
        u.put("country_locale", "en_US");
        u.put("sandboxDeveloper", false);
        u.put("zip", null);
        u.put("decimal_separator", "Period");
        u.put("created_time", createdTime);
        u.put("time_format", "hh:mm a");
        u.put("offset", 0);
        u.put("profile", Map.of("name", "Administrator", "id", "7255024000000026011"));
        u.put("created_by", ref);
        u.put("zuid", "700100001");
        u.put("full_name", who.get("name"));
        u.put("phone", null);
        u.put("dob", null);
        u.put("status", "active");
        u.put("role", Map.of("name", "CEO", "id", "7255024000000026005"));
        Map<String, Object> customize = new LinkedHashMap<>();
        customize.put("notes_desc", null);
        customize.put("show_right_panel", null);
        customize.put("bc_view", null);
        customize.put("show_home", false);
        customize.put("show_detail_view", true);
        customize.put("show_left_panel", true);
        customize.put("unpin_recent_item", null);
        u.put("customize_info", customize);
        u.put("city", null);
        u.put("signature", null);
        u.put("sort_order_preference", "First Name,Last Name");
        u.put("name_format", "Salutation,First Name,Last Name");
        u.put("locale", "en_US");
        u.put("personal_account", true);
        u.put("Isonline", false);
        u.put("default_tab_group", "0");
        u.put("Modified_By", ref);
        u.put("street", null);
        u.put("$current_shift", null);
        u.put("alias", null);
        Map<String, Object> tab = Map.of("font_color", "#FFFFFF", "background", "#222222");
        Map<String, Object> theme = new LinkedHashMap<>();
        theme.put("normal_tab", tab);
        theme.put("selected_tab", tab);
        theme.put("new_background", null);
        theme.put("background", "#F3F0EB");
        theme.put("screen", "fixed");
        theme.put("type", "default");
        u.put("theme", theme);
        String[] names = String.valueOf(who.get("name")).split(" ", 2);
        u.put("first_name", names[0]);
        u.put("email", who.get("email"));
        u.put("status_reason__s", null);
        u.put("website", null);
        u.put("Modified_Time", createdTime);
        u.put("$next_shift", null);
        u.put("mobile", null);
        u.put("last_name", names.length > 1 ? names[1] : names[0]);
        u.put("time_zone", zone);
        u.put("number_separator", "Comma");
        u.put("confirm", true);
        u.put("date_format", "MM/dd/yyyy");
        u.put("category", "regular_user");
        return u;
    }

    /** The organization as {@code GET /org} answers it. */
    static Map<String, Object> org(String primaryEmail, String zone) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("country", null);
        o.put("hierarchy_preferences", Map.of("type", "Role_Hierarchy"));
        o.put("photo_id", null);
        o.put("city", null);
        o.put("description", null);
        o.put("mc_status", false);
        o.put("gapps_enabled", false);
        o.put("lite_users_enabled", false);
        o.put("domain_name", "org7255024");
        o.put("translation_enabled", false);
        o.put("street", null);
        o.put("alias", null);
        o.put("currency", "US Dollar - USD");
        o.put("deletable_org_account", true);
        o.put("id", "7255024000000020001");
        o.put("state", null);
        o.put("fax", null);
        o.put("employee_count", null);
        o.put("zip", null);
        o.put("website", null);
        o.put("currency_symbol", "$");
        o.put("mobile", null);
        o.put("currency_locale", "USD");
        o.put("primary_zuid", "700100001");
        o.put("zia_portal_id", null);
        o.put("time_zone", zone);
        o.put("zgid", "700200001");
        o.put("country_code", "US");
        Map<String, Object> license = new LinkedHashMap<>();
        license.put("paid_expiry", null);
        license.put("users_license_purchased", 1);
        license.put("trial_type", null);
        license.put("trial_expiry", null);
        license.put("paid", false);
        license.put("paid_type", "free");
        license.put("portal_users_license_purchased", 0);
        o.put("license_details", license);
        o.put("phone", null);
        o.put("company_name", "Emulated Org");
        o.put("privacy_settings", false);
        o.put("primary_email", primaryEmail);
        o.put("hipaa_compliance_enabled", false);
        o.put("iso_code", "USD");
        return o;
    }

    /** A module as {@code GET /settings/modules} answers it. */
    static Map<String, Object> module(String apiName, String singular, String plural, long id, int sequence,
                                      Map<String, Object> modifiedBy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("has_more_profiles", false);
        m.put("access_type", "org_based");
        m.put("private_profile", null);
        m.put("global_search_supported", true);
        m.put("deletable", true);
        m.put("description", null);
        m.put("creatable", true);
        m.put("email_parser_supported", false);
        m.put("inventory_template_supported", false);
        m.put("modified_time", null);
        m.put("plural_label", plural);
        m.put("presence_sub_menu", true);
        m.put("actual_plural_label", plural);
        m.put("triggers_supported", true);
        m.put("id", String.valueOf(id));
        m.put("isBlueprintSupported", true);
        m.put("visible", true);
        m.put("visibility", 1);
        m.put("convertable", false);
        m.put("editable", true);
        m.put("emailTemplate_support", true);
        m.put("actual_singular_label", singular);
        m.put("profiles", List.of(Map.of("name", "Administrator", "id", "7255024000000026011")));
        m.put("filter_supported", true);
        m.put("show_as_tab", true);
        m.put("web_link", null);
        m.put("sequence_number", sequence);
        m.put("singular_label", singular);
        m.put("viewable", true);
        m.put("api_supported", true);
        m.put("api_name", apiName);
        m.put("quick_create", true);
        m.put("modified_by", modifiedBy);
        m.put("generated_type", "default");
        m.put("feeds_required", true);
        m.put("scoring_supported", false);
        m.put("webform_supported", false);
        m.put("public_fields_configured", false);
        m.put("arguments", List.of());
        m.put("module_name", apiName);
        m.put("profile_count", 1);
        m.put("business_card_field_limit", 5);
        m.put("parent_module", Map.of());
        return m;
    }
}
