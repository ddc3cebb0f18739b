package io.github.camelbigin.zoho.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiRequest;
import io.github.camelbigin.zoho.http.ApiResponse;
import io.github.camelbigin.zoho.http.FilePart;

/**
 * The files of a record: its attachments ({@code /{module}/{id}/Attachments}) and its photo ({@code …/photo}). Files
 * go up and come down as streams, so their size does not become heap.
 */
public final class Attachments {

    /** What an attachment list shows of each file. */
    static final String LIST_FIELDS = "File_Name,Size,Created_Time,Modified_Time,Created_By";

    private final JsonCalls calls;
    private final BatchWriter writes;
    private final ZohoApi api;

    public Attachments(JsonCalls calls) {
        this.calls = calls;
        this.writes = new BatchWriter(calls);
        this.api = calls.api();
    }

    /** The attachments of a record, lazily paged. */
    public RecordIterator list(String module, String recordId, RecordQuery query) {
        Names.checkId(api, recordId);
        RecordQuery q = query == null ? RecordQuery.create() : query;
        return JsonCalls.paged(q, (page, token, perPage) -> calls.page(JsonCalls.pageParams(ApiRequest
                .get(path(module, recordId, "Attachments")).query("fields", LIST_FIELDS)
                .operation("attachments", module), page, token, perPage).build()));
    }

    /**
     * The largest file Zoho takes as an attachment or a photo (20 MB, as Zoho CRM documents for attachments; the
     * harsher reading for Bigin, which does not say).
     */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    /**
     * Attaches a file to a record: one call; the result's id is the attachment's. A file larger than
     * {@link #MAX_FILE_BYTES} is refused before a byte is sent; a stream stops there.
     */
    public WriteResult upload(String module, String recordId, FilePart file, WriteOptions options) {
        FilePart checked = file.within(MAX_FILE_BYTES, "an attachment");
        return one("uploadAttachment", module, recordId, file.fileName(),
                ApiRequest.post(path(module, recordId, "Attachments")).file(checked), options);
    }

    /** Downloads an attachment as a stream (close it). */
    public Download download(String module, String recordId, String attachmentId) {
        Names.checkId(api, attachmentId);
        return download(ApiRequest.get(path(module, recordId, "Attachments") + "/" + attachmentId)
                .operation("downloadAttachment", module));
    }

    /** Deletes an attachment: one call. */
    public WriteResult delete(String module, String recordId, String attachmentId, WriteOptions options) {
        Names.checkId(api, attachmentId);
        return one("deleteAttachment", module, recordId, attachmentId,
                ApiRequest.delete(path(module, recordId, "Attachments") + "/" + attachmentId), options);
    }

    /** Sets a record's photo: one call. */
    public WriteResult uploadPhoto(String module, String recordId, FilePart file, WriteOptions options) {
        FilePart checked = file.within(MAX_FILE_BYTES, "a record's photo");
        return one("uploadPhoto", module, recordId, file.fileName(), ApiRequest.post(path(module, recordId, "photo"))
                .file(checked), options);
    }

    /** Downloads a record's photo as a stream (close it). */
    public Download downloadPhoto(String module, String recordId) {
        return download(ApiRequest.get(path(module, recordId, "photo")).operation("downloadPhoto", module));
    }

    /** Removes a record's photo: one call. */
    public WriteResult deletePhoto(String module, String recordId, WriteOptions options) {
        return one("deletePhoto", module, recordId, recordId, ApiRequest.delete(path(module, recordId, "photo")),
                options);
    }

    private String path(String module, String recordId, String what) {
        Names.checkModule(api, module);
        Names.checkId(api, recordId);
        return "/" + module + "/" + recordId + "/" + what;
    }

    /** One call with a per-record result, through the write operations' error model. */
    private WriteResult one(String operation, String module, String recordId, String subject, ApiRequest.Builder rb,
                            WriteOptions options) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", recordId);
        input.put("subject", subject);
        return writes.write(operation, module, List.of(input), options, r -> null,
                new BatchWriter.Call(chunk -> rb, 1, false)).get(0);
    }

    private Download download(ApiRequest.Builder rb) {
        ApiResponse response = calls.execute(rb.streamed().build());
        String length = response.header("content-length");
        java.io.InputStream content = response.stream() != null ? response.stream() : java.io.InputStream.nullInputStream();
        return new Download(content, Download.fileName(response.header("content-disposition")),
                response.header("content-type"), length == null ? -1 : Long.parseLong(length.trim()));
    }
}
