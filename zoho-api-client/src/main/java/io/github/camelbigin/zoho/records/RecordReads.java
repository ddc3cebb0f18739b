package io.github.camelbigin.zoho.records;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbigin.zoho.api.Feature;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiErrors;
import io.github.camelbigin.zoho.http.ApiRequest;
import io.github.camelbigin.zoho.http.ApiResponse;
import io.github.camelbigin.zoho.http.UriEncoding;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.http.ZohoJson;

/**
 * Reads records: one by id, every record of a module, a search, the deleted records, a related list, a COQL page.
 * Reads of many records are lazy {@link RecordIterator}s that fetch a page (up to 200 records, one call) as they are
 * consumed.
 */
public final class RecordReads {

    private final JsonCalls calls;
    private final ZohoApi api;
    private final Function<String, List<String>> defaultFields;
    private final ChunkReads chunkReads;

    /** @param defaultFields the fields a read asks for when the query names none, by module */
    public RecordReads(JsonCalls calls, Function<String, List<String>> defaultFields) {
        this.calls = calls;
        this.api = calls.api();
        this.defaultFields = defaultFields;
        this.chunkReads = new ChunkReads(calls);
    }

    /** One record by id with every field, or empty when there is no such record. */
    public Optional<Map<String, Object>> get(String module, String id) {
        return get(module, id, null);
    }

    /**
     * One record by id, or empty when there is no such record.
     *
     * @param fields the fields to read (null: every field of the module; more than a request takes are read in
     *               further calls and merged)
     */
    public Optional<Map<String, Object>> get(String module, String id, List<String> fields) {
        return get(module, id, fields, null);
    }

    /**
     * One record by id, or by the value of an external-id field (Zoho CRM's {@code X-EXTERNAL}), or empty when there is
     * no such record.
     *
     * @param externalField the external-id field {@code id} is a value of, or null: {@code id} is the record id
     */
    public Optional<Map<String, Object>> get(String module, String id, List<String> fields, String externalField) {
        Names.checkModule(api, module);
        String external = Names.external(api, module, externalField);
        if (external == null) {
            Names.checkId(api, id);
        } else if (id == null || id.isBlank() || id.contains("/")) {
            throw new IllegalArgumentException("'" + id + "' is no value of the external id " + external);
        }
        List<String> all = fields != null && !fields.isEmpty() ? fields : defaultFields.apply(module);
        for (int attempt = 1;; attempt++) {
            List<ApiRequest> reads = WideRecords.chunks(all, api.maxFields()).stream()
                    .map(chunk -> getRequest(module, id, chunk, external)).toList();
            List<Map<String, Object>> parts = chunkReads.record(reads);
            if (parts.contains(null)) {
                return Optional.empty();
            }
            List<Map<String, Object>> merged = WideRecords.merge(List.of(parts.get(0)),
                    parts.subList(1, parts.size()).stream().map(List::of).toList(), r -> null);
            if (!merged.isEmpty() || attempt == MAX_CONSISTENT_READS) {
                calls.stats().recordsRead(1);
                return Optional.of(merged.isEmpty() ? parts.get(0) : merged.get(0));
            }
            // changed between two chunk reads: read it again, every chunk
        }
    }

    private static final int MAX_CONSISTENT_READS = 3;

    private static ApiRequest getRequest(String module, String id, List<String> fields, String external) {
        return ApiRequest.get("/" + module + "/" + UriEncoding.encode(id)).operation("get", module)
                .query("fields", String.join(",", fields)).header("X-EXTERNAL", external).build();
    }

    /**
     * Every record of a module (or one page of it), lazily paged. Without fields, all fields are read; more fields than
     * a request takes are read by as many queries in step, page by page, and merged by id.
     */
    public RecordIterator list(String module, RecordQuery query) {
        Names.checkModule(api, module);
        RecordQuery q = query == null ? RecordQuery.create() : query;
        return inChunks(module, q, q.fields() != null ? q.fields() : defaultFields.apply(module), chunk -> {
            ApiRequest.Builder rb = ApiRequest.get("/" + module).operation("list", module)
                    .query("fields", String.join(",", chunk)).query("sort_by", q.sortBy())
                    .query("sort_order", q.sortOrder()).query("cvid", q.cvid()).query("approved", q.approved())
                    .credits(q.cvid() != null ? 3 : 1);
            ifModifiedSince(rb, q.ifModifiedSince());
            return rb;
        });
    }

    /**
     * A lazily paged read of {@code fields}, one request per page when they fit in one, else one query per chunk of
     * fields, paged in step (each with its own page tokens) and merged by id.
     */
    private RecordIterator inChunks(String module, RecordQuery q, List<String> fields,
                                    Function<List<String>, ApiRequest.Builder> request) {
        List<List<String>> chunks = WideRecords.chunks(fields, api.maxFields());
        String[] tokens = new String[chunks.size()];
        return JsonCalls.paged(q, (page, token, perPage) -> {
            List<ApiRequest> reads = new ArrayList<>(chunks.size());
            for (int c = 0; c < chunks.size(); c++) {
                reads.add(JsonCalls.pageParams(request.apply(chunks.get(c)), page,
                        c == 0 ? token : page == 1 ? null : tokens[c], perPage).build());
            }
            List<RecordIterator.Page> pages = chunkReads.pages(reads);
            for (int c = 0; c < pages.size(); c++) {
                tokens[c] = pages.get(c).nextPageToken();
            }
            return merged(module, pages, chunks, q.skipChangedDuringRead());
        });
    }

    /**
     * The first chunk's page with the other chunks' fields merged in. A record the other reads show in another
     * version (or not at all) is read again by id, whole — or left out when {@code skipChanged}: its newer version
     * comes in a later read.
     */
    private RecordIterator.Page merged(String module, List<RecordIterator.Page> pages, List<List<String>> chunks,
                                       boolean skipChanged) {
        RecordIterator.Page first = pages.get(0);
        if (pages.size() == 1) {
            return first;
        }
        List<String> all = chunks.stream().flatMap(List::stream).distinct().toList();
        List<Map<String, Object>> records = WideRecords.merge(first.records(),
                pages.subList(1, pages.size()).stream().map(RecordIterator.Page::records).toList(),
                r -> skipChanged ? null : get(module, String.valueOf(r.get("id")), all).orElse(null));
        return new RecordIterator.Page(records, first.moreRecords(), first.nextPageToken());
    }

    /** The fields in the chunks one request each can read, for callers that build their own queries (COQL). */
    public List<List<String>> fieldChunks(List<String> fields) {
        return WideRecords.chunks(fields, api.maxFields());
    }

    /**
     * One COQL page per field chunk, the queries alike but for their select lists, merged by id; a record changed
     * between them is left out (a change feed reads its newer version later).
     */
    public RecordIterator.Page coqlInChunks(List<String> queries, List<List<String>> chunks) {
        List<RecordIterator.Page> pages = new ArrayList<>(queries.size());
        for (String q : queries) {
            RecordIterator.Page p = coql(q);
            pages.add(p);
            if (p.records().isEmpty()) {
                break; // nothing to complete
            }
        }
        return merged(null, pages, chunks, true);
    }

    /** Records matching a criteria, an email, a phone or a word (exactly one of them), lazily paged. */
    public RecordIterator search(String module, RecordQuery query) {
        Names.checkModule(api, module);
        RecordQuery q = query == null ? RecordQuery.create() : query;
        long given = Stream.of(q.criteria(), q.email(), q.phone(), q.word()).filter(s -> s != null && !s.isBlank())
                .count();
        if (given != 1) {
            throw new IllegalArgumentException("search on " + module + " needs exactly one of criteria, email, phone"
                                               + " or word; " + (given == 0 ? "none was" : given + " were") + " given");
        }
        return JsonCalls.paged(q, (page, token, perPage) -> {
            ApiRequest.Builder rb = ApiRequest.get("/" + module + "/search").operation("search", module)
                    .query("criteria", blankToNull(q.criteria())).query("email", blankToNull(q.email()))
                    .query("phone", blankToNull(q.phone())).query("word", blankToNull(q.word()))
                    .query("fields", q.fields() == null ? null : String.join(",", q.fields()));
            return calls.page(JsonCalls.pageParams(rb, page, token, perPage).build());
        });
    }

    /** Deleted records ({@code type} all, recycle or permanent), newest first as Zoho gives them, lazily paged. */
    public RecordIterator deleted(String module, RecordQuery query) {
        Names.checkModule(api, module);
        RecordQuery q = query == null ? RecordQuery.create() : query;
        String type = q.type() == null ? DeletedType.all.name() : q.type();
        return JsonCalls.paged(q, (page, token, perPage) -> {
            ApiRequest.Builder rb = ApiRequest.get("/" + module + "/deleted").operation("deleted", module)
                    .query("type", type);
            ifModifiedSince(rb, q.ifModifiedSince());
            return calls.page(JsonCalls.pageParams(rb, page, token, perPage).build());
        });
    }

    /** The records of a related list of one record, e.g. the Contacts or Notes of an Account. */
    public RecordIterator related(String module, String id, String relatedList, RecordQuery query) {
        Names.checkModule(api, module);
        Names.checkId(api, id);
        Names.checkModule(api, relatedList);
        RecordQuery q = query == null ? RecordQuery.create() : query;
        List<String> fieldList = q.fields() != null ? q.fields() : relatedFields(relatedList);
        if (fieldList == null) {
            return JsonCalls.paged(q, (page, token, perPage) -> calls.page(JsonCalls.pageParams(
                    ApiRequest.get("/" + module + "/" + id + "/" + relatedList).operation("related", module), page,
                    token, perPage).build()));
        }
        return inChunks(relatedList, q, fieldList, chunk -> ApiRequest.get("/" + module + "/" + id + "/" + relatedList)
                .operation("related", module).query("fields", String.join(",", chunk)));
    }

    private List<String> relatedFields(String relatedList) {
        try {
            return defaultFields.apply(relatedList);
        } catch (ZohoApiException e) {
            return null; // a related list that is no module (Attachments): Zoho picks the fields
        }
    }

    /**
     * One page of a COQL query ({@code POST /coql}), e.g.
     * {@code select Last_Name from Contacts where Modified_Time >= '…' order by Modified_Time asc limit 200}. The API
     * caps LIMIT and OFFSET ({@link ZohoApi#coqlLimit()}, {@link ZohoApi#coqlMaxOffset()}).
     */
    public RecordIterator.Page coql(String selectQuery) {
        ObjectNode body = ZohoJson.MAPPER.createObjectNode();
        body.put("select_query", selectQuery);
        return calls.page(ApiRequest.post("/coql").json(JsonCalls.toBytes(body)).idempotent(true)
                .credits(CoqlQuery.credits(selectQuery)).operation("coql", null).build());
    }

    /**
     * Every record a COQL query matches (or the one page its LIMIT asks for), read as {@link CoqlQuery} describes:
     * by keyset on id when the query has no ORDER BY, by OFFSET up to the API's reach when it has one.
     *
     * @param maxRecords stop after this many records (0: no limit)
     */
    public RecordIterator query(CoqlQuery query, long maxRecords) {
        ZohoApi api = query.api();
        if (query.singlePage()) {
            return new RecordIterator((page, token, perPage) -> coql(query.asGiven()), api.coqlLimit(), 1, true,
                    maxRecords);
        }
        if (query.ordered()) {
            return new RecordIterator((page, token, perPage) -> {
                int offset = (page - 1) * api.coqlLimit();
                if (offset > api.coqlMaxOffset()) {
                    throw new IllegalStateException("More than " + (api.coqlMaxOffset() + api.coqlLimit())
                                                    + " records match '" + query + "', and COQL's OFFSET reaches no"
                                                    + " further in an order of the route's choosing: leave ORDER BY"
                                                    + " out (the records then come by id, every one of them) or"
                                                    + " narrow the where clause");
                }
                return coql(query.offsetPage(offset));
            }, api.coqlLimit(), 1, false, maxRecords);
        }
        String[] lastId = {null};
        return new RecordIterator((page, token, perPage) -> {
            RecordIterator.Page p = coql(query.keysetPage(lastId[0]));
            if (!p.records().isEmpty()) {
                lastId[0] = String.valueOf(p.records().get(p.records().size() - 1).get("id"));
            }
            return p;
        }, api.coqlLimit(), 1, false, maxRecords);
    }

    /**
     * How many records a COQL query matches: {@code select count(id) from Module where …}, one call (Bigin has no
     * count endpoint for records). Its LIMIT, OFFSET and ORDER BY play no part.
     */
    public long count(CoqlQuery query) {
        List<Map<String, Object>> rows = coql(query.countQuery()).records();
        if (rows.isEmpty()) {
            return 0; // 204: nothing matches
        }
        for (Object v : rows.get(0).values()) {
            if (v instanceof Number n) {
                return n.longValue();
            }
            if (v instanceof String text && text.matches("\\d+")) {
                return Long.parseLong(text);
            }
        }
        throw new IllegalStateException("The answer to '" + query.countQuery() + "' holds no count: " + rows.get(0));
    }

    /**
     * How many records of a module there are, or match a criteria or custom view: Zoho CRM's
     * {@code GET /{module}/actions/count}, one call of 1 credit.
     */
    public long count(String module, String criteria, String cvid) {
        Names.checkModule(api, module);
        if (!api.has(Feature.RECORD_ACTIONS)) {
            throw new IllegalArgumentException(api.product() + " has no count endpoint: count with a COQL query"
                                               + " (select count(id) from " + module + ")");
        }
        ApiRequest request = ApiRequest.get("/" + module + "/actions/count").operation("count", module)
                .query("criteria", blankToNull(criteria)).query("cvid", blankToNull(cvid)).build();
        ApiResponse response = calls.execute(request);
        if (response.status() == 204) {
            return 0;
        }
        Object count = calls.object(request, response).get("count");
        if (count instanceof Number n) {
            return n.longValue();
        }
        throw ApiErrors.malformed(api, request, response, "no count in the answer");
    }

    private static void ifModifiedSince(ApiRequest.Builder rb, OffsetDateTime since) {
        if (since != null) {
            rb.header("If-Modified-Since", ZohoTime.format(since));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
