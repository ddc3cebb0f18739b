package io.github.camelbigin.zoho.bulk;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.github.camelbigin.zoho.http.ZohoApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every record of a module that matches a criteria, read by bulk-read jobs (50 credits for up to 200,000 records
 * each) and handed over one CSV row at a time: memory holds one row, not one file. Past a job's 200,000 the next job
 * asks for the ids above the last one read, so a chain of jobs neither loses nor repeats a record even while records
 * are added or deleted — provided Bigin lists a job's records by id, which the reader checks: if a full job's ids
 * were not ascending, it fails rather than risk a gap. Rows are maps of text (Bigin's CSV has no types).
 */
public final class BulkReader implements Iterator<Map<String, Object>>, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(BulkReader.class);

    private final BulkJobs jobs;
    private final String module;
    private final List<String> fields;
    private final Map<String, Object> criteria;
    private final Duration timeout;
    private final long maxRecords;
    private CsvRows rows;
    private boolean moreJobs = true;
    private boolean currentHasMore;
    private BigInteger lastId;
    private boolean ascending = true;
    private long delivered;
    private int jobsRun;
    private boolean strictOrder;

    /**
     * @param fields     the fields to export (null: every field; the id always comes)
     * @param criteria   Bigin's bulk criteria ({@code {api_name, comparator, value}} or {@code {group_operator,
     *                   group}}), or null for every record
     * @param timeout    how long one job may take
     * @param maxRecords stop after this many records (0: no limit)
     */
    BulkReader(BulkJobs jobs, String module, List<String> fields, Map<String, Object> criteria,
                      Duration timeout, long maxRecords) {
        this.jobs = jobs;
        this.module = module;
        this.fields = fields;
        this.criteria = criteria;
        this.timeout = timeout;
        this.maxRecords = maxRecords;
    }

    @Override
    public boolean hasNext() {
        if (maxRecords > 0 && delivered >= maxRecords) {
            closeRows();
            return false;
        }
        while (rows == null || !rows.hasNext()) {
            if (rows != null) {
                finishJob();
            }
            if (!moreJobs) {
                return false;
            }
            startJob();
        }
        return true;
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Map<String, Object> row = rows.next();
        Object id = row.get("id");
        if (id != null) {
            BigInteger value = new BigInteger(id.toString());
            if (lastId != null && value.compareTo(lastId) <= 0) {
                ascending = false;
                if (strictOrder) {
                    throw new ZohoApiException(jobs.api(), "bulkRead", module, 0, "UNORDERED_RESULT", "bulk-read rows"
                            + " did not come by ascending id (" + value + " after " + lastId + "), so a load resumed"
                            + " after the last id could miss records: use initialLoad=pages", null, null);
                }
            }
            lastId = lastId == null || value.compareTo(lastId) > 0 ? value : lastId;
        }
        delivered++;
        return row;
    }

    /** Starts after this record id (a load resumed after a restart): the first job asks for the ids above it. */
    public BulkReader startAfter(String id) {
        if (id != null) {
            lastId = new BigInteger(id);
        }
        return this;
    }

    /**
     * Fails on any row whose id is not above the previous one's — for a reader resumed by {@link #startAfter}, which
     * is only right when rows come by id.
     */
    public BulkReader strictOrder() {
        this.strictOrder = true;
        return this;
    }

    /** Jobs created so far (50 credits each). */
    public int jobsRun() {
        return jobsRun;
    }

    private void startJob() {
        Map<String, Object> where = criteria;
        if (lastId != null) { // the next job goes on after the last id read
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("api_name", "id");
            after.put("comparator", "greater_than");
            after.put("value", lastId.toString());
            if (criteria == null) {
                where = after;
            } else if ("and".equalsIgnoreCase(String.valueOf(criteria.get("group_operator")))
                       && criteria.get("group") instanceof List<?> own) {
                List<Object> group = new ArrayList<>(own); // one more condition of the same group: no nesting
                group.add(after);
                where = new LinkedHashMap<>(criteria);
                where.put("group", group);
            } else {
                List<Object> group = new ArrayList<>();
                group.add(criteria);
                group.add(after);
                where = new LinkedHashMap<>();
                where.put("group_operator", "and");
                where.put("group", group);
            }
        }
        String jobId = jobs.createRead(module, fields, where);
        jobsRun++;
        JobStatus status = jobs.await("read", jobId, module, timeout);
        currentHasMore = status.moreRecords();
        LOG.debug("Bulk read job {} of {} completed: {}", jobId, module, status.result());
        rows = new CsvRows(jobs.readResult(jobId, module).content());
        if (!rows.header().contains("id")) {
            closeRows();
            throw new ZohoApiException(jobs.api(), "bulkRead", module, 0, "NO_ID_COLUMN", "the result of job " + jobId
                    + " has no id column: the chain of jobs cannot go on without it", null, null);
        }
        ascending = true;
    }

    private void finishJob() {
        closeRows();
        if (currentHasMore && !ascending) {
            throw new ZohoApiException(jobs.api(), "bulkRead", module, 0, "UNORDERED_RESULT", "a full bulk-read job's"
                    + " records did not come by ascending id, so the next job cannot start after the last one without"
                    + " risking a gap: narrow the criteria so that one job (200,000 records) holds them all", null,
                    null);
        }
        moreJobs = currentHasMore;
    }

    private void closeRows() {
        if (rows != null) {
            try {
                rows.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                rows = null;
            }
        }
    }

    @Override
    public void close() {
        moreJobs = false;
        closeRows();
    }
}
