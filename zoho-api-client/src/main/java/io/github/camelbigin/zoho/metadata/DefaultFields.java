package io.github.camelbigin.zoho.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fields a read asks for when the user named none: every field of the module, from its metadata (one call per
 * module, then kept). Zoho answers at most {@link ZohoApi#maxFields()} fields a request; past that the first ones are
 * asked (mandatory and time fields first) and a warning names the rest.
 */
public final class DefaultFields {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultFields.class);

    private final Metadata metadata;
    private final ZohoApi api;
    private final Map<String, List<String>> byModule = new ConcurrentHashMap<>();

    public DefaultFields(Metadata metadata, ZohoApi api) {
        this.metadata = metadata;
        this.api = api;
    }

    public List<String> of(String module) {
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
        int max = api.maxFields();
        if (first.size() > max) {
            LOG.warn("{} has {} fields and {} answers at most {} a request: reading {} and leaving out {}."
                     + " Set the fields option to choose.", module, first.size(), api.product(), max,
                    first.subList(0, max), first.subList(max, first.size()));
            return List.copyOf(first.subList(0, max));
        }
        if (first.isEmpty()) {
            throw new ZohoApiException(api, "fields", module, 200, "NO_FIELDS", api.product() + "'s field metadata"
                                       + " of " + module + " lists no fields: set the fields option", null, null);
        }
        return List.copyOf(first);
    }
}
