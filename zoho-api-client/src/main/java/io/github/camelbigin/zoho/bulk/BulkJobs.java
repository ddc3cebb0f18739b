package io.github.camelbigin.zoho.bulk;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiRequest;
import io.github.camelbigin.zoho.http.ApiResponse;
import io.github.camelbigin.zoho.http.FilePart;
import io.github.camelbigin.zoho.http.RateLimiter;
import io.github.camelbigin.zoho.http.Sleeper;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.Download;
import io.github.camelbigin.zoho.records.JsonCalls;
import io.github.camelbigin.zoho.records.Names;
import io.github.camelbigin.zoho.records.RecordWrites;

/**
 * The calls of the bulk API ({@code /bigin/bulk/v2}, {@code /crm/bulk/v8} on the API domain, uploads on
 * {@code content.zohoapis.<dc>}): read and write jobs (a {@link BulkReader}, a {@link BulkWriter}) and Zoho CRM's mass
 * update of a custom view; create a read or write job, wait for it by polling with backoff, download its zipped result. Read-result downloads
 * go through a {@link RateLimiter} of 10 a minute.
 */
public final class BulkJobs {

    /** The first status poll comes this soon; the waits double up to {@link #MAX_POLL_WAIT}. */
    static final Duration FIRST_POLL_WAIT = Duration.ofMillis(250);
    static final Duration MAX_POLL_WAIT = Duration.ofSeconds(30);
    static final int DOWNLOADS_PER_MINUTE = 10;

    private final JsonCalls calls;
    private final ZohoApi api;
    private final Clock clock;
    private final Sleeper sleeper;
    /** Bigin allows 10 result downloads a minute and answers the 11th with 429: wait for a slot instead. */
    private final RateLimiter downloads;
    /** The bulk API's path on the API domain: {@code /bigin/bulk/v2} beside {@code /bigin/v2}. */
    private final String bulkPath;

    /** The org's zgid, which uploads name. */
    private final Supplier<String> orgId;

    public BulkJobs(JsonCalls calls, Supplier<String> orgId, Clock clock, Sleeper sleeper) {
        this.calls = calls;
        this.orgId = orgId;
        this.api = calls.api();
        this.bulkPath = api.basePath().replaceFirst("^/([^/]+)/", "/$1/bulk/");
        this.clock = clock;
        this.sleeper = sleeper;
        this.downloads = new RateLimiter(DOWNLOADS_PER_MINUTE, 60_000, clock, sleeper);
    }

    ZohoApi api() {
        return api;
    }

    /**
     * Reads every record of a module matching a bulk criteria (null: all) by bulk-read jobs, chained past 200,000;
     * see {@link BulkReader}. Close it when stopping early.
     */
    public BulkReader read(String module, List<String> fields, Map<String, Object> criteria, Duration jobTimeout,
                           long maxRecords) {
        return new BulkReader(this, module, fields, criteria, jobTimeout, maxRecords);
    }

    /** Writes records by bulk-write jobs, with zip files in {@code workDir}; see {@link BulkWriter}. */
    public BulkWriter writer(Path workDir, Duration jobTimeout) {
        return new BulkWriter(this, orgId, workDir, jobTimeout);
    }

    /** Creates a read job (50 credits) of the module's records matching {@code criteria} (null: all); its id. */
    String createRead(String module, List<String> fields, Map<String, Object> criteria) {
        Names.checkModule(api, module);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("module", Map.of("api_name", module));
        if (fields != null && !fields.isEmpty()) {
            query.put("fields", fields);
        }
        if (criteria != null) {
            query.put("criteria", criteria);
        }
        query.put("page", 1);
        return created(ApiRequest.post(bulkPath + "/read").target(ApiRequest.Target.API_DOMAIN)
                .json(JsonCalls.toBytes(Map.of("query", query))).credits(50).operation("bulkRead", module));
    }

    /** Uploads a zip to the upload host for a write job; the file id. */
    String upload(Path zip, String orgId) {
        ApiRequest request = ApiRequest.post(api.basePath() + "/upload").target(ApiRequest.Target.UPLOAD_HOST)
                .header("feature", "bulk-write").header("X-CRM-ORG", orgId)
                .file(FilePart.of("file", zip.getFileName().toString(), zip)).operation("bulkWrite upload", null)
                .build();
        Map<?, ?> answer = calls.object(request, calls.execute(request));
        Object details = answer.get("details");
        Object fileId = details instanceof Map<?, ?> d ? d.get("file_id") : null;
        if (fileId == null) {
            throw new ZohoApiException(api, "bulkWrite upload", null, 0, String.valueOf(answer.get("code")),
                    "the upload answered no file_id: " + answer, null, null);
        }
        return fileId.toString();
    }

    /** Creates a write job (500 credits) of an uploaded file whose columns are {@code columns}; its id. */
    String createWrite(String module, String operation, String fileId, List<String> columns, String findBy) {
        Names.checkModule(api, module);
        List<Map<String, Object>> mappings = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            mappings.add(Map.of("api_name", columns.get(i), "index", i));
        }
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("type", "data");
        resource.put("module", Map.of("api_name", module));
        resource.put("file_id", fileId);
        resource.put("field_mappings", mappings);
        if (findBy != null) {
            resource.put("find_by", findBy);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operation", operation);
        body.put("resource", List.of(resource));
        return created(ApiRequest.post(bulkPath + "/write").target(ApiRequest.Target.API_DOMAIN)
                .json(JsonCalls.toBytes(body)).credits(500).operation("bulkWrite", module));
    }

    private String created(ApiRequest.Builder rb) {
        return jobId(rb, "id");
    }

    /** The job id (under {@code details.<key>}) of an answer whose {@code data} is a list or one object. */
    private String jobId(ApiRequest.Builder rb, String key) {
        ApiRequest request = rb.build();
        Map<?, ?> answer = calls.object(request, calls.execute(request));
        Object item = answer.get("data") instanceof List<?> data && !data.isEmpty() ? data.get(0)
                : answer.get("data") instanceof Map<?, ?> one ? one : answer;
        Object details = item instanceof Map<?, ?> m ? m.get("details") : null;
        Object id = details instanceof Map<?, ?> d ? d.get(key) : null;
        if (id == null) {
            throw new ZohoApiException(api, request.operation(), request.module(), 0, "NO_JOB_ID",
                    "the job was not created: " + answer, null, null);
        }
        return id.toString();
    }

    /**
     * Polls a job ({@code read} or {@code write}) until it completes, waiting 250 ms, then twice as long each time up to
     * 30 s; fails when it fails or {@code timeout} passes.
     */
    JobStatus await(String kind, String jobId, String module, Duration timeout) {
        return await("bulk " + kind, jobId, module, timeout, ApiRequest.get(bulkPath + "/" + kind + "/" + jobId)
                .target(ApiRequest.Target.API_DOMAIN).operation("bulk " + kind + " status", module).build());
    }

    /** Polls {@code poll} (a job's status call) as {@link #await(String, String, String, Duration)} says. */
    private JobStatus await(String what, String jobId, String module, Duration timeout, ApiRequest poll) {
        long deadline = clock.millis() + timeout.toMillis();
        long wait = FIRST_POLL_WAIT.toMillis();
        while (true) {
            sleep(Math.min(wait, Math.max(0, deadline - clock.millis())));
            JobStatus status = JobStatus.of(calls.object(poll, calls.execute(poll)));
            if (status.completed()) {
                return status;
            }
            if (status.failed()) {
                throw new ZohoApiException(api, what, module, 0, "BULK_JOB_FAILED", what + " job " + jobId
                        + " failed: " + status.raw(), null, null);
            }
            if (clock.millis() >= deadline) {
                throw new ZohoApiException(api, what, module, 0, "BULK_JOB_TIMEOUT", what + " job " + jobId
                        + " was still " + status.state() + " after " + timeout
                        + ": raise bulkTimeout, or look for the job's result later", null, null);
            }
            wait = Math.min(wait * 2, MAX_POLL_WAIT.toMillis());
        }
    }

    /**
     * Sets the same field values on every record of a custom view ({@code POST /{module}/actions/mass_update} with
     * {@code cvid}, Zoho CRM) and waits for the job Zoho runs for it; the job's counts.
     */
    public JobCounts massUpdateView(String module, Map<String, Object> values, String cvid, Duration timeout) {
        RecordWrites.checkMassUpdateValues(values);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", List.of(values));
        body.put("cvid", cvid);
        return massAction(module, "mass_update", "massUpdate", body, timeout, "Updated_Count", "Not_Updated_Count");
    }

    /** The most leads one mass conversion takes (Zoho CRM documents 50). */
    public static final int MASS_CONVERT_BATCH = 50;

    /**
     * Converts leads by Zoho CRM's mass conversion ({@code POST /Leads/actions/mass_convert}): a job for every 50
     * ids, each awaited; their counts, in order. {@code settings} are the conversion's (assign_to, Deals,
     * carry_over_tags, related_modules, move_attachments_to) in Zoho's words.
     */
    public List<JobCounts> massConvert(List<String> ids, Map<String, Object> settings, Duration timeout) {
        List<JobCounts> jobs = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MASS_CONVERT_BATCH) {
            Map<String, Object> body = new LinkedHashMap<>(settings == null ? Map.of() : settings);
            body.put("ids", ids.subList(from, Math.min(from + MASS_CONVERT_BATCH, ids.size())));
            jobs.add(massAction("Leads", "mass_convert", "convertLead", body, timeout, "Converted_Count",
                    "Not_Converted_Count"));
        }
        return jobs;
    }

    /**
     * Gives the records of a custom view (or matching a criteria) a new owner by Zoho CRM's mass change of owner
     * ({@code POST /{module}/actions/mass_change_owner}), awaited; its counts. {@code settings} holds the owner,
     * notify, related_modules and the cvid or criteria, in Zoho's words.
     */
    public JobCounts massChangeOwner(String module, Map<String, Object> settings, Duration timeout) {
        return massAction(module, "mass_change_owner", "changeOwner", new LinkedHashMap<>(settings), timeout,
                "Updated_Count", "Not_Updated_Count");
    }

    /** One mass-action job: created, then its status polled at the same path until it is done. */
    private JobCounts massAction(String module, String action, String operation, Map<String, Object> body,
                                 Duration timeout, String doneKey, String notDoneKey) {
        Names.checkModule(api, module);
        String path = "/" + module + "/actions/" + action;
        String jobId = jobId(ApiRequest.post(path).json(JsonCalls.toBytes(body)).operation(operation, module),
                "job_id");
        JobStatus status = await(operation, jobId, module, timeout, ApiRequest.get(path).query("job_id", jobId)
                .operation(operation + " status", module).build());
        return JobCounts.of(jobId, status.raw(), doneKey, notDoneKey);
    }

    /** Downloads a read job's zipped result, waiting for a slot of the ten a minute. */
    Download readResult(String jobId, String module) {
        try {
            downloads.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZohoApiException(api, "bulkRead", module, 0, "INTERRUPTED", "interrupted while waiting for a"
                    + " download slot", null, e);
        }
        return download(ApiRequest.get(bulkPath + "/read/" + jobId + "/result").target(ApiRequest.Target.API_DOMAIN)
                .operation("bulkRead download", module));
    }

    /** Downloads a write job's zipped result from the URL the job gave. */
    Download writeResult(String downloadUrl, String module) {
        ApiRequest.Builder rb = downloadUrl.startsWith("http") ? ApiRequest.get(downloadUrl)
                .target(ApiRequest.Target.ABSOLUTE) : ApiRequest.get(downloadUrl).target(ApiRequest.Target.API_DOMAIN);
        return download(rb.operation("bulkWrite download", module));
    }

    private Download download(ApiRequest.Builder rb) {
        ApiResponse response = calls.execute(rb.streamed().build());
        InputStream content = response.stream() != null ? response.stream() : InputStream.nullInputStream();
        return new Download(content, null, response.header("content-type"), -1);
    }

    private void sleep(long millis) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZohoApiException(api, "bulk", null, 0, "INTERRUPTED", "interrupted while waiting for a job",
                    null, e);
        }
    }
}
