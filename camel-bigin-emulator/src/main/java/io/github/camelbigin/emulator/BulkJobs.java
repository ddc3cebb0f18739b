package io.github.camelbigin.emulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bigin's bulk API as bigin-api.md describes it: read jobs ({@code /bigin/bulk/v2/read}: created, polled from ADDED
 * to COMPLETED, the result a zip holding one CSV, records by id, at most {@link #readPageSize} a job, 10 downloads a
 * minute), the upload host's {@code /bigin/v2/upload} (headers {@code feature: bulk-write} and {@code X-CRM-ORG}),
 * and write jobs ({@code /bigin/bulk/v2/write}: insert, update or upsert from an uploaded zip of at most 25,000 rows,
 * the result a zip of the rows with their status, id and errors). A job completes at its first status poll at least
 * {@link #jobDelayMillis} after it was created.
 */
final class BulkJobs {

    static final int MAX_WRITE_ROWS = 25_000;
    static final int MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
    static final int DOWNLOADS_PER_MINUTE = 10;
    static final String ORG_ZGID = "700200001";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Org org;
    private final BiginEmulator emulator;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(2_034_020_000_000_900_000L);
    private final Deque<Long> downloads = new ArrayDeque<>();
    volatile int readPageSize = 200_000;
    volatile long jobDelayMillis = 50;

    private static final class Job {
        final String id;
        final String operation;
        final JsonNode request;
        final long createdNanos = System.nanoTime();
        final String createdTime;
        volatile String state = "ADDED";
        volatile byte[] result;
        volatile Map<String, Object> resultInfo;
        volatile Map<String, Object> fileInfo;

        Job(String id, String operation, JsonNode request, String createdTime) {
            this.id = id;
            this.operation = operation;
            this.request = request;
            this.createdTime = createdTime;
        }
    }

    BulkJobs(Org org, BiginEmulator emulator) {
        this.org = org;
        this.emulator = emulator;
    }

    void reset() {
        jobs.clear();
        uploads.clear();
        synchronized (downloads) {
            downloads.clear();
        }
        readPageSize = 200_000;
        jobDelayMillis = 50;
    }

    /** {@code /bigin/bulk/v2/{read|write}[/{job}[/result]]}. */
    Answer route(RecordedRequest req, List<String> seg) {
        if (seg.isEmpty() || !List.of("read", "write").contains(seg.get(0))) {
            throw ApiRoutes.notFound();
        }
        boolean read = "read".equals(seg.get(0));
        if (seg.size() == 1) {
            if (!"POST".equals(req.method())) {
                throw ApiRoutes.notFound();
            }
            return read ? createRead(req) : createWrite(req);
        }
        Job job = jobs.get(seg.get(1));
        if (job == null || !job.operation.equals(read ? "read" : "write")) {
            throw new EmulatorError(404, "RESOURCE_NOT_FOUND", "the requested resource doesn't exist",
                    EmulatorError.details("job_id", seg.get(1)));
        }
        if (seg.size() == 2) {
            progress(job);
            return read ? readStatus(job) : writeStatus(job);
        }
        if (seg.size() == 3 && "result".equals(seg.get(2)) && "COMPLETED".equals(job.state)) {
            if (read) {
                throttleDownloads();
            }
            return Answer.file(job.result, "application/zip", job.id + ".zip");
        }
        throw ApiRoutes.notFound();
    }

    // ------------------------------------------------------------------ read

    private Answer createRead(RecordedRequest req) {
        JsonNode body = req.bodyObject();
        JsonNode query = body.path("query");
        Org.ModuleData m = module(query.path("module"));
        for (JsonNode f : query.path("fields")) {
            if (!"id".equals(f.asText()) && m.spec.field(f.asText()) == null) {
                throw EmulatorError.badRequest("INVALID_DATA", "invalid field", "api_name", f.asText());
            }
        }
        criteria(m, query.path("criteria")); // refused now when malformed
        Job job = new Job(String.valueOf(ids.incrementAndGet()), "read", body, org.format(org.clock.instant()));
        jobs.put(job.id, job);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", job.id);
        details.put("operation", "read");
        details.put("state", job.state);
        details.put("created_by", Map.of("id", org.user.get("id"), "name", org.user.get("name")));
        details.put("created_time", job.createdTime);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("status", "success");
        item.put("code", "ADDED_SUCCESSFULLY");
        item.put("message", "Added successfully.");
        item.put("details", details);
        return Answer.json(201, Map.of("data", List.of(item), "info", Map.of())).credits(50);
    }

    private boolean crm() {
        return emulator.flavour() == Flavour.CRM;
    }

    /** {@code {api_name, id}} of a module a job names. */
    private Map<String, Object> moduleRef(JsonNode module) {
        Org.ModuleData m = module(module);
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("api_name", m.spec.apiName());
        ref.put("id", String.valueOf(m.spec.id()));
        return ref;
    }

    private Answer readStatus(Job job) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", job.id);
        d.put("operation", "read");
        d.put("state", job.state);
        Map<String, Object> query = JSON.convertValue(job.request.path("query"), LinkedHashMap.class);
        if (crm()) { // CRM's specification: the module with its id, the view (null: none) echoed
            query.put("module", moduleRef(job.request.path("query").path("module")));
            query.putIfAbsent("cvid", null);
            d.put("file_type", "csv");
        }
        d.put("query", query);
        d.put("created_by", Map.of("id", org.user.get("id"), "name", org.user.get("name")));
        d.put("created_time", job.createdTime);
        if (job.resultInfo != null) {
            d.put("result", job.resultInfo);
        }
        return Answer.json(200, Map.of("data", List.of(d)));
    }

    private void completeRead(Job job) {
        JsonNode query = job.request.path("query");
        Org.ModuleData m = module(query.path("module"));
        List<String> fields = new ArrayList<>();
        fields.add("id");
        if (query.path("fields").isArray() && !query.path("fields").isEmpty()) {
            query.path("fields").forEach(f -> {
                if (!"id".equals(f.asText())) {
                    fields.add(f.asText());
                }
            });
        } else {
            m.spec.fields().keySet().forEach(fields::add);
        }
        Predicate<Map<String, Object>> test = criteria(m, query.path("criteria"));
        int page = Math.max(1, query.path("page").asInt(1));
        int size = readPageSize;
        long skip = (long) (page - 1) * size;
        int count = 0;
        boolean more = false;
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(job.id + ".csv"));
            StringBuilder line = new StringBuilder();
            csvLine(line, fields);
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            org.lock.readLock().lock();
            try {
                for (Org.StoredRecord r : m.byId.values()) { // by id, ascending
                    if (!test.test(org.view(m, r))) {
                        continue;
                    }
                    if (skip > 0) {
                        skip--;
                        continue;
                    }
                    if (count == size) {
                        more = true;
                        break;
                    }
                    Map<String, Object> view = org.render(m, r, fields);
                    List<String> values = new ArrayList<>(fields.size());
                    for (String f : fields) {
                        values.add(cell(view.get(f)));
                    }
                    line.setLength(0);
                    csvLine(line, values);
                    out.write(line.toString().getBytes(StandardCharsets.UTF_8));
                    count++;
                }
            } finally {
                org.lock.readLock().unlock();
            }
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        job.result = zip.toByteArray();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("page", page);
        result.put("count", count);
        result.put("download_url", emulator.flavour().bulkPrefix + "/read/" + job.id + "/result");
        result.put("per_page", size);
        result.put("more_records", more);
        if (crm()) {
            result.put("next_page_token", "emulator-bulk-" + job.id + "-" + (page + 1)); // not used to chain: by id
        }
        job.resultInfo = result;
        job.state = "COMPLETED";
    }

    /** Bigin's bulk criteria: {api_name, comparator, value} or {group_operator, group: [...]}; none matches all. */
    private Predicate<Map<String, Object>> criteria(Org.ModuleData m, JsonNode c) {
        if (c == null || c.isMissingNode() || c.isNull() || c.isEmpty()) {
            return r -> true;
        }
        if (c.has("group")) {
            boolean and = !"or".equalsIgnoreCase(c.path("group_operator").asText("and"));
            List<Predicate<Map<String, Object>>> parts = new ArrayList<>();
            c.path("group").forEach(g -> parts.add(criteria(m, g)));
            return r -> and ? parts.stream().allMatch(p -> p.test(r)) : parts.stream().anyMatch(p -> p.test(r));
        }
        String field = c.path("api_name").asText();
        if (!"id".equals(field) && m.spec.field(field) == null) {
            throw EmulatorError.badRequest("INVALID_DATA", "invalid field in the criteria", "api_name", field);
        }
        String comparator = c.path("comparator").asText();
        JsonNode value = c.path("value");
        return r -> {
            Object actual = r.get(field);
            String text = actual == null ? null : actual instanceof Map<?, ?> mv ? String.valueOf(mv.get("id"))
                    : actual.toString();
            switch (comparator) {
                case "equal":
                    return text != null && compare(text, value.asText()) == 0;
                case "not_equal":
                    return text == null || compare(text, value.asText()) != 0;
                case "greater_than":
                    return text != null && compare(text, value.asText()) > 0;
                case "greater_equal":
                    return text != null && compare(text, value.asText()) >= 0;
                case "less_than":
                    return text != null && compare(text, value.asText()) < 0;
                case "less_equal":
                    return text != null && compare(text, value.asText()) <= 0;
                case "in":
                    for (JsonNode v : value) {
                        if (text != null && compare(text, v.asText()) == 0) {
                            return true;
                        }
                    }
                    return false;
                case "contains":
                    return text != null && text.toLowerCase(Locale.ROOT).contains(value.asText().toLowerCase(Locale.ROOT));
                case "starts_with":
                    return text != null && text.toLowerCase(Locale.ROOT).startsWith(value.asText().toLowerCase(Locale.ROOT));
                default:
                    throw EmulatorError.badRequest("INVALID_DATA", "invalid comparator", "comparator", comparator);
            }
        };
    }

    private static int compare(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareToIgnoreCase(b);
        }
    }

    private void throttleDownloads() {
        long now = System.nanoTime();
        synchronized (downloads) {
            while (!downloads.isEmpty() && now - downloads.peekFirst() > 60_000_000_000L) {
                downloads.pollFirst();
            }
            if (downloads.size() >= DOWNLOADS_PER_MINUTE) {
                throw new EmulatorError(429, "TOO_MANY_REQUESTS", "only 10 downloads are allowed in a minute", null);
            }
            downloads.addLast(now);
        }
    }

    // ------------------------------------------------------------------ write

    /** {@code POST /bigin/v2/upload} on the upload host: a zip for a write job. */
    Answer upload(RecordedRequest req) {
        if (!"bulk-write".equals(req.header("feature"))) {
            throw EmulatorError.badRequest("INVALID_REQUEST", "the feature header must be bulk-write", "header",
                    "feature");
        }
        if (!ORG_ZGID.equals(req.header("X-CRM-ORG"))) {
            throw EmulatorError.badRequest("INVALID_REQUEST", "X-CRM-ORG must be the org's zgid", "header",
                    "X-CRM-ORG");
        }
        byte[] raw = req.raw();
        if (raw == null) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "the file is missing", "param_name", "file");
        }
        byte[] zip = RecordFiles.part(req).bytes();
        if (zip.length > MAX_UPLOAD_BYTES) {
            throw EmulatorError.badRequest("FILE_SIZE_MORE_THAN_ALLOWED", "the file is larger than 25 MB", "limit",
                    MAX_UPLOAD_BYTES);
        }
        String fileId = String.valueOf(ids.incrementAndGet());
        uploads.put(fileId, zip);
        Map<String, Object> details = new LinkedHashMap<>();
        if (crm()) { // CRM's specification: file_id an integer, with the upload's id and who made it
            details.put("file_id", Long.parseLong(fileId));
            details.put("id", fileId);
            details.put("created_by", Map.of("id", org.user.get("id"), "name", org.user.get("name")));
        } else {
            details.put("file_id", fileId);
        }
        details.put("created_time", org.format(org.clock.instant()));
        return Answer.json(200, Map.of("status", "success", "code", "FILE_UPLOAD_SUCCESS", "message",
                "file uploaded.", "details", details));
    }

    private Answer createWrite(RecordedRequest req) {
        JsonNode body = req.bodyObject();
        String operation = body.path("operation").asText();
        if (!List.of("insert", "update", "upsert").contains(operation)) {
            throw EmulatorError.badRequest("INVALID_DATA", "operation must be insert, update or upsert", "api_name",
                    "operation");
        }
        JsonNode resource = body.path("resource").path(0);
        module(resource.path("module"));
        if (!uploads.containsKey(resource.path("file_id").asText())) {
            throw EmulatorError.badRequest("INVALID_DATA", "the file_id is invalid", "api_name", "file_id");
        }
        if (!"insert".equals(operation) && resource.path("find_by").asText("").isBlank()) {
            throw EmulatorError.badRequest("MANDATORY_NOT_FOUND", "find_by is needed for " + operation, "api_name",
                    "find_by");
        }
        Job job = new Job(String.valueOf(ids.incrementAndGet()), "write", body, org.format(org.clock.instant()));
        jobs.put(job.id, job);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", job.id);
        details.put("created_by", Map.of("id", org.user.get("id"), "name", org.user.get("name")));
        return Answer.json(201, Map.of("status", "success", "code", "SUCCESS", "message", "success", "details",
                details)).credits(500);
    }

    private Answer writeStatus(Job job) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("status", job.state);
        d.put("character_encoding", "UTF-8");
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("status", job.state);
        res.put("type", "data");
        res.put("module", crm() ? moduleRef(job.request.path("resource").path(0).path("module"))
                : JSON.convertValue(job.request.path("resource").path(0).path("module"), Object.class));
        if (job.fileInfo != null) {
            res.put("file", job.fileInfo);
        }
        d.put("resource", List.of(res));
        d.put("id", job.id);
        if (job.resultInfo != null) {
            d.put("result", job.resultInfo);
        }
        d.put("created_by", Map.of("id", org.user.get("id"), "name", org.user.get("name")));
        d.put("operation", job.request.path("operation").asText());
        d.put("created_time", job.createdTime);
        return Answer.json(200, d);
    }

    private void completeWrite(Job job) {
        String operation = job.request.path("operation").asText();
        JsonNode resource = job.request.path("resource").path(0);
        Org.ModuleData m = module(resource.path("module"));
        Map<Integer, String> mapping = new LinkedHashMap<>();
        resource.path("field_mappings").forEach(f -> mapping.put(f.path("index").asInt(), f.path("api_name").asText()));
        String findBy = resource.path("find_by").asText(null);
        List<List<String>> rows = readZipCsv(uploads.get(resource.path("file_id").asText()));
        if (rows.size() - 1 > MAX_WRITE_ROWS) {
            job.state = "FAILED";
            return;
        }
        int added = 0;
        int updated = 0;
        int skipped = 0;
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(rows.isEmpty() ? List.of() : rows.get(0));
        header.addAll(List.of("RECORD_ID", "STATUS", "ERRORS"));
        csvLine(csv, header);
        org.lock.writeLock().lock();
        try {
            for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
                Map<String, Object> input = new LinkedHashMap<>();
                mapping.forEach((index, field) -> {
                    String v = index < row.size() ? row.get(index) : null;
                    input.put(field, v == null || v.isEmpty() ? null : v);
                });
                Map<String, Object> result;
                if ("insert".equals(operation)) {
                    result = org.create(m, input);
                } else {
                    Object key = input.get(findBy);
                    Org.StoredRecord match = key == null ? null : "id".equals(findBy) ? org.find(m, key.toString())
                            : m.byId.values().stream().filter(r -> key.toString().equalsIgnoreCase(
                                    String.valueOf(r.data.get(findBy)))).findFirst().orElse(null);
                    if (match != null) {
                        input.put("id", String.valueOf(match.id));
                        result = org.update(m, input);
                        if ("success".equals(result.get("status"))) {
                            result.put("action", "update");
                        }
                    } else if ("upsert".equals(operation)) {
                        result = org.create(m, input);
                    } else {
                        result = Org.error("RECORD_NOT_FOUND", "no record matches " + findBy, "api_name", findBy);
                    }
                }
                List<String> out = new ArrayList<>(row);
                boolean ok = "success".equals(result.get("status"));
                Object details = result.get("details");
                String id = ok && details instanceof Map<?, ?> dm ? String.valueOf(dm.get("id")) : "";
                String status = !ok ? "SKIPPED" : "update".equals(result.get("action")) ? "UPDATED" : "ADDED";
                if (!ok) {
                    skipped++;
                } else if ("UPDATED".equals(status)) {
                    updated++;
                } else {
                    added++;
                }
                out.add(id);
                out.add(status);
                out.add(ok ? "" : result.get("code") + ": " + result.get("message") + " " + details);
                csvLine(csv, out);
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        job.result = zip(job.id + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        job.fileInfo = Map.of("total_count", rows.size() - 1, "added_count", added, "updated_count", updated,
                "skipped_count", skipped, "status", "COMPLETED", "name", resource.path("file_id").asText());
        job.resultInfo = Map.of("download_url", emulator.baseUrl() + emulator.flavour().bulkPrefix + "/write/" + job.id + "/result");
        job.state = "COMPLETED";
    }

    // ------------------------------------------------------------------ helpers

    /** A job's first status poll after its delay completes it (ADDED, then IN PROGRESS on polls before that). */
    private void progress(Job job) {
        synchronized (job) {
            if (!"ADDED".equals(job.state) && !"IN PROGRESS".equals(job.state)) {
                return;
            }
            if (System.nanoTime() - job.createdNanos < jobDelayMillis * 1_000_000) {
                job.state = "IN PROGRESS";
                return;
            }
            if ("read".equals(job.operation)) {
                completeRead(job);
            } else {
                completeWrite(job);
            }
        }
    }

    private Org.ModuleData module(JsonNode node) {
        String name = node.isObject() ? node.path("api_name").asText() : node.asText();
        Org.ModuleData m = org.module(name);
        if (m == null) {
            throw EmulatorError.badRequest("INVALID_MODULE", "the module name given seems to be invalid", "module",
                    name);
        }
        return m;
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Map<?, ?> m) {
            return String.valueOf(m.get("id"));
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(cell(x instanceof Map<?, ?> mx && mx.containsKey("name") ? mx.get("name") : x)));
            return String.join(";", parts);
        }
        return v.toString();
    }

    static void csvLine(StringBuilder sb, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(values.get(i).replace("\"", "\"\"")).append('"');
        }
        sb.append("\r\n");
    }

    static byte[] zip(String entry, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The rows of the one CSV in a zip (RFC 4180: quotes, doubled quotes, line breaks inside quotes). */
    static List<List<String>> readZipCsv(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            if (in.getNextEntry() == null) {
                throw EmulatorError.badRequest("INVALID_DATA", "the zip holds no file", "api_name", "file_id");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    cell.append(c);
                }
            }
            if (cell.length() > 0 || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw EmulatorError.badRequest("INVALID_DATA", "the file is not a zip", "api_name", "file_id");
        }
    }
}
