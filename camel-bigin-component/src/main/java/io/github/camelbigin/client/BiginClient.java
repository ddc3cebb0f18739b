package io.github.camelbigin.client;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A typed client of Bigin's v2 REST API, with no Camel types: records (list, get, create, update, upsert, delete,
 * search, deleted, related) and metadata (modules, fields, layouts, users, org).
 * <p>
 * It spends as few calls as Bigin allows: writes go 100 records a call, reads 200 a page, field metadata is asked once
 * per module. It is thread-safe; share one per set of credentials.
 */
public final class BiginClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BiginClient.class);
    private static final ObjectMapper JSON = BiginJson.MAPPER;
    private static final Pattern MODULE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");
    private static final Pattern RECORD_ID = Pattern.compile("[0-9]{1,30}");
    /** Zoho answers at most this many fields a request. */
    public static final int MAX_FIELDS = 50;
    private static final DateTimeFormatter BIGIN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final HttpTransport transport;
    private final ClientStats stats;
    private final Map<String, List<String>> defaultFields = new ConcurrentHashMap<>();

    private BiginClient(Builder b) {
        this.stats = new ClientStats();
        this.transport = new HttpTransport(b.transport, b.authenticator, b.apiUrl, b.retryPolicy, stats, b.sleeper);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ClientStats stats() {
        return stats;
    }

    /** Bigin's clock as its last answer's Date header tells it (this JVM's clock before the first answer). */
    public java.time.Instant serverTime() {
        return transport.serverTime();
    }

    // ---------------------------------------------------------------- writes

    /** Creates records, 100 a call; results in input order. */
    public List<WriteResult> create(String module, List<Map<String, Object>> records, WriteOptions options) {
        return write("create", module, records, options);
    }

    /** Updates records, each identified by its {@code id}; 100 a call; results in input order. */
    public List<WriteResult> update(String module, List<Map<String, Object>> records, WriteOptions options) {
        for (int i = 0; i < records.size(); i++) {
            Object id = records.get(i).get("id");
            if (id == null || id.toString().isBlank()) {
                throw new IllegalArgumentException("Record #" + i + " of the update on " + module + " has no 'id':"
                                                   + " each record to update needs its Bigin record id");
            }
            checkId(id.toString());
        }
        return write("update", module, records, options);
    }

    /** Inserts records or updates those that match on the duplicate-check fields; results say which. */
    public List<WriteResult> upsert(String module, List<Map<String, Object>> records, WriteOptions options) {
        return write("upsert", module, records, options);
    }

    /** Deletes records by id, 100 a call; results in input order. */
    public List<WriteResult> delete(String module, List<String> ids, WriteOptions options) {
        checkModule(module);
        List<Map<String, Object>> inputs = new ArrayList<>(ids.size());
        for (String id : ids) {
            checkId(id);
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("id", id);
            inputs.add(input);
        }
        return write("delete", module, inputs, options);
    }

    private List<WriteResult> write(String operation, String module, List<Map<String, Object>> records,
                                    WriteOptions options) {
        checkModule(module);
        WriteOptions opts = options == null ? WriteOptions.create() : options;
        if (records.isEmpty()) {
            return List.of();
        }
        int batch = opts.batchSize();
        List<WriteResult> results = new ArrayList<>(records.size());
        for (int from = 0; from < records.size(); from += batch) {
            List<Map<String, Object>> chunk = records.subList(from, Math.min(from + batch, records.size()));
            try {
                results.addAll(writeChunk(operation, module, chunk, from, opts));
            } catch (BiginApiException e) {
                if (results.stream().noneMatch(WriteResult::isSuccess)) {
                    throw e; // nothing written yet: the call's own error says it best
                }
                // earlier calls wrote records: report every record, so none is lost or written twice on resend
                for (int i = from; i < records.size(); i++) {
                    boolean inFailedCall = i < from + chunk.size();
                    results.add(new WriteResult(i, "error", inFailedCall ? e.getCode() : WriteResult.NOT_ATTEMPTED,
                            inFailedCall ? e.getMessage() : "not sent: an earlier call of this " + operation + " failed",
                            null, null, records.get(i)));
                }
                throw new BiginRecordErrorException(operation, module, results, e);
            }
        }
        if (opts.failOnRecordError() && results.stream().anyMatch(r -> !r.isSuccess())) {
            throw new BiginRecordErrorException(operation, module, results, null);
        }
        return results;
    }

    private List<WriteResult> writeChunk(String operation, String module, List<Map<String, Object>> chunk, int offset,
                                         WriteOptions opts) {
        ApiRequest.Builder rb;
        if ("delete".equals(operation)) {
            rb = ApiRequest.delete("/" + module)
                    .query("ids", chunk.stream().map(r -> r.get("id").toString()).collect(Collectors.joining(",")))
                    .query("wf_trigger", opts.trigger() != null && !opts.trigger().contains("workflow") ? "false" : null);
        } else {
            Map<String, Object> body = new LinkedHashMap<>(); // written straight from the maps: no tree in between
            body.put("data", chunk);
            if (opts.trigger() != null) {
                body.put("trigger", opts.trigger());
            }
            if ("upsert".equals(operation) && opts.duplicateCheckFields() != null) {
                body.put("duplicate_check_fields", opts.duplicateCheckFields());
            }
            String path = "upsert".equals(operation) ? "/" + module + "/upsert" : "/" + module;
            rb = "update".equals(operation) ? ApiRequest.put(path) : ApiRequest.post(path);
            rb.json(toBytes(body)).credits((chunk.size() + 9) / 10);
        }
        ApiRequest request = rb.operation(operation, module).recordResults().build();
        ApiResponse response = transport.execute(request);
        Object data = readObject(request, response).get("data");
        List<?> entries = data instanceof List ? (List<?>) data : null;
        if (entries == null || entries.size() != chunk.size()) {
            throw ApiErrors.malformed(request, response, "expected " + chunk.size()
                                                         + " per-record results, and Bigin may have written some records");
        }
        List<WriteResult> out = new ArrayList<>(chunk.size());
        Map<String, Integer> positionOfId = new HashMap<>();
        boolean byId = "delete".equals(operation) || "update".equals(operation);
        if (byId) {
            for (int i = 0; i < chunk.size(); i++) {
                positionOfId.putIfAbsent(String.valueOf(chunk.get(i).get("id")), i);
            }
        }
        WriteResult[] ordered = new WriteResult[chunk.size()];
        List<Map<?, ?>> unmatched = new ArrayList<>();
        for (Object e : entries) {
            Map<?, ?> entry = e instanceof Map ? (Map<?, ?>) e : Map.of();
            Object id = details(entry) != null ? details(entry).get("id") : null;
            Integer pos = byId ? positionOfId.remove(id == null ? "" : id.toString()) : null;
            if (pos == null) {
                unmatched.add(entry);
            } else {
                ordered[pos] = result(entry, offset + pos, chunk.get(pos));
            }
        }
        // entries without a recognisable id keep Bigin's order, which is the input order
        int next = 0;
        for (Map<?, ?> entry : unmatched) {
            while (ordered[next] != null) {
                next++;
            }
            ordered[next] = result(entry, offset + next, chunk.get(next));
        }
        Collections.addAll(out, ordered);
        stats.recordsWritten((int) out.stream().filter(WriteResult::isSuccess).count());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static WriteResult result(Map<?, ?> entry, int index, Map<String, Object> input) {
        return new WriteResult(index, text(entry, "status", "error"), text(entry, "code", null),
                text(entry, "message", null), (Map<String, Object>) details(entry), text(entry, "action", null), input);
    }

    private static Map<?, ?> details(Map<?, ?> entry) {
        return entry.get("details") instanceof Map ? (Map<?, ?>) entry.get("details") : null;
    }

    private static String text(Map<?, ?> entry, String name, String absent) {
        Object v = entry.get(name);
        return v == null ? absent : v.toString();
    }

    // ---------------------------------------------------------------- reads

    /** One record by id, or empty when Bigin knows no such record. */
    public Optional<Map<String, Object>> get(String module, String id) {
        checkModule(module);
        checkId(id);
        ApiRequest request = ApiRequest.get("/" + module + "/" + id).operation("get", module).build();
        ApiResponse response;
        try {
            response = transport.execute(request);
        } catch (BiginApiException e) {
            if (e.getStatusCode() == 404 || e.getStatusCode() == 400 && "INVALID_DATA".equals(e.getCode())) {
                return Optional.empty();
            }
            throw e;
        }
        List<Map<String, Object>> data = readPage(request, response).data;
        if (data == null || data.isEmpty()) {
            return Optional.empty();
        }
        stats.recordsRead(1);
        return Optional.of(data.get(0));
    }

    /** Every record of a module (or one page of it), lazily paged. Without fields, all fields are read. */
    public RecordIterator list(String module, RecordQuery query) {
        checkModule(module);
        RecordQuery q = query == null ? RecordQuery.create() : query;
        String fields = String.join(",", q.fields() != null ? q.fields() : defaultFields(module));
        return paged(q, (page, token, perPage) -> {
            ApiRequest.Builder rb = ApiRequest.get("/" + module).operation("list", module)
                    .query("fields", fields).query("sort_by", q.sortBy()).query("sort_order", q.sortOrder())
                    .query("cvid", q.cvid()).credits(q.cvid() != null ? 3 : 1);
            if (q.ifModifiedSince() != null) {
                rb.header("If-Modified-Since", formatTime(q.ifModifiedSince()));
            }
            return fetchPage(pageParams(rb, page, token, perPage).build());
        });
    }

    /** Records matching a criteria, an email, a phone or a word (exactly one of them), lazily paged. */
    public RecordIterator search(String module, RecordQuery query) {
        checkModule(module);
        RecordQuery q = query == null ? RecordQuery.create() : query;
        long given = java.util.stream.Stream.of(q.criteria(), q.email(), q.phone(), q.word())
                .filter(s -> s != null && !s.isBlank()).count();
        if (given != 1) {
            throw new IllegalArgumentException("search on " + module + " needs exactly one of criteria, email, phone"
                                               + " or word; " + (given == 0 ? "none was" : given + " were") + " given");
        }
        return paged(q, (page, token, perPage) -> {
            ApiRequest.Builder rb = ApiRequest.get("/" + module + "/search").operation("search", module)
                    .query("criteria", blankToNull(q.criteria())).query("email", blankToNull(q.email()))
                    .query("phone", blankToNull(q.phone())).query("word", blankToNull(q.word()))
                    .query("fields", q.fields() == null ? null : String.join(",", q.fields()));
            return fetchPage(pageParams(rb, page, token, perPage).build());
        });
    }

    /** Deleted records ({@code type} all, recycle or permanent), newest first as Bigin gives them, lazily paged. */
    public RecordIterator deleted(String module, RecordQuery query) {
        checkModule(module);
        RecordQuery q = query == null ? RecordQuery.create() : query;
        String type = q.type() == null ? "all" : q.type();
        return paged(q, (page, token, perPage) -> {
            ApiRequest.Builder rb = ApiRequest.get("/" + module + "/deleted").operation("deleted", module)
                    .query("type", type);
            if (q.ifModifiedSince() != null) {
                rb.header("If-Modified-Since", formatTime(q.ifModifiedSince()));
            }
            return fetchPage(pageParams(rb, page, token, perPage).build());
        });
    }

    /** The records of a related list of one record, e.g. the Contacts or Notes of an Account. */
    public RecordIterator related(String module, String id, String relatedList, RecordQuery query) {
        checkModule(module);
        checkId(id);
        checkModule(relatedList);
        RecordQuery q = query == null ? RecordQuery.create() : query;
        List<String> fieldList = q.fields() != null ? q.fields() : relatedFields(relatedList);
        return paged(q, (page, token, perPage) -> {
            ApiRequest.Builder rb = ApiRequest.get("/" + module + "/" + id + "/" + relatedList)
                    .operation("related", module)
                    .query("fields", fieldList == null ? null : String.join(",", fieldList));
            return fetchPage(pageParams(rb, page, token, perPage).build());
        });
    }

    private List<String> relatedFields(String relatedList) {
        try {
            return defaultFields(relatedList);
        } catch (BiginApiException e) {
            return null; // a related list that is no module (Attachments): Bigin picks the fields
        }
    }

    /**
     * One page of a COQL query ({@code POST /coql}, scope {@code ZohoBigin.coql.READ}), e.g.
     * {@code select Last_Name from Contacts where Modified_Time >= '…' order by Modified_Time asc limit 200}. Bigin
     * caps LIMIT at 200 and OFFSET at 9,800.
     */
    public RecordIterator.Page coql(String selectQuery) {
        ObjectNode body = JSON.createObjectNode();
        body.put("select_query", selectQuery);
        return fetchPage(ApiRequest.post("/coql").json(toBytes(body)).idempotent(true).operation("coql", null).build());
    }

    // ---------------------------------------------------------------- metadata

    /** The modules of the org ({@code GET /settings/modules}). */
    public List<Map<String, Object>> modules() {
        ApiRequest request = ApiRequest.get("/settings/modules").operation("modules", null).build();
        return listOf(readPage(request, transport.execute(request)));
    }

    /** The fields of a module ({@code GET /settings/fields}). */
    public List<Map<String, Object>> fields(String module) {
        checkModule(module);
        ApiRequest request = ApiRequest.get("/settings/fields").query("module", module).operation("fields", module)
                .build();
        return listOf(readPage(request, transport.execute(request)));
    }

    /** The layouts of a module ({@code GET /settings/layouts}). */
    public List<Map<String, Object>> layouts(String module) {
        checkModule(module);
        ApiRequest request = ApiRequest.get("/settings/layouts").query("module", module)
                .operation("layouts", module).build();
        return listOf(readPage(request, transport.execute(request)));
    }

    /** The users of the org: {@code AllUsers} (default), {@code ActiveUsers}, {@code AdminUsers}, {@code CurrentUser}. */
    public RecordIterator users(RecordQuery query) {
        RecordQuery q = query == null ? RecordQuery.create() : query;
        String type = q.type() == null ? "AllUsers" : q.type();
        return paged(q, (page, token, perPage) -> fetchPage(
                pageParams(ApiRequest.get("/users").query("type", type).operation("users", null), page, token, perPage)
                        .build()));
    }

    /** The organization ({@code GET /org}). */
    public Map<String, Object> org() {
        ApiRequest request = ApiRequest.get("/org").operation("org", null).build();
        List<Map<String, Object>> org = listOf(readPage(request, transport.execute(request)));
        return org.isEmpty() ? Map.of() : org.get(0);
    }

    /**
     * The fields a read asks for when the user named none: every field of the module, from its metadata (one call per
     * module, then cached). Zoho answers at most 50 fields a request; past that the first 50 are asked (mandatory and
     * time fields first) and a warning names the rest.
     */
    public List<String> defaultFields(String module) {
        checkModule(module);
        return defaultFields.computeIfAbsent(module, m -> {
            List<Map<String, Object>> meta = fields(m);
            List<String> all = new ArrayList<>();
            List<String> first = new ArrayList<>();
            for (Map<String, Object> f : meta) {
                Object name = f.get("api_name");
                if (name == null) {
                    continue;
                }
                String n = name.toString();
                boolean important = Boolean.TRUE.equals(f.get("system_mandatory")) || "Modified_Time".equals(n)
                                    || "Created_Time".equals(n);
                (important ? first : all).add(n);
            }
            first.addAll(all);
            if (first.size() > MAX_FIELDS) {
                LOG.warn("{} has {} fields and Bigin answers at most {} a request: reading {} and leaving out {}."
                         + " Set the fields option to choose.", m, first.size(), MAX_FIELDS,
                        first.subList(0, MAX_FIELDS), first.subList(MAX_FIELDS, first.size()));
                return List.copyOf(first.subList(0, MAX_FIELDS));
            }
            if (first.isEmpty()) {
                throw new BiginApiException("fields", m, 200, "NO_FIELDS",
                        "Bigin's field metadata of " + m + " lists no fields: set the fields option", null, null);
            }
            return List.copyOf(first);
        });
    }

    // ---------------------------------------------------------------- plumbing

    private RecordIterator paged(RecordQuery q, RecordIterator.PageFetcher fetcher) {
        int start = q.page() == null ? 1 : q.page();
        return new RecordIterator(fetcher, q.perPage(), start, q.page() != null, q.maxRecords());
    }

    private static ApiRequest.Builder pageParams(ApiRequest.Builder rb, int page, String token, int perPage) {
        if (token != null) {
            rb.query("page_token", token);
        } else {
            rb.query("page", page);
        }
        return rb.query("per_page", perPage);
    }

    private RecordIterator.Page fetchPage(ApiRequest request) {
        ApiResponse response = transport.execute(request);
        RawPage page = readPage(request, response);
        List<Map<String, Object>> data = listOf(page);
        stats.recordsRead(data.size());
        Info info = page.info == null ? new Info() : page.info;
        return new RecordIterator.Page(data, info.moreRecords, info.nextPageToken);
    }

    private static RawPage readPage(ApiRequest request, ApiResponse response) {
        if (response.status() == 204 || response.status() == 304 || !response.hasBody()) {
            return new RawPage();
        }
        try {
            RawPage page = JSON.readValue(response.body(), RawPage.class);
            return page == null ? new RawPage() : page;
        } catch (IOException e) {
            throw ApiErrors.malformed(request, response, "could not read the answer");
        }
    }

    /** The answer to a write, read straight into maps (one pass: per-record results keep their details as maps). */
    private static Map<?, ?> readObject(ApiRequest request, ApiResponse response) {
        try {
            Object value = JSON.readValue(response.body(), Object.class);
            if (!(value instanceof Map)) {
                throw ApiErrors.malformed(request, response, "expected a JSON object");
            }
            return (Map<?, ?>) value;
        } catch (IOException e) {
            throw ApiErrors.malformed(request, response, "could not read the answer, and Bigin may have written some"
                                                         + " records");
        }
    }

    private static List<Map<String, Object>> listOf(RawPage page) {
        return page.data == null ? List.of() : page.data;
    }

    private static byte[] toBytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write the records as JSON: " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Bigin's time format: ISO-8601 to the second, with the offset. */
    public static String formatTime(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.SECONDS).format(BIGIN_TIME);
    }

    static void checkModule(String module) {
        if (module == null || !MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("'" + module + "' is not a Bigin module API name: use names such as"
                                               + " Contacts, Accounts, Pipelines, Products or a custom module's API"
                                               + " name (letters, digits and _; case-sensitive)");
        }
    }

    static void checkId(String id) {
        if (id == null || !RECORD_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a Bigin record id: ids are long numbers such as"
                                               + " 7255024000000596045 (keep them as strings)");
        }
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("Closing the HTTP client failed", e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class RawPage {
        @JsonAlias({ "users", "modules", "fields", "layouts", "org" })
        public List<Map<String, Object>> data;
        public Info info;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Info {
        @JsonProperty("more_records")
        public boolean moreRecords;
        @JsonProperty("next_page_token")
        public String nextPageToken;
    }

    /** Builds a client. */
    public static final class Builder {
        private Authenticator authenticator;
        private URI apiUrl;
        private TransportSettings transport = new TransportSettings();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private HttpTransport.Sleeper sleeper;

        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = authenticator;
            return this;
        }

        /** Overrides the API base URL (e.g. {@code http://127.0.0.1:8080/bigin/v2} for the emulator). */
        public Builder apiUrl(URI apiUrl) {
            this.apiUrl = apiUrl;
            return this;
        }

        public Builder transport(TransportSettings transport) {
            this.transport = transport;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        public Builder sleeper(HttpTransport.Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public BiginClient build() {
            if (authenticator == null) {
                throw new IllegalStateException("No credentials: give an OAuthAuthenticator, StaticTokenAuthenticator"
                                                 + " or MatonAuthenticator");
            }
            return new BiginClient(this);
        }
    }
}
