package io.github.camelbigin.zoho.bulk;

import java.util.Map;

/**
 * What one of Zoho CRM's mass-action jobs did (a mass update of a custom view, a mass conversion of leads, a mass
 * change of owner): its id and counts — of the records it took, did, did not do (yet or because nothing changed) and
 * failed on. Zoho's job answers no more than these counts: no ids.
 */
public record JobCounts(String jobId, long total, long done, long notDone, long failed) {

    /** The counts of a job's status, whose done and not-done counts have the action's names (Updated_Count, …). */
    static JobCounts of(String jobId, Map<String, Object> status, String doneKey, String notDoneKey) {
        return new JobCounts(jobId, count(status, "Total_Count"), count(status, doneKey), count(status, notDoneKey),
                count(status, "Failed_Count"));
    }

    private static long count(Map<String, Object> status, String key) {
        Object v = status.get(key);
        return v instanceof Number n ? n.longValue() : v == null ? 0 : Long.parseLong(v.toString());
    }
}
