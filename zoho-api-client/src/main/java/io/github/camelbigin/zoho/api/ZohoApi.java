package io.github.camelbigin.zoho.api;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * One Zoho REST API described as data: where it lives, how far its pages and queries reach, how its errors are
 * explained. The engine reads every such fact from here instead of asking "is this Bigin?", so another API of the same
 * family (Zoho CRM v8 next) is one more description, not a branch in each class.
 *
 * @param product         the product's name in messages, e.g. {@code Bigin}
 * @param basePath        the API's path below an API domain, e.g. {@code /bigin/v2}
 * @param gatewayApp      Maton's name of the app, the first path segment at the gateway, e.g. {@code zoho-bigin}
 * @param pageSize        the most records a read page holds
 * @param writeBatch      the most records a create, update, upsert or delete call takes
 * @param tagBatch        the most records a call adding tags takes
 * @param pageNumberReach the most records plain page numbers reach before a {@code page_token} is needed
 * @param maxFields       the most fields one read may name
 * @param coqlLimit       the most records a COQL call returns (its LIMIT)
 * @param coqlMaxOffset   the highest OFFSET a COQL query may give
 * @param coqlMaxInValues the most values of a COQL {@code in} / {@code not in}
 * @param channelLifetime how far ahead a notification channel is asked to expire (under the API's cap)
 * @param features        what the API does its own way (Zoho CRM's record actions, tags and notes)
 * @param hints           what to do about an error code, by code; {@code {module}} stands for the module
 */
public record ZohoApi(String product, String basePath, String gatewayApp, int pageSize, int writeBatch,
                      int tagBatch, int pageNumberReach, int maxFields, int coqlLimit, int coqlMaxOffset, int coqlMaxInValues,
                      Duration channelLifetime, Set<Feature> features, Map<String, String> hints) {

    private static final String REJECTED_CREDENTIALS = "The credentials were rejected. An access token lives one hour:"
            + " give a refresh token (clientId, clientSecret, refreshToken) to have tokens renewed. Tokens work only in"
            + " the data center they were minted in: set dataCenter (EU for accounts.zoho.eu, IN, AU, JP, CA, CN, SA)."
            + " A Maton API key works only at Maton's gateway: leave apiUrl unset (or point it at gateway.maton.ai),"
            + " not at zohoapis";

    /** Zoho Bigin's REST API v2 (bigin-api.md): channels end at most a day ahead, no record actions. */
    public static final ZohoApi BIGIN_V2 = new ZohoApi("Bigin", "/bigin/v2", "zoho-bigin", 200, 100, 500, 2000, 50, 200,
            9800, 50, Duration.ofHours(23), Set.of(), hints("Bigin", "ZohoBigin", "ZohoBigin.modules.Tasks.ALL",
                    "ZohoBigin.org.READ", "Contacts, Accounts, Pipelines, Products, Tasks, Events, Calls, Notes",
                    ""));

    /**
     * Zoho CRM's REST API v8 (docs/zohocrm-api.md): COQL answers 2,000 records a call and LIMIT + OFFSET reach 100,000;
     * channels may end up to a week ahead (asked for 6 days, renewed at half-life); it has record actions (count, mass
     * update, external ids); {@code in} takes 100 values.
     */
    public static final ZohoApi CRM_V8 = new ZohoApi("Zoho CRM", "/crm/v8", "zoho-crm", 200, 100, 500, 2000, 50, 2000,
            98000, 100, Duration.ofDays(6), Set.of(Feature.RECORD_ACTIONS, Feature.TAGS_IN_BODY, Feature.NOTES_BY_PARENT,
                    Feature.NOTIFY_CONDITION, Feature.SUBFORMS, Feature.RECYCLE_BIN, Feature.COMPOSITE),
            hints("Zoho CRM", "ZohoCRM", "ZohoCRM.modules.leads.ALL",
                    "ZohoCRM.org.ALL", "Leads, Contacts, Accounts, Deals, Tasks, Events, Calls, Products, Quotes,"
                                       + " Sales_Orders, Invoices or a custom module's API name",
                    " (its page tokens reach 100,000 records: past them read by operation=coql, which goes on by"
                    + " id, or by operation=bulkRead)"));

    /** The error hints of a Zoho REST API of this family, worded with its product, scope prefix and modules. */
    private static Map<String, String> hints(String product, String scope, String moduleScopeExample,
                                             String orgScope, String modules, String pageReach) {
        return Map.of(
                "OAUTH_SCOPE_MISMATCH", "The token lacks a scope: grant " + scope + ".modules.ALL for records (or the"
                                        + " module's own scope, e.g. " + moduleScopeExample + "), " + scope
                                        + ".settings.ALL for metadata, " + scope + ".users.ALL for users, " + orgScope
                                        + " for the org, " + scope + ".settings.tags.ALL for the module's tags, "
                                        + scope + ".coql.READ for COQL, " + scope + ".bulk.ALL for bulk jobs and "
                                        + scope + ".notifications.ALL for notification channels, then mint a new"
                                        + " refresh token",
                "INVALID_TOKEN", REJECTED_CREDENTIALS,
                "AUTHENTICATION_FAILURE", REJECTED_CREDENTIALS,
                "INVALID_MODULE", "Module API names are case-sensitive: " + modules + " (the modules operation lists"
                                  + " them)",
                "NO_PERMISSION", "The " + product + " user behind the credentials lacks the permission for this",
                "MISSING_CONNECTION", "Maton has no ACTIVE connection to " + product + " for this API key: create one"
                                      + " (operation=createConnection), open its url to authorise it and wait for it"
                                      + " (operation=awaitConnection)",
                "DISCRETE_PAGINATION_LIMIT_EXCEEDED", product + " answers at most 2,000 records through page numbers"
                                                      + " and sent no page token to go on" + pageReach + ": set"
                                                      + " maxRecords to at most 2000, narrow the query (cvid,"
                                                      + " criteria), or use the polling consumer");
    }

    public ZohoApi {
        features = Set.copyOf(features);
        hints = Map.copyOf(hints);
    }

    /** Whether the API does this its own way. */
    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    /** What to do about an error code, or null when there is nothing to add to the server's message. */
    public String hint(String code) {
        return code == null ? null : hints.get(code);
    }

    /** The URL of this API at Maton's gateway, e.g. {@code https://gateway.maton.ai/zoho-bigin/bigin/v2}. */
    public String gatewayUrl(String gatewayHost) {
        return "https://" + gatewayHost + "/" + gatewayApp + basePath;
    }

    @Override
    public String toString() {
        return product + " (" + basePath + ")";
    }
}
