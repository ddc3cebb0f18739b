package io.github.camelbigin.zoho.bulk;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.Download;
import io.github.camelbigin.zoho.records.WriteResult;
import io.github.camelbigin.zoho.records.ZohoRecordErrorException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes records by bulk-write jobs (500 credits for up to 25,000 records each): the records go into zipped CSV files
 * on disk (a new file past 25,000 rows or 24 MB), each is uploaded, its job created and waited for, and its result file
 * turned into one {@link WriteResult} per record in input order — as the batch writes report them. Memory holds one
 * record at a time on the way in.
 */
public final class BulkWriter {

    static final int MAX_ROWS = 25_000;
    static final long MAX_ZIP_BYTES = 24L * 1024 * 1024;
    private static final Set<String> SUCCESS = Set.of("ADDED", "UPDATED", "INSERTED", "SUCCESS");

    private final BulkJobs jobs;
    private final Supplier<String> orgId;
    private final Path workDir;
    private final Duration timeout;
    private int maxRows = MAX_ROWS;

    /**
     * @param orgId   the org's {@code zgid} (the upload host wants it in {@code X-CRM-ORG})
     * @param workDir where the zip files are written (deleted after)
     */
    BulkWriter(BulkJobs jobs, Supplier<String> orgId, Path workDir, Duration timeout) {
        this.jobs = jobs;
        this.orgId = orgId;
        this.workDir = workDir;
        this.timeout = timeout;
    }

    /** Rows per file (at most 25,000, Bigin's limit); fewer only to test a split with few records. */
    public BulkWriter maxRowsPerFile(int rows) {
        if (rows < 1 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("rows per bulk-write file must be 1 to " + MAX_ROWS + ", not " + rows);
        }
        this.maxRows = rows;
        return this;
    }

    /**
     * Inserts, updates or upserts the records. Their columns are the first record's fields: every record must have
     * no other. {@code findBy} names the field that matches existing records (update: {@code id} when null; upsert:
     * required).
     *
     * @param failOnRecordError throw a {@link ZohoRecordErrorException} (holding every result) when a record failed
     */
    public List<WriteResult> write(String module, BulkOperation operation, Iterator<Map<String, Object>> records,
                                   String findBy, boolean failOnRecordError) {
        String op = operation.name();
        String match = "update".equals(op) && findBy == null ? "id" : findBy;
        if ("upsert".equals(op) && match == null) {
            throw new IllegalArgumentException("a bulk upsert needs the field that matches existing records: set"
                                               + " duplicateCheckFields (e.g. Email)");
        }
        List<Path> files = new ArrayList<>();
        List<WriteResult> results = new ArrayList<>();
        try {
            List<String> columns = split(records, files);
            if (match != null && !columns.contains(match)) {
                throw new IllegalArgumentException("the records have no " + match + " field, which the bulk " + op
                                                   + " matches existing records by");
            }
            for (int i = 0; i < files.size(); i++) {
                try {
                    results.addAll(writeFile(module, op, files.get(i), columns, match, results.size()));
                } catch (ZohoApiException e) {
                    if (results.isEmpty() && i == 0) {
                        throw e;
                    }
                    for (int k = i; k < files.size(); k++) { // earlier files were written: report every record
                        results.addAll(notAttempted(files.get(k), results.size(), k == i ? e : null));
                    }
                    throw new ZohoRecordErrorException(jobs.api(), "bulkWrite", module, results, e);
                }
            }
        } finally {
            for (Path f : files) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a temporary file left behind is no data lost
                }
            }
        }
        if (failOnRecordError && results.stream().anyMatch(r -> !r.isSuccess())) {
            throw new ZohoRecordErrorException(jobs.api(), "bulkWrite", module, results, null);
        }
        return results;
    }

    /** Writes the records into zips of at most maxRows rows and 24 MB; the columns. */
    private List<String> split(Iterator<Map<String, Object>> records, List<Path> files) {
        List<String> columns = null;
        ZipCsv out = null;
        int index = 0;
        try {
            while (records.hasNext()) {
                Map<String, Object> record = records.next();
                if (columns == null) {
                    columns = new ArrayList<>(record.keySet());
                }
                for (String field : record.keySet()) {
                    if (!columns.contains(field)) {
                        throw new IllegalArgumentException("record #" + index + " has the field " + field + ", which"
                                                           + " the first record lacks: a bulk write's columns are the"
                                                           + " first record's, so give every record the same fields"
                                                           + " (null where it has no value)");
                    }
                }
                if (out == null || out.rows == maxRows || out.bytes() > MAX_ZIP_BYTES) {
                    if (out != null) {
                        out.close();
                    }
                    Path file = Files.createTempFile(workDir, "bigin-bulk-write-", ".zip");
                    files.add(file);
                    out = new ZipCsv(file, columns);
                }
                List<String> row = new ArrayList<>(columns.size());
                for (String c : columns) {
                    Object v = record.get(c);
                    row.add(v == null ? "" : v instanceof Map<?, ?> m && m.containsKey("id") ? String.valueOf(m.get("id"))
                            : v.toString());
                }
                out.row(row);
                index++;
            }
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the bulk-write file in " + workDir, e);
        }
        if (columns == null) {
            throw new IllegalArgumentException("no records to write");
        }
        return columns;
    }

    private List<WriteResult> writeFile(String module, String op, Path zip, List<String> columns, String match,
                                        int firstIndex) {
        String fileId = jobs.upload(zip, orgId.get());
        String jobId = jobs.createWrite(module, op, fileId, columns, match);
        JobStatus status = jobs.await("write", jobId, module, timeout);
        String url = status.downloadUrl();
        if (url == null) {
            throw new ZohoApiException(jobs.api(), "bulkWrite", module, 0, "NO_RESULT", "bulk write job " + jobId
                    + " completed without a result file: " + status.raw(), null, null);
        }
        List<WriteResult> out = new ArrayList<>();
        Download result = jobs.writeResult(url, module);
        try (CsvRows rows = new CsvRows(result.content())) {
            int index = firstIndex;
            while (rows.hasNext()) {
                out.add(result(index++, rows.next(), columns));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A result row as a WriteResult: its input columns, id, status and errors. */
    private static WriteResult result(int index, Map<String, Object> row, List<String> columns) {
        Map<String, Object> input = new LinkedHashMap<>();
        columns.forEach(c -> input.put(c, row.get(c)));
        String status = text(row, "STATUS", "Status");
        String id = text(row, "RECORD_ID", "Id");
        String errors = text(row, "ERRORS", "Errors");
        boolean ok = status != null && SUCCESS.contains(status.toUpperCase(Locale.ROOT));
        Map<String, Object> details = new LinkedHashMap<>();
        if (id != null) {
            details.put("id", id);
        }
        return new WriteResult(index, ok ? "success" : "error", ok ? "SUCCESS" : status == null ? "UNKNOWN" : status,
                ok ? status : errors, details, ok ? ("UPDATED".equalsIgnoreCase(status) ? "update" : "insert") : null,
                input);
    }

    private static String text(Map<String, Object> row, String... names) {
        for (String n : names) {
            Object v = row.get(n);
            if (v != null) {
                return v.toString();
            }
        }
        return null;
    }

    /** The records of a file that was not written, as NOT_ATTEMPTED results (the first with the failure). */
    private static List<WriteResult> notAttempted(Path zip, int firstIndex, ZohoApiException failure) {
        List<WriteResult> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); CsvRows rows = new CsvRows(in)) {
            int index = firstIndex;
            while (rows.hasNext()) {
                boolean first = failure != null && index == firstIndex;
                out.add(new WriteResult(index++, "error", first ? failure.getCode() : WriteResult.NOT_ATTEMPTED,
                        first ? failure.getMessage() : "not sent: an earlier file of this bulk write failed", null,
                        null, rows.next()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** One zip holding one CSV, written a row at a time, its size on disk known. */
    private static final class ZipCsv implements AutoCloseable {
        private final long[] written = new long[1];
        private final ZipOutputStream zip;
        private final CSVPrinter csv;
        int rows;

        ZipCsv(Path file, List<String> columns) throws IOException {
            OutputStream counting = new FilterOutputStream(Files.newOutputStream(file)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    written[0] += len;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    written[0]++;
                }
            };
            zip = new ZipOutputStream(counting);
            zip.putNextEntry(new ZipEntry("records.csv"));
            csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8)),
                    CSVFormat.DEFAULT);
            csv.printRecord(columns);
        }

        void row(List<String> values) throws IOException {
            csv.printRecord(values);
            rows++;
        }

        long bytes() {
            return written[0];
        }

        @Override
        public void close() throws IOException {
            csv.flush();
            zip.closeEntry();
            zip.close();
        }
    }
}
