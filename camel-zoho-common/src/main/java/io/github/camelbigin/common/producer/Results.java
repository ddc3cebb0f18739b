package io.github.camelbigin.common.producer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.Header;
import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.zoho.bulk.BulkReader;
import io.github.camelbigin.zoho.bulk.JobCounts;
import io.github.camelbigin.zoho.credits.CreditBudget;
import io.github.camelbigin.zoho.http.ZohoJson;
import io.github.camelbigin.zoho.records.Download;
import io.github.camelbigin.zoho.records.RecordIterator;
import io.github.camelbigin.zoho.records.WriteResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * What an operation gives back, written in one place: the body (results in input order, records as maps or the
 * outputClass, a lazy iterator when streaming, a download's stream) and the product's headers that say about it.
 */
final class Results {

    private static final ObjectMapper JSON = ZohoJson.MAPPER;

    private final Message out;
    private final EndpointScope scope;
    private final ZohoConfiguration config;

    Results(Message out, EndpointScope scope) {
        this.out = out;
        this.scope = scope;
        this.config = scope.config();
    }

    /**
     * A write's per-record results, in input order; with one record written, its id (and the field an upsert matched
     * on) in headers.
     */
    void written(List<WriteResult> results) {
        out.setBody(results);
        header(Header.RECORD_COUNT, results.size());
        if (results.size() == 1 && results.get(0).isSuccess()) {
            header(Header.RECORD_ID, results.get(0).getId());
            if (results.get(0).getDuplicateField() != null) {
                header(Header.DUPLICATE_FIELD, results.get(0).getDuplicateField());
            }
        }
    }

    /** One record written (a file or a photo): its result, as a one-element list like every write. */
    void written(WriteResult result) {
        written(List.of(result));
    }

    /**
     * Records read: with streaming=true an Iterator that reads pages as it is consumed, else the List of them with the
     * count and whether more were left; as outputClass objects when it is set and {@code mapped}.
     */
    void records(RecordIterator records, boolean mapped) {
        boolean map = mapped && config.getOutputClass() != null;
        if (config.isStreaming()) {
            out.setBody(map ? new Mapping(records) : records);
            return;
        }
        List<Object> list = new ArrayList<>();
        while (records.hasNext()) {
            list.add(map ? mapped(records.next()) : records.next());
        }
        out.setBody(list);
        header(Header.RECORD_COUNT, list.size());
        header(Header.MORE_RECORDS, records.moreRecords());
    }

    /** One record (or null when none was found), as outputClass when set; its id in the record id header. */
    void record(Map<String, Object> record, String id) {
        out.setBody(record == null ? null : mapped(record));
        header(Header.RECORD_ID, id);
    }

    /**
     * A bulk export: with streaming=true an Iterator over the rows as the jobs deliver them (closed when the exchange
     * completes), else the List of them; as outputClass objects when it is set.
     */
    void exported(BulkReader reader) {
        if (config.isStreaming()) {
            out.setBody(config.getOutputClass() == null ? reader : new Mapping(reader));
            onDone(reader::close);
            return;
        }
        List<Object> rows = new ArrayList<>();
        try (reader) {
            while (reader.hasNext()) {
                rows.add(mapped(reader.next()));
            }
        }
        out.setBody(rows);
        header(Header.RECORD_COUNT, rows.size());
    }

    /** Metadata items (modules, fields, tags, …) and their count. */
    void items(List<Map<String, Object>> items) {
        out.setBody(items);
        header(Header.RECORD_COUNT, items.size());
    }

    /** A count, as the body and the record count header. */
    void count(long count) {
        out.setBody(count);
        header(Header.RECORD_COUNT, count);
    }

    /**
     * One mass-action job's counts as the body ({@code jobId}, {@code total}, the action's done and not-done counts
     * under its own names, {@code failed}), the records it did in the record count header.
     */
    void job(JobCounts job, String doneName, String notDoneName) {
        out.setBody(counts(job, doneName, notDoneName));
        header(Header.RECORD_COUNT, job.done());
    }

    /** Several jobs of one action: each one's counts under {@code jobs}, and their sums beside. */
    void jobs(List<JobCounts> jobs, String doneName, String notDoneName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobs", jobs.stream().map(j -> counts(j, doneName, notDoneName)).toList());
        body.put("total", jobs.stream().mapToLong(JobCounts::total).sum());
        body.put(doneName, jobs.stream().mapToLong(JobCounts::done).sum());
        body.put(notDoneName, jobs.stream().mapToLong(JobCounts::notDone).sum());
        body.put("failed", jobs.stream().mapToLong(JobCounts::failed).sum());
        out.setBody(body);
        header(Header.RECORD_COUNT, jobs.stream().mapToLong(JobCounts::done).sum());
    }

    private static Map<String, Object> counts(JobCounts job, String doneName, String notDoneName) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("jobId", job.jobId());
        counts.put("total", job.total());
        counts.put(doneName, job.done());
        counts.put(notDoneName, job.notDone());
        counts.put("failed", job.failed());
        return counts;
    }

    /** Anything else as the body (the org, a user, a job's counts), with a count when it is one. */
    void body(Object body) {
        out.setBody(body);
    }

    /**
     * A download as the message: the content as an InputStream body (read it once), CamelFileName, Content-Type and
     * Content-Length; the connection is released when the exchange completes.
     */
    void downloaded(Download download) {
        FileBodies.set(out, download);
    }

    /** A product header on the answer. */
    void header(Header header, Object value) {
        out.setHeader(scope.header(header), value);
    }

    /** A header of another API's call (authorize's Authorization, Maton-Connection). */
    void plainHeader(String name, Object value) {
        out.setHeader(name, value);
    }

    /** With a credit budget: what the connection spent in the last 24 hours and what is left. */
    void credits(CreditBudget budget) {
        if (budget != null) {
            header(Header.CREDITS_SPENT, budget.spent());
            header(Header.CREDITS_REMAINING, budget.remaining());
        }
    }

    private void onDone(Runnable task) {
        out.getExchange().getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange exchange) {
                task.run();
            }
        });
    }

    private Object mapped(Map<String, Object> record) {
        Class<?> type = config.getOutputClass();
        if (type == null || type.isInstance(record)) {
            return record;
        }
        return JSON.convertValue(record, type);
    }

    /** Maps records to the output class as they are consumed, so a streaming read stays lazy. */
    private final class Mapping implements Iterator<Object> {
        private final Iterator<Map<String, Object>> records;

        Mapping(Iterator<Map<String, Object>> records) {
            this.records = records;
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public Object next() {
            return mapped(records.next());
        }
    }
}
