package io.github.camelbigin.zoho.bulk;

import java.util.List;
import java.util.Map;

/**
 * What a bulk job's status call says: its state and result. Read jobs answer inside {@code data}, write jobs at the
 * top level, with {@code state} or {@code status}; a mass update's inside {@code data} with {@code Status}: every shape is
 * read.
 */
record JobStatus(String id, String state, Map<String, Object> result, Map<String, Object> raw) {

    @SuppressWarnings("unchecked")
    static JobStatus of(Map<?, ?> answer) {
        Map<String, Object> job = (Map<String, Object>) answer;
        if (answer.get("data") instanceof List<?> data && !data.isEmpty() && data.get(0) instanceof Map<?, ?> first) {
            job = (Map<String, Object>) first;
        }
        Object state = job.get("state") != null ? job.get("state")
                : job.get("status") != null ? job.get("status") : job.get("Status"); // a mass update's
        Object result = job.get("result");
        return new JobStatus(String.valueOf(job.get("id")), state == null ? "" : state.toString(),
                result instanceof Map ? (Map<String, Object>) result : Map.of(), job);
    }

    boolean completed() {
        return "COMPLETED".equalsIgnoreCase(state);
    }

    boolean failed() {
        return "FAILURE".equalsIgnoreCase(state) || "FAILED".equalsIgnoreCase(state);
    }

    /** Whether the read job left matching records for another job (its 200,000 were full). */
    boolean moreRecords() {
        return Boolean.TRUE.equals(result.get("more_records")) || "true".equals(String.valueOf(result.get("more_records")));
    }

    String downloadUrl() {
        Object url = result.get("download_url");
        return url == null ? null : url.toString();
    }
}
