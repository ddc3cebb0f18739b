package io.github.camelbigin.emulator;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which Zoho API an emulator serves: Bigin v2 (bigin-api.md) or Zoho CRM v8 (docs/zohocrm-api.md, with Zoho's OpenAPI
 * specifications as the contract). The records, paging, writes, COQL, bulk jobs, notifications and faults are the
 * same code; what differs is here.
 */
public enum Flavour {
    BIGIN("Bigin", "/bigin/v2", "/bigin/bulk/v2", "zoho-bigin", "ZohoBigin", 200, 9_800, 50, 50, Duration.ofDays(1),
          false, 0, ModuleSpec::standardModules),
    CRM("Zoho CRM", "/crm/v8", "/crm/bulk/v8", "zoho-crm", "ZohoCRM", 2_000, 98_000, 100, 500, Duration.ofDays(7),
        true, 100_000, ModuleSpec::crmModules);

    final String product;
    /** The REST API's path on the API domain. */
    final String apiPrefix;
    /** The bulk API's path beside it. */
    final String bulkPrefix;
    /** Maton's name of the app: the gateway serves the API at {@code /<app><apiPrefix>}. */
    final String matonApp;
    /** The prefix of the OAuth scopes: {@code ZohoBigin.modules.ALL}, {@code ZohoCRM.modules.ALL}. */
    final String scope;
    final int coqlLimit;
    final int coqlMaxOffset;
    final int coqlMaxInValues;
    final int coqlMaxFields;
    /** How far ahead a notification channel may expire. */
    final Duration maxChannelLifetime;
    /** Zoho CRM's record actions: {@code /actions/count}, {@code /actions/mass_update}, {@code X-EXTERNAL}. */
    final boolean recordActions;
    /** How many records page tokens reach (0: no reach known). */
    final int pageTokenReach;
    private final Supplier<List<ModuleSpec>> modules;

    Flavour(String product, String apiPrefix, String bulkPrefix, String matonApp, String scope, int coqlLimit,
            int coqlMaxOffset, int coqlMaxInValues, int coqlMaxFields, Duration maxChannelLifetime,
            boolean recordActions, int pageTokenReach, Supplier<List<ModuleSpec>> modules) {
        this.product = product;
        this.apiPrefix = apiPrefix;
        this.bulkPrefix = bulkPrefix;
        this.matonApp = matonApp;
        this.scope = scope;
        this.coqlLimit = coqlLimit;
        this.coqlMaxOffset = coqlMaxOffset;
        this.coqlMaxInValues = coqlMaxInValues;
        this.coqlMaxFields = coqlMaxFields;
        this.maxChannelLifetime = maxChannelLifetime;
        this.recordActions = recordActions;
        this.pageTokenReach = pageTokenReach;
        this.modules = modules;
    }

    /** The modules of a new org of this product. */
    List<ModuleSpec> standardModules() {
        return modules.get();
    }

    /** A scope named as Bigin names it ({@code ZohoBigin.…}), in this product's words. */
    String scope(String biginScope) {
        return biginScope.startsWith("ZohoBigin.") ? scope + biginScope.substring("ZohoBigin".length()) : biginScope;
    }

    /** The URL notifications name a module's records by, e.g. {@code https://www.zohoapis.com/crm/v8/Leads}. */
    String resourceUri(String module) {
        return "https://www.zohoapis.com" + (this == BIGIN ? "/bigin/v1" : apiPrefix) + "/" + module;
    }
}
