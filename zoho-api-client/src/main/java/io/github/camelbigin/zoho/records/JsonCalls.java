package io.github.camelbigin.zoho.records;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiErrors;
import io.github.camelbigin.zoho.http.ApiRequest;
import io.github.camelbigin.zoho.http.ApiResponse;
import io.github.camelbigin.zoho.http.ClientStats;
import io.github.camelbigin.zoho.http.HttpTransport;
import io.github.camelbigin.zoho.http.ZohoJson;

/**
 * Calls whose answers are Zoho JSON: a page of records (or of users, modules, fields, layouts, org), or a write's
 * per-record results. Reads, writes and metadata all send their requests through here, so an answer is read one way.
 * <p>
 * Internal to the engine (public only for its other packages): callers use the services of
 * {@link io.github.camelbigin.zoho.client.ZohoClient}.
 */
public final class JsonCalls {

    private static final ObjectMapper JSON = ZohoJson.MAPPER;

    private final HttpTransport transport;
    private final ClientStats stats;

    public JsonCalls(HttpTransport transport, ClientStats stats) {
        this.transport = transport;
        this.stats = stats;
    }

    public ZohoApi api() {
        return transport.api();
    }

    public ClientStats stats() {
        return stats;
    }

    /** The raw answer: for callers that read it themselves or map errors first. */
    public ApiResponse execute(ApiRequest request) {
        return transport.execute(request);
    }

    /** One page of records, counted as read. */
    public RecordIterator.Page page(ApiRequest request) {
        ApiResponse response = transport.execute(request);
        RawPage page = readPage(request, response);
        List<Map<String, Object>> data = page.records();
        stats.recordsRead(data.size());
        Info info = page.info == null ? new Info() : page.info;
        return new RecordIterator.Page(data, info.moreRecords, info.nextPageToken);
    }

    /** A page already read into a map (a composite call's sub-answer; null: one without content). */
    public RecordIterator.Page pageOf(Map<String, Object> body) {
        RawPage page = body == null ? new RawPage() : JSON.convertValue(body, RawPage.class);
        stats.recordsRead(page.records().size());
        Info info = page.info == null ? new Info() : page.info;
        return new RecordIterator.Page(page.records(), info.moreRecords, info.nextPageToken);
    }

    /** The records (or metadata entries) of an answer that is not paged. */
    public List<Map<String, Object>> list(ApiRequest request) {
        return records(request, transport.execute(request));
    }

    /** The records of an answer already received. */
    public List<Map<String, Object>> records(ApiRequest request, ApiResponse response) {
        return readPage(request, response).records();
    }

    /** The answer to a write, read straight into maps (one pass: per-record results keep their details as maps). */
    public Map<?, ?> object(ApiRequest request, ApiResponse response) {
        try {
            Object value = JSON.readValue(response.body(), Object.class);
            if (!(value instanceof Map)) {
                throw ApiErrors.malformed(api(), request, response, "expected a JSON object");
            }
            return (Map<?, ?>) value;
        } catch (IOException e) {
            throw ApiErrors.malformed(api(), request, response, "could not read the answer, and "
                                                                + api().product() + " may have written some records");
        }
    }

    /** A value as JSON text (a query parameter's, say). */
    public static String toJson(Object value) {
        return new String(toBytes(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A value as JSON bytes, for a request body. */
    public static byte[] toBytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write the records as JSON: " + e.getMessage(), e);
        }
    }

    /** Adds the paging parameters: the page token when there is one, the page number otherwise. */
    public static ApiRequest.Builder pageParams(ApiRequest.Builder rb, int page, String token, int perPage) {
        if (token != null) {
            rb.query("page_token", token);
        } else {
            rb.query("page", page);
        }
        return rb.query("per_page", perPage);
    }

    /** A lazily paged read of a query: its first page, single page and limit. */
    public static RecordIterator paged(RecordQuery q, RecordIterator.PageFetcher fetcher) {
        int start = q.page() == null ? 1 : q.page();
        return new RecordIterator(fetcher, q.perPage(), start, q.page() != null, q.maxRecords());
    }

    private RawPage readPage(ApiRequest request, ApiResponse response) {
        if (response.status() == 204 || response.status() == 304 || !response.hasBody()) {
            return new RawPage();
        }
        try {
            RawPage page = JSON.readValue(response.body(), RawPage.class);
            return page == null ? new RawPage() : page;
        } catch (IOException e) {
            throw ApiErrors.malformed(api(), request, response, "could not read the answer");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class RawPage {
        @JsonAlias({ "users", "modules", "fields", "layouts", "org", "watch", "tags", "recycle_bin" })
        public List<Map<String, Object>> data;
        public Info info;

        List<Map<String, Object>> records() {
            return data == null ? List.of() : data;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Info {
        @JsonProperty("more_records")
        public boolean moreRecords;
        @JsonProperty("next_page_token")
        public String nextPageToken;
    }
}
