package io.github.camelbigin.zoho.records;

import java.util.regex.Pattern;

import io.github.camelbigin.zoho.api.Feature;
import io.github.camelbigin.zoho.api.ZohoApi;

/** Checks module names and record ids before they become part of a URL path. */
public final class Names {

    private static final Pattern MODULE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");
    private static final Pattern RECORD_ID = Pattern.compile("[0-9]{1,30}");

    private Names() {
    }

    /** Whether a text is a well-formed module API name (letters, digits and _, starting with a letter). */
    public static boolean isModule(String module) {
        return module != null && MODULE.matcher(module).matches();
    }

    public static void checkModule(ZohoApi api, String module) {
        if (!isModule(module)) {
            throw new IllegalArgumentException("'" + module + "' is not a " + api.product() + " module API name: use"
                                               + " names such as Contacts, Accounts, Pipelines, Products or a custom"
                                               + " module's API name (letters, digits and _; case-sensitive)");
        }
    }

    /** Whether a text is a well-formed record id (digits only). */
    /**
     * The {@code X-EXTERNAL} header's value, {@code Module.Field}, or null without a field; refused where the API has
     * no external ids.
     */
    static String external(ZohoApi api, String module, String field) {
        if (field == null) {
            return null;
        }
        if (!api.has(Feature.RECORD_ACTIONS)) {
            throw new IllegalArgumentException("externalField=" + field + ": " + api.product() + " has no external"
                                               + " ids (Zoho CRM has): identify records by id");
        }
        return module + "." + field;
    }

    public static boolean isId(String id) {
        return id != null && RECORD_ID.matcher(id).matches();
    }

    public static void checkId(ZohoApi api, String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a " + api.product() + " record id: ids are long"
                                               + " numbers such as 7255024000000596045 (keep them as strings)");
        }
    }
}
