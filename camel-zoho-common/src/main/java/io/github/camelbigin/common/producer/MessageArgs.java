package io.github.camelbigin.common.producer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.EndpointSettings;
import io.github.camelbigin.common.options.Header;
import io.github.camelbigin.common.options.Lists;
import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.common.options.ZohoOperation;
import io.github.camelbigin.common.options.ZohoProduct;
import io.github.camelbigin.zoho.http.FilePart;
import io.github.camelbigin.zoho.records.CoqlQuery;
import io.github.camelbigin.zoho.records.RecordQuery;
import io.github.camelbigin.zoho.records.WriteOptions;
import org.apache.camel.Message;

/**
 * What a message asks of an operation — its body and headers, over the endpoint's options — read in one place. A
 * header overrides its option; an argument that is missing or malformed fails before any call, naming where to give
 * it in the product's own header names.
 */
final class MessageArgs {

    private final Message in;
    private final EndpointScope scope;
    private final ZohoConfiguration config;
    private final ZohoProduct product;

    MessageArgs(Message in, EndpointScope scope) {
        this.in = in;
        this.scope = scope;
        this.config = scope.config();
        this.product = scope.product();
    }

    /** The operation: the operation header, else the endpoint's option. */
    ZohoOperation operation() {
        Object header = in.getHeader(name(Header.OPERATION));
        ZohoOperation op = header != null ? product.operation(header) : config.getOperation();
        if (op == null) {
            throw new IllegalArgumentException("No operation for " + scope.label() + ": set the operation option (e.g. "
                                               + scope.label() + "?operation=list) or the " + name(Header.OPERATION)
                                               + " header");
        }
        return op;
    }

    String module() {
        return config.getModule();
    }

    Object body() {
        return in.getBody();
    }

    Message message() {
        return in;
    }

    // ------------------------------------------------------------------ records and ids

    /** The records of the body, in order. */
    List<Map<String, Object>> records(ZohoOperation op) {
        return RecordBodies.records(in.getBody(), op.name());
    }

    /** The body as one object of settings in Zoho's words (a Map, a POJO or JSON); none: an empty map. */
    Map<String, Object> settings(ZohoOperation op) {
        if (in.getBody() == null) {
            return Map.of();
        }
        List<Map<String, Object>> given = RecordBodies.records(in.getBody(), op.name());
        if (given.size() != 1) {
            throw new IllegalArgumentException(op + " on " + scope.label() + " takes one object of settings as its"
                                               + " body, not " + given.size() + ": the records it acts on go in the "
                                               + name(Header.RECORD_IDS) + " header");
        }
        return given.get(0);
    }

    /** The records of an update: the body's, the record id header naming the one record's id. */
    List<Map<String, Object>> recordsToUpdate(ZohoOperation op) {
        List<Map<String, Object>> records = records(op);
        String id = in.getHeader(name(Header.RECORD_ID), String.class);
        if (id != null) {
            if (records.size() != 1) {
                throw new IllegalArgumentException("The " + name(Header.RECORD_ID) + " header names one record, but"
                                                   + " the body holds " + records.size()
                                                   + ": give each record its 'id' instead");
            }
            records.get(0).putIfAbsent("id", id);
        }
        return records;
    }

    /** The ids an operation acts on: the record ids header, else the record id header, else the body. */
    List<String> ids(ZohoOperation op) {
        Object ids = in.getHeader(name(Header.RECORD_IDS));
        if (ids == null) {
            Object one = in.getHeader(name(Header.RECORD_ID));
            if (one != null) {
                List<String> single = RecordBodies.ids(one, op.name());
                if (single.size() != 1) {
                    // a header meant for one record must never delete several
                    throw new IllegalArgumentException("The " + name(Header.RECORD_ID) + " header holds "
                                                       + single.size() + " ids (" + one + "): it names one record;"
                                                       + " put several ids in " + name(Header.RECORD_IDS)
                                                       + " or the body");
                }
                return single;
            }
            ids = in.getBody();
        }
        return nonEmpty(RecordBodies.ids(ids, op.name()), op, "the body, or the " + name(Header.RECORD_IDS) + " or "
                                                              + name(Header.RECORD_ID) + " header");
    }

    /** The ids an operation whose body holds its settings acts on: the record ids header, else the record id header. */
    List<String> headerIds(ZohoOperation op) {
        if (!idsInHeaders()) {
            throw new IllegalArgumentException(op + " on " + scope.label() + " needs the record ids in the "
                                               + name(Header.RECORD_IDS) + " header, or one id in the "
                                               + name(Header.RECORD_ID) + " header (the body holds its settings)");
        }
        Object ids = in.getHeader(name(Header.RECORD_IDS));
        return ids != null ? nonEmpty(RecordBodies.ids(ids, op.name()), op, "the " + name(Header.RECORD_IDS)
                                                                            + " header")
                : List.of(recordId(op, false));
    }

    /** Whether the message names ids in a header (a mass update by ids rather than of a custom view). */
    boolean idsInHeaders() {
        return in.getHeader(name(Header.RECORD_IDS)) != null || in.getHeader(name(Header.RECORD_ID)) != null;
    }

    /** The related records' ids of delinkRelated: the record ids header or the body (the record id names the parent). */
    List<String> relatedIds(ZohoOperation op) {
        Object ids = in.getHeader(name(Header.RECORD_IDS));
        return nonEmpty(RecordBodies.ids(ids != null ? ids : in.getBody(), op.name()), op,
                "the body or the " + name(Header.RECORD_IDS) + " header");
    }

    private List<String> nonEmpty(List<String> ids, ZohoOperation op, String where) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("No record ids for " + op + " on " + scope.label() + ": give them in "
                                               + where);
        }
        return ids;
    }

    /** The one record an operation acts on: the record id header, or (when {@code orBody}) a text or number body. */
    String recordId(ZohoOperation op, boolean orBody) {
        String id = in.getHeader(name(Header.RECORD_ID), String.class);
        if (id == null && orBody && (in.getBody() instanceof CharSequence || in.getBody() instanceof Number)) {
            id = in.getBody().toString().trim();
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(op + " on " + scope.label() + " needs the record's id in the "
                                               + name(Header.RECORD_ID) + " header" + (orBody ? " or the body" : ""));
        }
        return id;
    }

    /** The record id header, or null (users: one user, else all). */
    String recordIdOrNull() {
        return in.getHeader(name(Header.RECORD_ID), String.class);
    }

    String relatedList(ZohoOperation op) {
        String relatedList = in.getHeader(name(Header.RELATED_LIST), config.getRelatedList(), String.class);
        if (relatedList == null || relatedList.isBlank()) {
            throw new IllegalArgumentException(op + " on " + scope.label() + " needs the related list (option"
                                               + " relatedList or header " + name(Header.RELATED_LIST)
                                               + "), e.g. Contacts");
        }
        return relatedList;
    }

    String attachmentId(ZohoOperation op) {
        String id = in.getHeader(name(Header.ATTACHMENT_ID), String.class);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(op + " needs the attachment's id in the " + name(Header.ATTACHMENT_ID)
                                               + " header (the attachments operation lists them)");
        }
        return id;
    }

    /** The body as the file of an upload. */
    FilePart file(ZohoOperation op) {
        return FileBodies.part(in, op.name());
    }

    /** The tag names: the tags header, else the tags option; fails naming both when there are none. */
    List<String> tags(ZohoOperation op) {
        List<String> tags = Lists.of(in.getHeader(name(Header.TAGS)), config.getTags());
        if (tags == null || tags.isEmpty()) {
            throw new IllegalArgumentException("No tag names given for " + op + " on " + scope.label() + ": name one"
                                               + " or more in the tags option (e.g. tags=Hot,Renewal) or the "
                                               + name(Header.TAGS) + " header");
        }
        return tags;
    }

    /** The names createTags creates: the tags header or option, else the body's names. */
    List<String> tagsToCreate(ZohoOperation op) {
        if (in.getHeader(name(Header.TAGS)) != null || in.getBody() == null) {
            return tags(op);
        }
        List<String> names = Lists.of(RecordBodies.names(in.getBody()), null);
        if (names == null || names.isEmpty()) {
            return tags(op);
        }
        return names;
    }

    /** The Maton connection: the connection id header, else the connectionId option. */
    String connectionId(ZohoOperation op) {
        String id = in.getHeader(name(Header.CONNECTION_ID), config.getConnectionId(), String.class);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(op + " needs the Maton connection's id: the "
                                               + name(Header.CONNECTION_ID) + " header or the connectionId option"
                                               + " (listConnections shows them)");
        }
        return id;
    }

    // ------------------------------------------------------------------ reads

    /** The fields to read: the fields header, else the option; null for every field. */
    List<String> fields() {
        return Lists.of(in.getHeader(name(Header.FIELDS)), config.getFields());
    }

    /** A read of pages: the fields, sort, view, approval and paging the options and headers give. */
    RecordQuery query() {
        return RecordQuery.create().fields(fields()).sortBy(nameOf(config.getSortBy()))
                .sortOrder(nameOf(config.getSortOrder())).cvid(config.getCvid()).approved(config.getApproved())
                .perPage(config.getPerPage()).page(config.getPage()).maxRecords(config.getMaxRecords());
    }

    /** A search: the criteria, email, phone and word headers, else (when none is set) the options. */
    RecordQuery searchQuery() {
        String criteria = in.getHeader(name(Header.CRITERIA), String.class);
        String email = in.getHeader(name(Header.EMAIL), String.class);
        String phone = in.getHeader(name(Header.PHONE), String.class);
        String word = in.getHeader(name(Header.WORD), String.class);
        if (criteria == null && email == null && phone == null && word == null) {
            criteria = config.getCriteria();
            email = config.getEmail();
            phone = config.getPhone();
            word = config.getWord();
        }
        return query().criteria(criteria).email(email).phone(phone).word(word);
    }

    /** The criteria of a count: the criteria header, else the option. */
    String criteria() {
        return in.getHeader(name(Header.CRITERIA), config.getCriteria(), String.class);
    }

    /** The COQL query a message or the endpoint gives: the query header, else a text body, else the option; or null. */
    String queryText() {
        String text = in.getHeader(name(Header.QUERY), String.class);
        if (text == null && in.getBody() instanceof CharSequence body && !body.toString().isBlank()) {
            text = body.toString();
        }
        return text != null ? text : config.getQuery();
    }

    /**
     * The COQL query of a message, its :name parameters bound from the query parameters header, else from the
     * headers; checked against the product's limits and the endpoint's module. A count without a query counts the
     * whole module.
     */
    CoqlQuery coqlQuery(boolean required) {
        String text = queryText();
        if (text == null && !required) {
            text = "select id from " + module();
        }
        if (text == null) {
            throw new IllegalArgumentException("The coql operation of " + scope.label() + " needs a query: put it in"
                                               + " the body, the " + name(Header.QUERY) + " header or the query"
                                               + " option, e.g. select Last_Name from " + module()
                                               + " where Email = :email");
        }
        Map<?, ?> parameters = in.getHeader(name(Header.QUERY_PARAMETERS), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, ?> bound = parameters != null ? (Map<String, ?>) parameters : in.getHeaders();
        return EndpointSettings.checkModule(product, CoqlQuery.parse(product.api(), text, bound), module());
    }

    /** The bulk read's criteria: the bulk criteria header (a Map or JSON), else the option as checked. */
    @SuppressWarnings("unchecked")
    Map<String, Object> bulkCriteria() {
        Object criteria = in.getHeader(name(Header.BULK_CRITERIA));
        if (criteria == null) {
            return scope.settings().bulkCriteria();
        }
        return criteria instanceof Map ? (Map<String, Object>) criteria
                : EndpointSettings.bulkCriteria(criteria.toString());
    }

    /** Where a bulk write puts its zip files: bulkWorkDir, else the JVM's temporary directory. */
    Path workDir() {
        return Path.of(config.getBulkWorkDir() != null ? config.getBulkWorkDir() : System.getProperty("java.io.tmpdir"));
    }

    // ------------------------------------------------------------------ writes

    /** The duplicate-check fields: the header, else the option; null: the module's own. */
    List<String> duplicateCheckFields() {
        return Lists.of(in.getHeader(name(Header.DUPLICATE_CHECK_FIELDS)), config.getDuplicateCheckFields());
    }

    /** How records are written: batch size, failure mode, triggers, duplicate checks, external ids. */
    WriteOptions writeOptions() {
        WriteOptions options = WriteOptions.create().batchSize(config.getBatchSize())
                .failOnRecordError(config.isFailOnRecordError());
        String trigger = config.getTrigger();
        if (trigger != null && !trigger.isBlank()) {
            options.trigger("none".equalsIgnoreCase(trigger.trim()) ? List.of() : Lists.split(trigger));
        }
        return options.duplicateCheckFields(duplicateCheckFields()).externalField(config.externalField())
                .subformRows(config.subformRows());
    }

    private String name(Header header) {
        return product.header(header);
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
