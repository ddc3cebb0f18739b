package io.github.camelbigin.zoho.records;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiRequest;
import io.github.camelbigin.zoho.http.ApiResponse;
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

    /** @param defaultFields the fields a read asks for when the query names none, by module */
    public RecordReads(JsonCalls calls, Function<String, List<String>> defaultFields) {
        this.calls = calls;
        this.api = calls.api();
        this.defaultFields = defaultFields;
    }

    /** One record by id, or empty when there is no such record. */
    public Optional<Map<String, Object>> get(String module, String id) {
        Names.checkModule(api, module);
        Names.checkId(api, id);
        ApiRequest request = ApiRequest.get("/" + module + "/" + id).operation("get", module).build();
        ApiResponse response;
        try {
            response = calls.execute(request);
        } catch (ZohoApiException e) {
            if (e.getStatusCode() == 404 || e.getStatusCode() == 400 && "INVALID_DATA".equals(e.getCode())) {
                return Optional.empty();
            }
            throw e;
        }
        List<Map<String, Object>> data = calls.records(request, response);
        if (data.isEmpty()) {
            return Optional.empty();
        }
        calls.stats().recordsRead(1);
        return Optional.of(data.get(0));
    }

    /** Every record of a module (or one page of it), lazily paged. Without fields, all fields are read. */
    public RecordIterator list(String module, RecordQuery query) {
        Names.checkModule(api, module);
        RecordQuery q = query == null ? RecordQuery.create() : query;
        String fields = String.join(",", q.fields() != null ? q.fields() : defaultFields.apply(module));
        return JsonCalls.paged(q, (page, token, perPage) -> {
            ApiRequest.Builder rb = ApiRequest.get("/" + module).operation("list", module)
                    .query("fields", fields).query("sort_by", q.sortBy()).query("sort_order", q.sortOrder())
                    .query("cvid", q.cvid()).credits(q.cvid() != null ? 3 : 1);
            ifModifiedSince(rb, q.ifModifiedSince());
            return calls.page(JsonCalls.pageParams(rb, page, token, perPage).build());
        });
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
        return JsonCalls.paged(q, (page, token, perPage) -> {
            ApiRequest.Builder rb = ApiRequest.get("/" + module + "/" + id + "/" + relatedList)
                    .operation("related", module)
                    .query("fields", fieldList == null ? null : String.join(",", fieldList));
            return calls.page(JsonCalls.pageParams(rb, page, token, perPage).build());
        });
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
                .operation("coql", null).build());
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
