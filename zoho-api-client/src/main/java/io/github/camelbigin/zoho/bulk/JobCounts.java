package io.github.camelbigin.zoho.bulk;

import java.util.Map;

/**
 * What a Zoho CRM mass update of a custom view did: its job id and counts ({@code Total_Count},
 * {@code Updated_Count}, {@code Not_Updated_Count}, {@code Failed_Count}).
 */
public record MassUpdateResult(String jobId, long total, long updated, long notUpdated, long failed) {

    static MassUpdateResult of(String jobId, Map<String, Object> status) {
        return new MassUpdateResult(jobId, count(status, "Total_Count"), count(status, "Updated_Count"),
                count(status, "Not_Updated_Count"), count(status, "Failed_Count"));
    }

    private static long count(Map<String, Object> status, String key) {
        Object v = status.get(key);
        return v instanceof Number n ? n.longValue() : v == null ? 0 : Long.parseLong(v.toString());
    }
}
