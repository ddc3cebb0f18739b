package io.github.camelbigin.zoho.records;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Records of a read, fetched a page at a time as they are consumed: only one page is held in memory. Pages follow
 * {@code more_records}; when Bigin hands out a {@code next_page_token} the next page is asked with
 * {@code page_token}, otherwise with the next {@code page} number.
 */
public final class RecordIterator implements Iterator<Map<String, Object>> {

    /** Fetches one page: by {@code page} number, or by {@code pageToken} when it is not null. */
    @FunctionalInterface
    public interface PageFetcher {
        Page fetch(int page, String pageToken, int perPage);
    }

    /** One page of records and what Bigin said about the rest. */
    public static final class Page {
        private final List<Map<String, Object>> records;
        private final boolean moreRecords;
        private final String nextPageToken;

        public Page(List<Map<String, Object>> records, boolean moreRecords, String nextPageToken) {
            this.records = records == null ? List.of() : records;
            this.moreRecords = moreRecords;
            this.nextPageToken = nextPageToken == null || nextPageToken.isBlank() ? null : nextPageToken;
        }

        public static Page empty() {
            return new Page(List.of(), false, null);
        }

        public List<Map<String, Object>> records() {
            return records;
        }

        public boolean moreRecords() {
            return moreRecords;
        }

        public String nextPageToken() {
            return nextPageToken;
        }
    }

    private final PageFetcher fetcher;
    private final int perPage;
    private final boolean singlePage;
    private final long maxRecords;

    private Iterator<Map<String, Object>> buffer = Collections.emptyIterator();
    private int nextPage;
    private String nextToken;
    private boolean lastPage;
    private boolean cut;
    private long delivered;
    private int pagesFetched;

    /**
     * @param startPage  the first page (from 1)
     * @param singlePage read only {@code startPage}
     * @param maxRecords stop after this many records (0: no limit)
     */
    public RecordIterator(PageFetcher fetcher, int perPage, int startPage, boolean singlePage, long maxRecords) {
        this.fetcher = fetcher;
        this.singlePage = singlePage;
        this.maxRecords = maxRecords;
        this.nextPage = startPage;
        // a limit below one page is asked for exactly; otherwise page size stays fixed so page numbers stay aligned
        this.perPage = maxRecords > 0 && maxRecords < perPage && startPage == 1 ? (int) maxRecords : perPage;
    }

    @Override
    public boolean hasNext() {
        if (maxRecords > 0 && delivered >= maxRecords) {
            if (buffer.hasNext() || !lastPage) {
                cut = true;
            }
            return false;
        }
        while (!buffer.hasNext()) {
            if (lastPage) {
                return false;
            }
            fetchNext();
        }
        return true;
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        delivered++;
        return buffer.next();
    }

    private void fetchNext() {
        Page page = fetcher.fetch(nextPage, nextToken, perPage);
        pagesFetched++;
        buffer = page.records().iterator();
        if (singlePage) {
            lastPage = true;
            cut = page.moreRecords();
        } else if (!page.moreRecords() || page.records().isEmpty()) {
            lastPage = true;
        } else {
            nextToken = page.nextPageToken();
            nextPage++;
        }
    }

    /** Whether the records of the page fetched last are all consumed (the next record needs another call). */
    public boolean endOfPage() {
        return !buffer.hasNext();
    }

    /** Whether Bigin said more pages follow the one fetched last. */
    public boolean hasMorePages() {
        return !lastPage;
    }

    /** Whether Bigin holds more matching records than were returned (cut by {@code maxRecords} or a single page). */
    public boolean moreRecords() {
        return cut;
    }

    /** Pages fetched so far: each one API call. */
    public int pagesFetched() {
        return pagesFetched;
    }

    /** Reads all remaining records into a list. */
    public List<Map<String, Object>> toList() {
        List<Map<String, Object>> all = new ArrayList<>();
        while (hasNext()) {
            all.add(next());
        }
        return all;
    }
}
