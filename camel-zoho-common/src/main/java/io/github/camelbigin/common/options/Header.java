package io.github.camelbigin.common.options;

/**
 * The message headers of the family, by the name each product's header carries after its prefix: {@code RECORD_ID}
 * is {@code CamelBiginRecordId} on {@code bigin:} and {@code CamelZohoCrmRecordId} on {@code zohocrm:}. Each product's
 * constants class (with the descriptions its catalog shows) is derived at build time from
 * {@code src/main/headers/HeaderConstants.java.template}; a test of each product checks that it names exactly these.
 */
public enum Header {
    OPERATION("Operation"),
    DUPLICATE_FIELD("DuplicateField"),
    RECORD_ID("RecordId"),
    RECORD_IDS("RecordIds"),
    CRITERIA("Criteria"),
    EMAIL("Email"),
    PHONE("Phone"),
    WORD("Word"),
    FIELDS("Fields"),
    RELATED_LIST("RelatedList"),
    DUPLICATE_CHECK_FIELDS("DuplicateCheckFields"),
    RECORD_COUNT("RecordCount"),
    MORE_RECORDS("MoreRecords"),
    MODULE("Module"),
    EVENT_TYPE("EventType"),
    EVENT_TYPES("EventTypes"),
    MODIFIED_TIME("ModifiedTime"),
    DELETED_TIME("DeletedTime"),
    DELETED_BY("DeletedBy"),
    TRIGGER("Trigger"),
    DELETIONS_MAY_BE_MISSING("DeletionsMayBeMissing"),
    QUERY("Query"),
    QUERY_PARAMETERS("QueryParameters"),
    TAGS("Tags"),
    ATTACHMENT_ID("AttachmentId"),
    BULK_CRITERIA("BulkCriteria"),
    CONNECTION_ID("ConnectionId"),
    CREDITS_SPENT("CreditsSpent"),
    CREDITS_REMAINING("CreditsRemaining"),
    API_DOMAIN("ApiDomain");

    private final String suffix;

    Header(String suffix) {
        this.suffix = suffix;
    }

    /** The header's name after the product's prefix, e.g. {@code RecordId}. */
    public String suffix() {
        return suffix;
    }
}
