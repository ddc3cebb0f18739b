package io.github.camelbigin.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of records: attachments ({@code /{module}/{id}/Attachments}, uploaded as the multipart part {@code file},
 * listed, downloaded, deleted) and photos ({@code /{module}/{id}/photo}). Kept in memory; a file over
 * {@link #MAX_BYTES} is refused as Zoho refuses it.
 */
final class RecordFiles {

    /** The largest attachment Zoho takes (20 MB, as Zoho CRM documents: the harsher reading). */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");
    private static final Pattern PART_NAME = Pattern.compile("name=\"([^\"]*)\"");

    private record Attachment(String id, String fileName, byte[] bytes, String created) {
    }

    private record Photo(String fileName, byte[] bytes) {
    }

    private final Org org;
    private final Map<String, List<Attachment>> attachments = new ConcurrentHashMap<>();
    private final Map<String, Photo> photos = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(2_034_020_000_000_700_000L);

    private final Flavour flavour;

    RecordFiles(Org org, Flavour flavour) {
        this.org = org;
        this.flavour = flavour;
    }

    void reset() {
        attachments.clear();
        photos.clear();
    }

    /** A converted lead's attachments go to the record Zoho moves them to. */
    void moveAttachments(String fromModule, String fromId, String toModule, String toId) {
        List<Attachment> moved = attachments.remove(fromModule + ":" + fromId);
        if (moved != null) {
            attachments.computeIfAbsent(toModule + ":" + toId, k -> new ArrayList<>()).addAll(moved);
        }
    }

    /** {@code /{module}/{id}/Attachments[/{attachment}]} and {@code /{module}/{id}/photo}. */
    Answer route(Org.ModuleData m, String recordId, String what, String attachmentId, RecordedRequest req) {
        org.lock.readLock().lock();
        try {
            if (org.find(m, recordId) == null) {
                throw EmulatorError.badRequest("INVALID_DATA", "the related id given seems to be invalid", "id",
                        recordId);
            }
        } finally {
            org.lock.readLock().unlock();
        }
        String key = m.spec.apiName() + ":" + recordId;
        if ("photo".equals(what)) {
            return photo(key, req);
        }
        List<Attachment> files = attachments.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (files) {
            if (attachmentId == null) {
                switch (req.method()) {
                    case "GET":
                        return list(m, recordId, files);
                    case "POST":
                        Part part = part(req);
                        Attachment a = new Attachment(String.valueOf(ids.incrementAndGet()), part.fileName, part.bytes,
                                org.format(org.clock.instant()));
                        files.add(a);
                        return Answer.json(200, Map.of("data", List.of(success(a.id, "attachment uploaded"))));
                    default:
                        throw EmulatorError.badRequest("INVALID_URL_PATTERN", "the method is not allowed", "method",
                                req.method());
                }
            }
            Attachment a = files.stream().filter(f -> f.id.equals(attachmentId)).findFirst()
                    .orElseThrow(() -> new EmulatorError(404, "INVALID_DATA", "the attachment id given seems to be"
                                                                              + " invalid", EmulatorError.details("id", attachmentId)));
            switch (req.method()) {
                case "GET":
                    return Answer.file(a.bytes, "application/octet-stream", a.fileName);
                case "DELETE":
                    files.remove(a);
                    return Answer.json(200, Map.of("data", List.of(success(a.id, "record deleted"))));
                default:
                    throw EmulatorError.badRequest("INVALID_URL_PATTERN", "the method is not allowed", "method",
                            req.method());
            }
        }
    }

    private Answer list(Org.ModuleData m, String recordId, List<Attachment> files) {
        if (files.isEmpty()) {
            return Answer.noContent();
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (Attachment a : files) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", a.id);
            row.put("File_Name", a.fileName);
            row.put("Size", String.valueOf(a.bytes.length));
            row.put("Created_Time", a.created);
            row.put("Modified_Time", a.created);
            row.put("Created_By", Map.of("name", org.user.get("name"), "id", org.user.get("id")));
            row.put("Parent_Id", Map.of("id", recordId));
            row.put("$se_module", m.spec.apiName());
            if (flavour == Flavour.CRM) { // what Zoho CRM's v8 specification lists for an attachment
                Map<String, Object> user = Map.of("name", org.user.get("name"), "id", org.user.get("id"));
                row.put("Parent_Id", Map.of("id", recordId, "name", displayName(m, recordId)));
                row.put("Owner", user);
                row.put("Modified_By", user);
                row.put("$editable", true);
                row.put("$file_id", "emulator-file-" + a.id);
                row.put("$type", "Attachment");
                row.put("$state", "save");
                row.put("$link_url", null);
            }
            data.add(row);
        }
        return Answer.json(200, Map.of("data", data, "info", Map.of("per_page", 200, "count", data.size(), "page", 1,
                "more_records", false)));
    }

    /** The value of the record's display field, as a lookup to it names it. */
    private String displayName(Org.ModuleData m, String recordId) {
        org.lock.readLock().lock();
        try {
            Org.StoredRecord r = org.find(m, recordId);
            Object name = r == null ? null : r.data.get(m.spec.displayField());
            return name == null ? "" : name.toString();
        } finally {
            org.lock.readLock().unlock();
        }
    }

    private Answer photo(String key, RecordedRequest req) {
        switch (req.method()) {
            case "POST":
                Part part = part(req);
                photos.put(key, new Photo(part.fileName, part.bytes));
                // a photo's answer is one result, not a data list (as Zoho CRM answers it)
                return Answer.json(200, success(null, "photo uploaded successfully"));
            case "GET":
                Photo p = photos.get(key);
                if (p == null) {
                    return Answer.noContent();
                }
                return Answer.file(p.bytes, "image/png", p.fileName);
            case "DELETE":
                if (photos.remove(key) == null) {
                    throw EmulatorError.badRequest("INVALID_DATA", "the record has no photo", "id", key);
                }
                return Answer.json(200, success(null, flavour == Flavour.CRM ? "Photo deleted" : "photo deleted"));
            default:
                throw EmulatorError.badRequest("INVALID_URL_PATTERN", "the method is not allowed", "method",
                        req.method());
        }
    }

    record Part(String fileName, byte[] bytes) {
    }

    /** The multipart part named {@code file}: its file name and bytes. */
    static Part part(RecordedRequest req) {
        byte[] raw = req.raw();
        String type = req.header("content-type");
        Matcher b = BOUNDARY.matcher(type == null ? "" : type);
        if (raw == null || !b.find()) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "the file is missing: send it as the multipart"
                                                                     + " part named file", "param_name", "file");
        }
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(raw, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length + 2; // after CRLF
            int headersEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                break;
            }
            String headers = new String(raw, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int next = indexOf(raw, delimiter, headersEnd + 4);
            if (next < 0) {
                break;
            }
            Matcher name = PART_NAME.matcher(headers);
            if (name.find() && "file".equals(name.group(1))) {
                Matcher fileName = FILE_NAME.matcher(headers);
                byte[] bytes = Arrays.copyOfRange(raw, headersEnd + 4, next - 2); // before the CRLF ahead of --
                if (bytes.length > MAX_BYTES) {
                    throw EmulatorError.badRequest("FILE_SIZE_MORE_THAN_ALLOWED", "the file is larger than 20 MB",
                            "limit", MAX_BYTES);
                }
                return new Part(fileName.find() ? fileName.group(1) : "file", bytes);
            }
            at = next;
        }
        throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "the file is missing: send it as the multipart part"
                                                                 + " named file", "param_name", "file");
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Map<String, Object> success(String id, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (id != null) {
            details.put("id", id);
            details.put("Created_Time", org.format(org.clock.instant()));
            details.put("Created_By", Map.of("name", org.user.get("name"), "id", org.user.get("id")));
        }
        return Org.success(details, message);
    }
}
