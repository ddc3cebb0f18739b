package io.github.camelbigin.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Zoho CRM's mass-action jobs (mass update of a view, mass conversion of leads, mass change of owner): each runs at
 * once here and keeps its counts, which {@code GET …?job_id=} answers as {@code {"data": [status]}}.
 */
final class MassJobs {

    private final AtomicLong ids = new AtomicLong(7255024000001000001L);
    private final Map<String, Map<String, Object>> jobs = new ConcurrentHashMap<>();

    void reset() {
        jobs.clear();
    }

    /** A finished job's counts ({@code Total_Count}, the action's done and not-done counts, {@code Failed_Count}). */
    String add(long total, String doneKey, long done, String notDoneKey, long notDone) {
        String id = String.valueOf(ids.getAndIncrement());
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("Status", "COMPLETED");
        job.put("Total_Count", total);
        job.put(doneKey, done);
        job.put(notDoneKey, notDone);
        job.put("Failed_Count", total - done - notDone);
        jobs.put(id, job);
        return id;
    }

    /** {@code GET …?job_id=}: the job's status, or INVALID_DATA naming job_id. */
    Answer status(RecordedRequest req) {
        Map<String, Object> job = jobs.get(String.valueOf(req.query("job_id")));
        if (job == null) {
            throw EmulatorError.badRequest("INVALID_DATA", "the given job_id is invalid", "param_name", "job_id");
        }
        return Answer.json(200, Map.of("data", List.of(job)));
    }
}
