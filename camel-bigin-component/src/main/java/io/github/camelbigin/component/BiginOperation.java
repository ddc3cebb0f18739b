package io.github.camelbigin.component;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a {@code bigin:} producer does with a message. */
public enum BiginOperation {
    /** Create records (Map, POJO, JSON or a list of them), 100 a call. */
    create,
    /** Read one record by id. */
    get,
    /** Read every record of the module (or one page), 200 a call. */
    list,
    /** Update records identified by their id, 100 a call. */
    update,
    /** Insert or update records matched on the duplicate-check fields, 100 a call. */
    upsert,
    /** Delete records by id, 100 a call. */
    delete,
    /** Find records by criteria, email, phone or word. */
    search,
    /** Read the module's deleted records. */
    deleted,
    /** Read a related list of one record (e.g. the Contacts or Notes of an Account). */
    related,
    /** Run a COQL select (body, header or query option) and read every record it matches, 200 a call. */
    coql,
    /**
     * Count the records a COQL select matches (or the whole module): one call, select count(id); on Zoho CRM without a
     * query, GET /actions/count of the module, the criteria or the cvid view.
     */
    count,
    /**
     * Zoho CRM: set the body's field values (a Map) on the records in CamelBiginRecordIds (100 a call, a result each),
     * or with cvid on every record of that custom view (one job, awaited).
     */
    massUpdate,
    /** Export the module's records (bulkCriteria, fields) by bulk-read jobs: 50 credits per 200,000 records. */
    bulkRead,
    /** Insert, update or upsert (bulkOperation) the body's records by bulk-write jobs: 500 credits per 25,000. */
    bulkWrite,
    /** Add tags (tags option or CamelBiginTags header) to records by id, 500 a call. */
    addTags,
    /** Remove tags from records by id, 100 a call. */
    removeTags,
    /** Read the module's tags. */
    tags,
    /** Create tags in the module (names in the body, the CamelBiginTags header or the tags option). */
    createTags,
    /** Read the notes of a record (its id in CamelBiginRecordId or the body). */
    notes,
    /** Create notes (Note_Title, Note_Content) on the record in CamelBiginRecordId, 100 a call. */
    createNotes,
    /** Update notes by their id (Note_Title, Note_Content), 100 a call. */
    updateNotes,
    /** Delete notes by id, 100 a call. */
    deleteNotes,
    /** Relate records of relatedList to the record in CamelBiginRecordId, updating the fields each carries. */
    updateRelated,
    /** Delink records of relatedList (ids in the body or CamelBiginRecordIds) from the record in CamelBiginRecordId. */
    delinkRelated,
    /** Read the attachments of the record in CamelBiginRecordId (or the body). */
    attachments,
    /** Attach the body (a file, bytes or a stream, named by CamelFileName) to the record in CamelBiginRecordId. */
    uploadAttachment,
    /** Download the attachment in CamelBiginAttachmentId of the record in CamelBiginRecordId, as a stream. */
    downloadAttachment,
    /** Delete the attachment in CamelBiginAttachmentId of the record in CamelBiginRecordId. */
    deleteAttachment,
    /** Set the photo of the record in CamelBiginRecordId to the body (named by CamelFileName). */
    uploadPhoto,
    /** Download the photo of the record in CamelBiginRecordId (or the body), as a stream. */
    downloadPhoto,
    /** Remove the photo of the record in CamelBiginRecordId. */
    deletePhoto,
    /** List the Maton connections of connectionApp (in connectionStatus): needs apiKey. */
    listConnections,
    /** Create a Maton connection to connectionApp; the body holds the url a person opens to authorise it. */
    createConnection,
    /** Read the Maton connection in CamelBiginConnectionId (or connectionId). */
    getConnection,
    /** Delete the Maton connection in CamelBiginConnectionId (or connectionId). */
    deleteConnection,
    /** Wait (up to connectionTimeout) until the Maton connection in CamelBiginConnectionId is ACTIVE. */
    awaitConnection,
    /**
     * Make no Bigin call: set the Authorization header (and Maton-Connection, when there is one) of the endpoint's
     * connection, and CamelBiginApiDomain, for a following call to another Zoho API the token's scopes cover.
     */
    authorize,
    /** Read the org's modules. */
    modules,
    /** Read the module's fields. */
    fields,
    /** Read the module's layouts. */
    layouts,
    /** Read the org's users. */
    users,
    /** Read the organization. */
    org;

    /** Parses an operation name (any case), with an error that lists the valid names. */
    public static BiginOperation parse(Object value) {
        if (value instanceof BiginOperation) {
            return (BiginOperation) value;
        }
        String name = value == null ? "" : value.toString().trim();
        for (BiginOperation op : values()) {
            if (op.name().equalsIgnoreCase(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown Bigin operation '" + value + "': use one of "
                                           + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
