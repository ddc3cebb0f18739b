package io.github.camelbigin.zoho.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.Names;

/**
 * The fields a read asks for when the user named none: every field of the module, from its metadata (one call per
 * module, then kept), mandatory and time fields first. Zoho answers at most {@link ZohoApi#maxFields()} fields a
 * request: the reads take more in further requests and merge them, so every field is read.
 */
final class DefaultFields {

    private final Metadata metadata;
    private final ZohoApi api;
    private final Map<String, List<String>> byModule = new ConcurrentHashMap<>();

    DefaultFields(Metadata metadata, ZohoApi api) {
        this.metadata = metadata;
        this.api = api;
    }

    List<String> of(String module) {
        Names.checkModule(api, module);
        return byModule.computeIfAbsent(module, this::read);
    }

    private List<String> read(String module) {
        List<String> all = new ArrayList<>();
        List<String> first = new ArrayList<>();
        for (Map<String, Object> f : metadata.fields(module)) {
            Object name = f.get("api_name");
            if (name == null) {
                continue;
            }
            String n = name.toString();
            boolean important = Boolean.TRUE.equals(f.get("system_mandatory")) || "Modified_Time".equals(n)
                                || "Created_Time".equals(n);
            (important ? first : all).add(n);
        }
        first.addAll(all);
        if (first.isEmpty()) {
            throw new ZohoApiException(api, "fields", module, 200, "NO_FIELDS", api.product() + "'s field metadata"
                                       + " of " + module + " lists no fields: set the fields option", null, null);
        }
        return List.copyOf(first);
    }
}
