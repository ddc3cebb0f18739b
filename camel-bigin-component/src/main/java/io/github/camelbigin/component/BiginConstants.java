package io.github.camelbigin.component;

import org.apache.camel.spi.Metadata;

/** The message headers the {@code bigin:} component reads and sets. */
public final class BiginConstants {

    @Metadata(label = "producer", description = "The operation to perform; overrides the endpoint's operation option"
                                                + " for this message (create, get, list, update, upsert, delete,"
                                                + " search, deleted, related, coql, count, massUpdate, bulkRead,"
                                                + " bulkWrite, addTags, removeTags, tags,"
                                                + " createTags, notes, createNotes, updateNotes, deleteNotes,"
                                                + " updateRelated, delinkRelated, attachments, uploadAttachment,"
                                                + " downloadAttachment, deleteAttachment, uploadPhoto, downloadPhoto,"
                                                + " deletePhoto, listConnections, createConnection, getConnection,"
                                                + " deleteConnection, awaitConnection, authorize, modules, fields,"
                                                + " layouts, users, org).",
              javaType = "String")
    public static final String OPERATION = "CamelBiginOperation";

    @Metadata(description = "The field an upsert of one record matched an existing record on (e.g. Email), set when"
                            + " the upsert updated rather than inserted.", javaType = "String")
    public static final String DUPLICATE_FIELD = "CamelBiginDuplicateField";

    @Metadata(description = "The id of one record: read by get, update (for a single record without id), delete,"
                            + " related and users (one user); set by get and by single-record writes; set by the"
                            + " consumer on each record.",
              javaType = "String")
    public static final String RECORD_ID = "CamelBiginRecordId";

    @Metadata(description = "The ids to delete, as a List or a comma-separated String; used when the body holds no"
                            + " ids. Set by the consumer with useIterator=false: the ids of the body's records, in"
                            + " order.",
              javaType = "java.util.List<String>")
    public static final String RECORD_IDS = "CamelBiginRecordIds";

    @Metadata(label = "producer", description = "Search criteria such as (Last_Name:equals:Watson); overrides the"
                                                + " criteria option.",
              javaType = "String")
    public static final String CRITERIA = "CamelBiginCriteria";

    @Metadata(label = "producer", description = "Search by email; overrides the email option.", javaType = "String")
    public static final String EMAIL = "CamelBiginEmail";

    @Metadata(label = "producer", description = "Search by phone; overrides the phone option.", javaType = "String")
    public static final String PHONE = "CamelBiginPhone";

    @Metadata(label = "producer", description = "Search by word; overrides the word option.", javaType = "String")
    public static final String WORD = "CamelBiginWord";

    @Metadata(label = "producer", description = "The fields to read, as a List or a comma-separated String; overrides"
                                                + " the fields option.",
              javaType = "String")
    public static final String FIELDS = "CamelBiginFields";

    @Metadata(label = "producer", description = "The related list to read with the related operation (e.g. Contacts,"
                                                + " Notes); overrides the relatedList option.",
              javaType = "String")
    public static final String RELATED_LIST = "CamelBiginRelatedList";

    @Metadata(label = "producer", description = "The fields that match records on upsert, as a List or a"
                                                + " comma-separated String; overrides the duplicateCheckFields option.",
              javaType = "String")
    public static final String DUPLICATE_CHECK_FIELDS = "CamelBiginDuplicateCheckFields";

    @Metadata(description = "The number of records read or written (not set for streaming reads); set by the consumer"
                            + " with useIterator=false: the number of records in the body.",
              javaType = "Integer")
    public static final String RECORD_COUNT = "CamelBiginRecordCount";

    @Metadata(label = "producer", description = "True when a read stopped before the last matching record (maxRecords"
                                                + " or page), so Bigin holds more.",
              javaType = "Boolean")
    public static final String MORE_RECORDS = "CamelBiginMoreRecords";

    @Metadata(label = "consumer", description = "The module the record belongs to.", javaType = "String")
    public static final String MODULE = "CamelBiginModule";

    @Metadata(label = "consumer", description = "What happened to the record: created, updated or deleted.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelBiginEventType";

    @Metadata(label = "consumer", description = "With useIterator=false: each record's event type (created, updated or"
                                                + " deleted), in the order of the body's List.",
              javaType = "java.util.List<String>")
    public static final String EVENT_TYPES = "CamelBiginEventTypes";

    @Metadata(label = "consumer", description = "The record's Modified_Time (for deleted records: the deletion time),"
                                                + " with its offset.",
              javaType = "java.time.OffsetDateTime")
    public static final String MODIFIED_TIME = "CamelBiginModifiedTime";

    @Metadata(label = "consumer", description = "For deleted records: when the record was deleted.",
              javaType = "java.time.OffsetDateTime")
    public static final String DELETED_TIME = "CamelBiginDeletedTime";

    @Metadata(label = "consumer", description = "For deleted records: the user who deleted it ({name, id}).",
              javaType = "java.util.Map<String, Object>")
    public static final String DELETED_BY = "CamelBiginDeletedBy";

    @Metadata(label = "consumer", description = "What made the poll that found the record: poll (polling mode), or in"
                                                + " push mode notification (a callback) or reconciliation (the"
                                                + " reconcileInterval safety net); initialLoad for the records of an"
                                                + " initialLoad=bulk.",
              javaType = "String")
    public static final String TRIGGER = "CamelBiginTrigger";

    @Metadata(label = "consumer", description = "On deleted records: true when the poll that found them could not reach"
                                                + " back to the consumer's watermark (more than 2,000 records deleted"
                                                + " since the last poll: Bigin's deleted list pages no further), so"
                                                + " older deletions may be missing. Poll more often.",
              javaType = "Boolean")
    public static final String DELETIONS_MAY_BE_MISSING = "CamelBiginDeletionsMayBeMissing";

    @Metadata(label = "producer", description = "The COQL select of the coql and count operations, e.g. select"
                                                + " Last_Name, Email from Contacts where Email = :email; overrides the"
                                                + " body and the query option.",
              javaType = "String")
    public static final String QUERY = "CamelBiginQuery";

    @Metadata(label = "producer", description = "The values of a COQL query's :name parameters, escaped by the"
                                                + " component; without this header they are taken from the headers"
                                                + " of the same names.",
              javaType = "java.util.Map<String, Object>")
    public static final String QUERY_PARAMETERS = "CamelBiginQueryParameters";

    @Metadata(label = "producer", description = "The tag names of addTags, removeTags and createTags, as a List or a"
                                                + " comma-separated String; overrides the tags option.",
              javaType = "String")
    public static final String TAGS = "CamelBiginTags";

    @Metadata(label = "producer", description = "The id of the attachment downloadAttachment and deleteAttachment"
                                                + " act on.",
              javaType = "String")
    public static final String ATTACHMENT_ID = "CamelBiginAttachmentId";

    @Metadata(label = "producer", description = "The criteria of a bulkRead, in Bigin's bulk form ({api_name,"
                                                + " comparator, value} or {group_operator, group}), as a Map or JSON;"
                                                + " overrides the bulkCriteria option.",
              javaType = "java.util.Map<String, Object>")
    public static final String BULK_CRITERIA = "CamelBiginBulkCriteria";

    @Metadata(label = "producer", description = "The Maton connection getConnection, deleteConnection and"
                                                + " awaitConnection act on (overrides the connectionId option); set"
                                                + " by createConnection.",
              javaType = "String")
    public static final String CONNECTION_ID = "CamelBiginConnectionId";

    @Metadata(description = "With a creditBudget: the credits the connection spent in the last 24 hours, after this"
                            + " call.", javaType = "Long")
    public static final String CREDITS_SPENT = "CamelBiginCreditsSpent";

    @Metadata(description = "With a creditBudget: the credits left of it for the next 24 hours.", javaType = "Long")
    public static final String CREDITS_REMAINING = "CamelBiginCreditsRemaining";

    @Metadata(label = "producer", description = "Set by authorize: the API domain of the endpoint's connection, e.g."
                                                + " https://www.zohoapis.com, for a call to another Zoho API.",
              javaType = "String")
    public static final String API_DOMAIN = "CamelBiginApiDomain";

    private BiginConstants() {
    }
}
