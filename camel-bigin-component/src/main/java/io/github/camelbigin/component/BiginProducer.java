package io.github.camelbigin.component;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbigin.zoho.api.Feature;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.bulk.MassUpdateResult;
import io.github.camelbigin.zoho.bulk.BulkOperation;
import io.github.camelbigin.zoho.bulk.BulkReader;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.credits.CreditBudget;
import io.github.camelbigin.zoho.http.Authenticator;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.http.ZohoJson;
import io.github.camelbigin.zoho.records.CoqlQuery;
import io.github.camelbigin.zoho.records.RecordIterator;
import io.github.camelbigin.zoho.records.RecordQuery;
import io.github.camelbigin.zoho.records.WriteOptions;
import io.github.camelbigin.zoho.records.WriteResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.SynchronizationAdapter;

/** Performs one operation per message: turns the body and headers into one client call and its result into the body. */
public class BiginProducer extends DefaultProducer {

    private static final ObjectMapper JSON = ZohoJson.MAPPER;

    private final ZohoEndpoint endpoint;
    private final BiginConfiguration config;
    private final HeaderNames headers;

    public BiginProducer(ZohoEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.headers = endpoint.headers();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        Object header = in.getHeader(headers.of(BiginConstants.OPERATION));
        BiginOperation op = header != null ? BiginOperation.parse(header) : config.getOperation();
        if (op == null) {
            throw new IllegalArgumentException("No operation for " + endpoint.label() + ": set the operation"
                                               + " option (e.g. " + endpoint.label()
                                               + "?operation=list) or the " + headers.of(BiginConstants.OPERATION) + " header");
        }
        ZohoClient client = endpoint.getClient();
        String module = config.getModule();
        Message out = exchange.getMessage();
        if (MatonOperations.handles(op)) {
            endpoint.maton().perform(op, in, out); // Maton's connection API: no Bigin call
            return;
        }
        try {
            perform(op, in, out, client, module);
        } catch (ZohoApiException e) {
            throw e.during(client.api(), op.name(), module); // the message names what the route asked for
        } finally {
            CreditBudget budget = client.creditBudget();
            if (budget != null) {
                out.setHeader(headers.of(BiginConstants.CREDITS_SPENT), budget.spent());
                out.setHeader(headers.of(BiginConstants.CREDITS_REMAINING), budget.remaining());
            }
        }
    }

    private void perform(BiginOperation op, Message in, Message out, ZohoClient client, String module) {
        switch (op) {
            case create:
                writeResults(out, client.writes().create(module, RecordBodies.records(in.getBody(), "create"), writeOptions(in)));
                break;
            case update:
                writeResults(out, client.writes().update(module, updateRecords(in, "update"), writeOptions(in)));
                break;
            case upsert:
                writeResults(out, client.writes().upsert(module, RecordBodies.records(in.getBody(), "upsert"), writeOptions(in)));
                break;
            case delete:
                writeResults(out, client.writes().delete(module, ids(in, "delete"), writeOptions(in)));
                break;
            case get:
                get(in, out, client, module);
                break;
            case list:
                read(out, client.reads().list(module, query(in)), true);
                break;
            case search:
                read(out, client.reads().search(module, searchQuery(in)), true);
                break;
            case deleted:
                read(out, client.reads().deleted(module, query(in).type(config.getDeletedType().name())), false);
                break;
            case related:
                related(in, out, client, module);
                break;
            case coql:
                read(out, client.reads().query(coqlQuery(in, client, module, true), config.getMaxRecords()), true);
                break;
            case count:
                long count = client.api().has(Feature.RECORD_ACTIONS) && queryText(in) == null
                        ? client.reads().count(module, in.getHeader(headers.of(BiginConstants.CRITERIA),
                                config.getCriteria(), String.class), config.getCvid())
                        : client.reads().count(coqlQuery(in, client, module, false));
                out.setBody(count);
                out.setHeader(headers.of(BiginConstants.RECORD_COUNT), count);
                break;
            case massUpdate:
                massUpdate(in, out, client, module);
                break;
            case bulkRead:
                bulkRead(in, out, client, module);
                break;
            case bulkWrite:
                String findBy = config.getBulkOperation() == BulkOperation.upsert
                        ? first(list(in.getHeader(headers.of(BiginConstants.DUPLICATE_CHECK_FIELDS)), config.getDuplicateCheckFields()))
                        : null;
                writeResults(out, client.bulk().writer(workDir(), Duration.ofMillis(config.getBulkTimeout()))
                        .write(module, config.getBulkOperation(), RecordBodies.lazyRecords(in.getBody(), "bulkWrite"),
                                findBy, config.isFailOnRecordError()));
                break;
            case addTags:
                writeResults(out, client.related().addTags(module, ids(in, "addTags"), tags(in), config.isOverwriteTags(),
                        writeOptions(in)));
                break;
            case removeTags:
                writeResults(out, client.related().removeTags(module, ids(in, "removeTags"), tags(in), writeOptions(in)));
                break;
            case tags:
                metadata(out, client.metadata().tags(module));
                break;
            case createTags:
                Object names = in.getHeader(headers.of(BiginConstants.TAGS)) != null || in.getBody() == null ? tags(in)
                        : RecordBodies.names(in.getBody());
                writeResults(out, client.related().createTags(module, list(names, null), writeOptions(in)));
                break;
            case notes:
                read(out, client.reads().related(module, recordId(in, "notes", true), "Notes", query(in)), false);
                break;
            case createNotes:
                writeResults(out, client.related().createNotes(module, recordId(in, "createNotes", false),
                        RecordBodies.records(in.getBody(), "createNotes"), writeOptions(in)));
                break;
            case updateNotes:
                writeResults(out, client.writes().update("Notes", updateRecords(in, "updateNotes"), writeOptions(in)));
                break;
            case deleteNotes:
                writeResults(out, client.writes().delete("Notes", ids(in, "deleteNotes"), writeOptions(in)));
                break;
            case updateRelated:
                writeResults(out, client.related().updateRelated(module, recordId(in, "updateRelated", false),
                        relatedList(in, "updateRelated"), RecordBodies.records(in.getBody(), "updateRelated"),
                        writeOptions(in)));
                break;
            case delinkRelated:
                writeResults(out, client.related().delinkRelated(module, recordId(in, "delinkRelated", false),
                        relatedList(in, "delinkRelated"), relatedIds(in), writeOptions(in)));
                break;
            case attachments:
                read(out, client.attachments().list(module, recordId(in, "attachments", true), query(in)), false);
                break;
            case uploadAttachment:
                writeResults(out, List.of(client.attachments().upload(module, recordId(in, "uploadAttachment", false),
                        FileBodies.part(in, "uploadAttachment"), writeOptions(in))));
                break;
            case downloadAttachment:
                FileBodies.set(out, client.attachments().download(module, recordId(in, "downloadAttachment", false),
                        attachmentId(in, "downloadAttachment")));
                break;
            case deleteAttachment:
                writeResults(out, List.of(client.attachments().delete(module, recordId(in, "deleteAttachment", false),
                        attachmentId(in, "deleteAttachment"), writeOptions(in))));
                break;
            case uploadPhoto:
                writeResults(out, List.of(client.attachments().uploadPhoto(module, recordId(in, "uploadPhoto", false),
                        FileBodies.part(in, "uploadPhoto"), writeOptions(in))));
                break;
            case downloadPhoto:
                FileBodies.set(out, client.attachments().downloadPhoto(module, recordId(in, "downloadPhoto", true)));
                break;
            case deletePhoto:
                writeResults(out, List.of(client.attachments().deletePhoto(module, recordId(in, "deletePhoto", true),
                        writeOptions(in))));
                break;
            case users:
                String userId = in.getHeader(headers.of(BiginConstants.RECORD_ID), String.class);
                if (userId != null) {
                    // one user: GET /users/{id}
                    out.setBody(found(client, "users", "users", "user", userId, client.metadata().user(userId)).orElse(null));
                } else {
                    read(out, client.metadata().users(query(in).type(config.getUserType().name())), false);
                }
                break;
            case modules:
                metadata(out, client.metadata().modules());
                break;
            case fields:
                metadata(out, client.metadata().fields(module));
                break;
            case layouts:
                metadata(out, client.metadata().layouts(module));
                break;
            case org:
                out.setBody(client.metadata().org());
                break;
            case authorize:
                // another Zoho API's call, on the connection's token: no Bigin call, a token minted only when due
                Authenticator.Credentials credentials = client.credentials();
                out.setHeader("Authorization", credentials.authorization());
                credentials.headers().forEach(out::setHeader);
                out.setHeader(headers.of(BiginConstants.API_DOMAIN), client.apiDomain(credentials).toString());
                break;
            default:
                throw new IllegalStateException("Unhandled operation " + op);
        }
    }

    // ------------------------------------------------------------------ writes

    private List<Map<String, Object>> updateRecords(Message in, String operation) {
        List<Map<String, Object>> records = RecordBodies.records(in.getBody(), operation);
        String id = in.getHeader(headers.of(BiginConstants.RECORD_ID), String.class);
        if (id != null) {
            if (records.size() != 1) {
                throw new IllegalArgumentException("The " + headers.of(BiginConstants.RECORD_ID) + " header names one record, but"
                                                   + " the body holds " + records.size()
                                                   + ": give each record its 'id' instead");
            }
            records.get(0).putIfAbsent("id", id);
        }
        return records;
    }

    /** The record ids an operation acts on: the CamelBiginRecordIds header, else CamelBiginRecordId, else the body. */
    private List<String> ids(Message in, String operation) {
        Object ids = in.getHeader(headers.of(BiginConstants.RECORD_IDS));
        if (ids == null) {
            Object one = in.getHeader(headers.of(BiginConstants.RECORD_ID));
            if (one != null) {
                List<String> single = RecordBodies.ids(one, operation);
                if (single.size() != 1) {
                    // a header meant for one record must never delete several
                    throw new IllegalArgumentException("The " + headers.of(BiginConstants.RECORD_ID) + " header holds "
                                                       + single.size() + " ids (" + one + "): it names one record;"
                                                       + " put several ids in " + headers.of(BiginConstants.RECORD_IDS)
                                                       + " or the body");
                }
                return single;
            }
            ids = in.getBody();
        }
        return nonEmpty(RecordBodies.ids(ids, operation), operation, "the body, or the " + headers.of(BiginConstants.RECORD_IDS)
                                                                    + " or " + headers.of(BiginConstants.RECORD_ID) + " header");
    }

    /** The related ids of delinkRelated: CamelBiginRecordIds or the body (CamelBiginRecordId names the parent). */
    private List<String> relatedIds(Message in) {
        Object ids = in.getHeader(headers.of(BiginConstants.RECORD_IDS));
        return nonEmpty(RecordBodies.ids(ids != null ? ids : in.getBody(), "delinkRelated"), "delinkRelated",
                "the body or the " + headers.of(BiginConstants.RECORD_IDS) + " header");
    }

    private List<String> nonEmpty(List<String> ids, String operation, String where) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("No record ids for " + operation + " on " + endpoint.label()
                                               + ": give them in " + where);
        }
        return ids;
    }

    /** The one record an operation acts on: CamelBiginRecordId, or (when {@code orBody}) a text or number body. */
    private String recordId(Message in, String operation, boolean orBody) {
        String id = in.getHeader(headers.of(BiginConstants.RECORD_ID), String.class);
        if (id == null && orBody && (in.getBody() instanceof CharSequence || in.getBody() instanceof Number)) {
            id = in.getBody().toString().trim();
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(operation + " on " + endpoint.label() + " needs the record's id"
                                               + " in the " + headers.of(BiginConstants.RECORD_ID) + " header"
                                               + (orBody ? " or the body" : ""));
        }
        return id;
    }

    private String relatedList(Message in, String operation) {
        String relatedList = in.getHeader(headers.of(BiginConstants.RELATED_LIST), config.getRelatedList(), String.class);
        if (relatedList == null || relatedList.isBlank()) {
            throw new IllegalArgumentException(operation + " on " + endpoint.label() + " needs the related"
                                               + " list (option relatedList or header " + headers.of(BiginConstants.RELATED_LIST)
                                               + "), e.g. Contacts");
        }
        return relatedList;
    }

    private String attachmentId(Message in, String operation) {
        String id = in.getHeader(headers.of(BiginConstants.ATTACHMENT_ID), String.class);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(operation + " needs the attachment's id in the "
                                               + headers.of(BiginConstants.ATTACHMENT_ID) + " header (the attachments operation"
                                               + " lists them)");
        }
        return id;
    }

    /**
     * A bulk export: with streaming=true the body is an Iterator over the rows as the jobs deliver them (closed when the
     * exchange completes), else the List of them (up to maxRecords); as outputClass objects when it is set (Jackson
     * turns the CSV's text into the class's types).
     */
    private void bulkRead(Message in, Message out, ZohoClient client, String module) {
        BulkReader reader = client.bulk().read(module, list(in.getHeader(headers.of(BiginConstants.FIELDS)), config.getFields()),
                bulkCriteria(in), Duration.ofMillis(config.getBulkTimeout()), config.getMaxRecords());
        if (config.isStreaming()) {
            out.setBody(config.getOutputClass() == null ? reader : new Iterator<Object>() {
                @Override
                public boolean hasNext() {
                    return reader.hasNext();
                }

                @Override
                public Object next() {
                    return mapRecord(reader.next());
                }
            });
            out.getExchange().getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange exchange) {
                    reader.close();
                }
            });
            return;
        }
        List<Object> rows = new ArrayList<>();
        try (reader) {
            while (reader.hasNext()) {
                rows.add(mapRecord(reader.next()));
            }
        }
        out.setBody(rows);
        out.setHeader(headers.of(BiginConstants.RECORD_COUNT), rows.size());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> bulkCriteria(Message in) {
        Object criteria = in.getHeader(headers.of(BiginConstants.BULK_CRITERIA));
        if (criteria == null) {
            criteria = config.getBulkCriteria();
        }
        if (criteria == null || criteria instanceof Map) {
            return (Map<String, Object>) criteria;
        }
        try {
            return JSON.readValue(criteria.toString(), Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("bulkCriteria '" + criteria + "' is not a JSON object such as"
                                               + " {\"api_name\":\"Email\",\"comparator\":\"equal\",\"value\":\"a@b.c\"}", e);
        }
    }

    private Path workDir() {
        return Path.of(config.getBulkWorkDir() != null ? config.getBulkWorkDir() : System.getProperty("java.io.tmpdir"));
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The tag names: the CamelBiginTags header, else the tags option. */
    private List<String> tags(Message in) {
        List<String> tags = list(in.getHeader(headers.of(BiginConstants.TAGS)), config.getTags());
        if (tags == null || tags.isEmpty()) {
            throw new IllegalArgumentException("No tag names given for " + endpoint.label() + ": name one or more tags"
                                               + " in the tags option (e.g. tags=Hot,Renewal) or the "
                                               + headers.of(BiginConstants.TAGS) + " header");
        }
        return tags;
    }

    private WriteOptions writeOptions(Message in) {
        WriteOptions options = WriteOptions.create().batchSize(config.getBatchSize())
                .failOnRecordError(config.isFailOnRecordError());
        String trigger = config.getTrigger();
        if (trigger != null && !trigger.isBlank()) {
            options.trigger("none".equalsIgnoreCase(trigger.trim()) ? List.of() : BiginConfiguration.splitList(trigger));
        }
        options.duplicateCheckFields(list(in.getHeader(headers.of(BiginConstants.DUPLICATE_CHECK_FIELDS)),
                config.getDuplicateCheckFields()));
        return options.externalField(config.getExternalField());
    }

    private void writeResults(Message out, List<WriteResult> results) {
        out.setBody(results);
        out.setHeader(headers.of(BiginConstants.RECORD_COUNT), results.size());
        if (results.size() == 1 && results.get(0).isSuccess()) {
            out.setHeader(headers.of(BiginConstants.RECORD_ID), results.get(0).getId());
            if (results.get(0).getDuplicateField() != null) {
                out.setHeader(headers.of(BiginConstants.DUPLICATE_FIELD), results.get(0).getDuplicateField());
            }
        }
    }

    // ------------------------------------------------------------------ reads

    private void get(Message in, Message out, ZohoClient client, String module) {
        String id = recordId(in, "get", true);
        Optional<Map<String, Object>> record = found(client, "get", module, module + " record", id, client.reads().get(
                module, id, list(in.getHeader(headers.of(BiginConstants.FIELDS)), config.getFields()),
                config.getExternalField()));
        out.setBody(record.map(this::mapRecord).orElse(null));
        out.setHeader(headers.of(BiginConstants.RECORD_ID), id);
    }

    /** The answer, or the failure failOnNotFound asks for when there is none. */
    private <T> Optional<T> found(ZohoClient client, String operation, String module, String what, String id,
                                  Optional<T> answer) {
        if (answer.isEmpty() && config.isFailOnNotFound()) {
            throw new ZohoApiException(client.api(), operation, module, 404, "NOT_FOUND", "no " + what + " has the id "
                    + id + " (set failOnNotFound=false to get a null body instead)", null, null);
        }
        return answer;
    }

    private void related(Message in, Message out, ZohoClient client, String module) {
        read(out, client.reads().related(module, recordId(in, "related", true), relatedList(in, "related"), query(in)), true);
    }

    /** The COQL query a message or the endpoint gives: the query header, else a text body, else the option; or null. */
    private String queryText(Message in) {
        String text = in.getHeader(headers.of(BiginConstants.QUERY), String.class);
        if (text == null && in.getBody() instanceof CharSequence body && !body.toString().isBlank()) {
            text = body.toString();
        }
        return text != null ? text : config.getQuery();
    }

    /**
     * Zoho CRM's mass update: the body's values on the ids of the ids header (or the record id header) — a result per
     * record — or, with cvid and no ids, on every record of that view by one job whose counts become the body.
     */
    private void massUpdate(Message in, Message out, ZohoClient client, String module) {
        Map<String, Object> values = RecordBodies.records(in.getBody(), "massUpdate").get(0);
        boolean byIds = in.getHeader(headers.of(BiginConstants.RECORD_IDS)) != null
                        || in.getHeader(headers.of(BiginConstants.RECORD_ID)) != null;
        if (!byIds && config.getCvid() != null) {
            MassUpdateResult r = client.bulk().massUpdateView(module, values, config.getCvid(),
                    Duration.ofMillis(config.getBulkTimeout()));
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("jobId", r.jobId());
            body.put("total", r.total());
            body.put("updated", r.updated());
            body.put("notUpdated", r.notUpdated());
            body.put("failed", r.failed());
            out.setBody(body);
            out.setHeader(headers.of(BiginConstants.RECORD_COUNT), r.updated());
            return;
        }
        List<String> ids = byIds ? ids(in, "massUpdate") : List.of();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("massUpdate on " + endpoint.label() + " needs the ids to update in the "
                                               + headers.of(BiginConstants.RECORD_IDS) + " header (the body holds the"
                                               + " values), or the cvid option for a custom view's records");
        }
        writeResults(out, client.writes().massUpdate(module, values, ids, writeOptions(in)));
    }

    /**
     * The COQL query of a message: the CamelBiginQuery header, else a text body, else the query option; its :name
     * parameters bound from the CamelBiginQueryParameters header, else from the headers. A count without a query
     * counts the whole module.
     */
    private CoqlQuery coqlQuery(Message in, ZohoClient client, String module, boolean required) {
        String text = queryText(in);
        if (text == null && !required) {
            text = "select id from " + module;
        }
        if (text == null) {
            throw new IllegalArgumentException("The coql operation of " + endpoint.label() + " needs a query: put it in"
                                               + " the body, the " + headers.of(BiginConstants.QUERY) + " header or the query"
                                               + " option, e.g. select Last_Name from " + module
                                               + " where Email = :email");
        }
        Map<?, ?> parameters = in.getHeader(headers.of(BiginConstants.QUERY_PARAMETERS), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, ?> bound = parameters != null ? (Map<String, ?>) parameters : in.getHeaders();
        return checkModule(CoqlQuery.parse(client.api(), text, bound), endpoint.scheme(), module);
    }

    /** Checks a query option at endpoint creation: its form, its limits and its module (parameters not yet bound). */
    static void checkQuery(ZohoEndpoint endpoint, String query, String module) {
        checkModule(CoqlQuery.parse(endpoint.api(), query, new AnyParameter()), endpoint.scheme(), module);
    }

    private static CoqlQuery checkModule(CoqlQuery query, String scheme, String module) {
        if (!query.module().equals(module)) {
            throw new IllegalArgumentException("The query reads " + query.module() + " but the endpoint is " + scheme
                                               + ":" + module + ": use " + scheme + ":" + query.module() + " for it");
        }
        return query;
    }

    /** Any parameter name has a value: only the query's form and limits are checked. */
    private static final class AnyParameter extends java.util.AbstractMap<String, Object> {
        @Override
        public boolean containsKey(Object key) {
            return true;
        }

        @Override
        public Object get(Object key) {
            return 0;
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            return java.util.Set.of();
        }
    }

    private RecordQuery query(Message in) {
        return RecordQuery.create()
                .fields(list(in.getHeader(headers.of(BiginConstants.FIELDS)), config.getFields()))
                .sortBy(nameOf(config.getSortBy())).sortOrder(nameOf(config.getSortOrder())).cvid(config.getCvid())
                .approved(config.getApproved())
                .perPage(config.getPerPage()).page(config.getPage()).maxRecords(config.getMaxRecords());
    }

    private RecordQuery searchQuery(Message in) {
        RecordQuery q = query(in);
        String criteria = in.getHeader(headers.of(BiginConstants.CRITERIA), String.class);
        String email = in.getHeader(headers.of(BiginConstants.EMAIL), String.class);
        String phone = in.getHeader(headers.of(BiginConstants.PHONE), String.class);
        String word = in.getHeader(headers.of(BiginConstants.WORD), String.class);
        if (criteria == null && email == null && phone == null && word == null) {
            criteria = config.getCriteria();
            email = config.getEmail();
            phone = config.getPhone();
            word = config.getWord();
        }
        return q.criteria(criteria).email(email).phone(phone).word(word);
    }

    private void read(Message out, RecordIterator records, boolean mapToOutputClass) {
        boolean map = mapToOutputClass && config.getOutputClass() != null;
        if (config.isStreaming()) {
            out.setBody(map ? new MappingIterator(records) : records);
            return;
        }
        List<Object> list = new ArrayList<>();
        while (records.hasNext()) {
            list.add(map ? mapRecord(records.next()) : records.next());
        }
        out.setBody(list);
        out.setHeader(headers.of(BiginConstants.RECORD_COUNT), list.size());
        out.setHeader(headers.of(BiginConstants.MORE_RECORDS), records.moreRecords());
    }

    private void metadata(Message out, List<Map<String, Object>> items) {
        out.setBody(items);
        out.setHeader(headers.of(BiginConstants.RECORD_COUNT), items.size());
    }

    private Object mapRecord(Map<String, Object> record) {
        Class<?> type = config.getOutputClass();
        if (type == null || type.isInstance(record)) {
            return record;
        }
        return JSON.convertValue(record, type);
    }

    private static List<String> list(Object header, String option) {
        if (header instanceof Collection) {
            return ((Collection<?>) header).stream().map(Object::toString).collect(Collectors.toList());
        }
        if (header != null) {
            return BiginConfiguration.splitList(header.toString());
        }
        return BiginConfiguration.splitList(option);
    }

    /** Maps records to the output class as they are consumed, so a streaming read stays lazy. */
    private final class MappingIterator implements Iterator<Object> {
        private final RecordIterator records;

        MappingIterator(RecordIterator records) {
            this.records = records;
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public Object next() {
            return mapRecord(records.next());
        }
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
