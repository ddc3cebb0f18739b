package io.github.camelbigin.common.options;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelbigin.zoho.api.Feature;
import io.github.camelbigin.zoho.api.ZohoApi;

/**
 * What a producer of the family does with a message. Each product offers those its API has (an operation that needs
 * a {@link Feature} is offered only where the API lists it), and names them in its catalog; the producer hands each
 * {@link Group} to one handler.
 */
public enum ZohoOperation {
    /** Create records (Map, POJO, JSON or a list of them), 100 a call. */
    create(Group.RECORDS, null),
    /** Read one record by id. */
    get(Group.READS, null),
    /** Read every record of the module (or one page), 200 a call. */
    list(Group.READS, null),
    /** Update records identified by their id, 100 a call. */
    update(Group.RECORDS, null),
    /** Insert or update records matched on the duplicate-check fields, 100 a call. */
    upsert(Group.RECORDS, null),
    /** Delete records by id, 100 a call. */
    delete(Group.RECORDS, null),
    /** Find records by criteria, email, phone or word. */
    search(Group.READS, null),
    /** Read the module's deleted records. */
    deleted(Group.READS, null),
    /** Read a related list of one record (e.g. the Contacts or Notes of an Account). */
    related(Group.READS, null),
    /** Run a COQL select (body, header or query option) and read every record it matches, 200 a call. */
    coql(Group.READS, null),
    /**
     * Count the records a COQL select matches (or the whole module): one call, select count(id); on Zoho CRM without a
     * query, GET /actions/count of the module, the criteria or the cvid view.
     */
    count(Group.READS, null),
    /**
     * Zoho CRM: set the body's field values (a Map) on the records in the record ids header (100 a call, a result each),
     * or with cvid on every record of that custom view (one job, awaited).
     */
    massUpdate(Group.RECORDS, Feature.RECORD_ACTIONS),
    /** Export the module's records (bulkCriteria, fields) by bulk-read jobs: 50 credits per 200,000 records. */
    bulkRead(Group.BULK, null),
    /** Insert, update or upsert (bulkOperation) the body's records by bulk-write jobs: 500 credits per 25,000. */
    bulkWrite(Group.BULK, null),
    /** Add tags (tags option or tags header) to records by id, 500 a call. */
    addTags(Group.RECORDS, null),
    /** Remove tags from records by id, 100 a call. */
    removeTags(Group.RECORDS, null),
    /** Read the module's tags. */
    tags(Group.METADATA, null),
    /** Create tags in the module (names in the body, the tags header or the tags option). */
    createTags(Group.RECORDS, null),
    /** Read the notes of a record (its id in the record id header or the body). */
    notes(Group.READS, null),
    /** Create notes (Note_Title, Note_Content) on the record in the record id header, 100 a call. */
    createNotes(Group.RECORDS, null),
    /** Update notes by their id (Note_Title, Note_Content), 100 a call. */
    updateNotes(Group.RECORDS, null),
    /** Delete notes by id, 100 a call. */
    deleteNotes(Group.RECORDS, null),
    /** Relate records of relatedList to the record in the record id header, updating the fields each carries. */
    updateRelated(Group.RECORDS, null),
    /** Delink records of relatedList (ids in the body or the record ids header) from the record in the record id header. */
    delinkRelated(Group.RECORDS, null),
    /** Read the attachments of the record in the record id header (or the body). */
    attachments(Group.FILES, null),
    /** Attach the body (a file, bytes or a stream, named by CamelFileName) to the record in the record id header. */
    uploadAttachment(Group.FILES, null),
    /** Download the attachment in the attachment id header of the record in the record id header, as a stream. */
    downloadAttachment(Group.FILES, null),
    /** Delete the attachment in the attachment id header of the record in the record id header. */
    deleteAttachment(Group.FILES, null),
    /** Set the photo of the record in the record id header to the body (named by CamelFileName). */
    uploadPhoto(Group.FILES, null),
    /** Download the photo of the record in the record id header (or the body), as a stream. */
    downloadPhoto(Group.FILES, null),
    /** Remove the photo of the record in the record id header. */
    deletePhoto(Group.FILES, null),
    /** List the Maton connections of connectionApp (in connectionStatus): needs apiKey. */
    listConnections(Group.CONNECTIONS, null),
    /** Create a Maton connection to connectionApp; the body holds the url a person opens to authorise it. */
    createConnection(Group.CONNECTIONS, null),
    /** Read the Maton connection in the connection id header (or connectionId). */
    getConnection(Group.CONNECTIONS, null),
    /** Delete the Maton connection in the connection id header (or connectionId). */
    deleteConnection(Group.CONNECTIONS, null),
    /** Wait (up to connectionTimeout) until the Maton connection in the connection id header is ACTIVE. */
    awaitConnection(Group.CONNECTIONS, null),
    /**
     * Make no call to the API: set the Authorization header (and Maton-Connection, when there is one) of the endpoint's
     * connection, and the API domain header, for a following call to another Zoho API the token's scopes cover.
     */
    authorize(Group.CONNECTIONS, null),
    /** Read the org's modules. */
    modules(Group.METADATA, null),
    /** Read the module's fields. */
    fields(Group.METADATA, null),
    /** Read the module's layouts. */
    layouts(Group.METADATA, null),
    /** Read the org's users. */
    users(Group.METADATA, null),
    /** Read the organization. */
    org(Group.METADATA, null),
    /**
     * Zoho CRM: convert the lead in the record id header (the body: Zoho's conversion settings, e.g. a Deal to create;
     * the result names the Contact, Account and Deal), or the leads in the record ids header by mass-conversion jobs
     * of 50 (the body's assign_to is then needed; the result counts what each job did).
     */
    convertLead(Group.ACTIONS, Feature.RECORD_ACTIONS),
    /**
     * Zoho CRM: give the records in the record ids header (or the record id header) the owner of the body's
     * {"owner": {"id": …}} (and notify, related_modules), 100 a call; with cvid and no ids, every record of that view
     * by one job.
     */
    changeOwner(Group.ACTIONS, Feature.RECORD_ACTIONS),
    /** Zoho CRM: read the blueprint of the record in the record id header: the transitions it can take now. */
    blueprint(Group.ACTIONS, Feature.RECORD_ACTIONS),
    /**
     * Zoho CRM: perform a blueprint transition on the record in the record id header; the body holds transition_id and
     * the data (fields) it needs.
     */
    transition(Group.ACTIONS, Feature.RECORD_ACTIONS),
    /** Zoho CRM: send the body's mail (from, to, subject, content or template, attachments) from the record. */
    sendMail(Group.ACTIONS, Feature.RECORD_ACTIONS),
    /** Zoho CRM: read the module's records in the recycle bin, newest deletion first. */
    recycleBin(Group.ACTIONS, Feature.RECYCLE_BIN),
    /** Zoho CRM: restore records (ids in the body or the record ids header) from the recycle bin, 100 a call. */
    restore(Group.ACTIONS, Feature.RECYCLE_BIN),
    /** Zoho CRM: delete records (ids in the body or the record ids header) from the recycle bin for good. */
    purge(Group.ACTIONS, Feature.RECYCLE_BIN),
    /**
     * Zoho CRM: up to five calls in one (the body: a List of sub-requests, each method, uri, and optionally
     * sub_request_id, params, body), all or nothing with rollbackOnFail; a result per sub-request, in order.
     */
    composite(Group.ACTIONS, Feature.COMPOSITE);

    /** The families of operations, each served by one handler of the producer. */
    public enum Group {
        RECORDS, READS, BULK, FILES, METADATA, CONNECTIONS, ACTIONS
    }

    private final Group group;
    private final Feature needs;

    ZohoOperation(Group group, Feature needs) {
        this.group = group;
        this.needs = needs;
    }

    public Group group() {
        return group;
    }

    /** Whether {@code api} has this operation. */
    public boolean isOffered(ZohoApi api) {
        return needs == null || api.has(needs);
    }

    /** The operations {@code api} has, in declaration order. */
    public static Set<ZohoOperation> offeredBy(ZohoApi api) {
        Set<ZohoOperation> ops = EnumSet.noneOf(ZohoOperation.class);
        for (ZohoOperation op : values()) {
            if (op.isOffered(api)) {
                ops.add(op);
            }
        }
        return Collections.unmodifiableSet(ops);
    }

    /** The names of {@code ops}, comma-separated, as a catalog lists them. */
    public static String names(Set<ZohoOperation> ops) {
        return ops.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The constant named {@code text} (any case), or null when none is. */
    static ZohoOperation named(String text) {
        String name = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(op -> op.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }
}
