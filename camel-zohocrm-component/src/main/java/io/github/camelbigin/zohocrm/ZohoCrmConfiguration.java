package io.github.camelbigin.zohocrm;

import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.common.options.ZohoOperation;
import io.github.camelbigin.zoho.credits.CrmEdition;
import io.github.camelbigin.zoho.records.SubformRows;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of the {@code zohocrm:} component and its endpoints: the family's ({@link ZohoConfiguration}), in
 * Zoho CRM's words the module, the operations Zoho CRM offers and its COQL limits, and the options only Zoho CRM has
 * (the org's edition, external ids, notification conditions, subform rows, composite rollback).
 */
@UriParams
public class ZohoCrmConfiguration extends ZohoConfiguration {

    /** The operations {@code zohocrm:} offers, as its catalog lists them (a test holds them to the family's). */
    static final String OPERATIONS = "create,get,list,update,upsert,delete,search,deleted,related,coql,count,massUpdate,"
            + "bulkRead,bulkWrite,addTags,removeTags,tags,createTags,notes,createNotes,updateNotes,"
            + "deleteNotes,updateRelated,delinkRelated,attachments,uploadAttachment,downloadAttachment,"
            + "deleteAttachment,uploadPhoto,downloadPhoto,deletePhoto,listConnections,createConnection,"
            + "getConnection,deleteConnection,awaitConnection,authorize,modules,fields,layouts,users,"
            + "org,convertLead,changeOwner,blueprint,transition,sendMail,recycleBin,restore,purge,"
            + "composite";

    @UriPath(description = "The API name of the module, case-sensitive: Leads, Contacts, Accounts, Deals, Tasks,"
                           + " Events, Calls, Products, Quotes, Sales_Orders, Purchase_Orders, Invoices, Campaigns,"
                           + " Vendors, Cases, Solutions, or a custom module's API name.")
    @Metadata(required = true)
    private String module;

    @UriParam(label = "producer", enums = OPERATIONS,
              description = "The operation to perform. The CamelZohoCrmOperation header overrides it per message.")
    private ZohoOperation operation;

    @UriParam(label = "producer",
              description = "The COQL select of the coql and count operations, e.g. select Last_Name, Email from"
                            + " Leads where Email = :email. :name parameters are bound from the"
                            + " CamelZohoCrmQueryParameters header (or the headers of those names) and escaped."
                            + " Without LIMIT every matching record is read, 2,000 a call (by id past COQL's"
                            + " 100,000-record LIMIT and OFFSET reach); with LIMIT (at most 2,000) and OFFSET (at most"
                            + " 98,000) one page. The body or the CamelZohoCrmQuery header overrides it.")
    private String query;

    @UriParam(label = "advanced",
              description = "The org's edition, whose concurrency limit (Free 5, Standard 10, Professional 15,"
                            + " Enterprise 20, Ultimate 25 calls at once; heavy calls such as search and COQL 10) the"
                            + " connection keeps to, waiting for a slot rather than spending a 429. Empty: no limit"
                            + " but maxConnections.")
    private CrmEdition edition;

    @UriParam(label = "producer",
              description = "The external-id field (e.g. External_Contact_ID) by which get, update and delete identify"
                            + " records instead of their id (Zoho's X-EXTERNAL header): get and delete take its values"
                            + " as ids, update reads it from each record.")
    private String externalField;

    @UriParam(label = "consumer",
              description = "With notifications=true: the fields, comma-separated (at most 10), whose changes call"
                            + " back at once; an edit of other fields makes no callback and is delivered by the next"
                            + " safety-net poll (reconcileInterval). Fewer callbacks, fewer polls. Empty: every change"
                            + " calls back.")
    private String notifyFields;

    @UriParam(label = "producer", defaultValue = "keep",
              description = "What an update does with the rows of a subform (line items: a Quote's Quoted_Items,"
                            + " Sales_Orders' Ordered_Items, Invoiced_Items, Purchase_Items) or a multi-select"
                            + " lookup's links it sends without naming every existing row. keep: the rows it does not"
                            + " name stay (read first: one more call per 100 records that send such a field), a row"
                            + " marked \"_delete\" is removed, and each result says how many rows were kept."
                            + " replace: the field becomes what the update sends, as Zoho does it.")
    private SubformRows subformRows = SubformRows.keep;

    @UriParam(label = "producer", defaultValue = "false",
              description = "composite: undo every sub-request when one fails (Zoho runs them in order and reverts"
                            + " what the others did), so a parent and its children are written together or not at"
                            + " all.")
    private boolean rollbackOnFail;

    @Override
    public ZohoCrmConfiguration copy() {
        return (ZohoCrmConfiguration) super.copy();
    }

    @Override
    public CrmEdition edition() {
        return edition;
    }

    @Override
    public void useEdition(CrmEdition edition) {
        this.edition = edition;
    }

    @Override
    public String externalField() {
        return externalField;
    }

    @Override
    public String notifyFields() {
        return notifyFields;
    }

    @Override
    public SubformRows subformRows() {
        return subformRows;
    }

    @Override
    public boolean rollbackOnFail() {
        return rollbackOnFail;
    }

    @Override
    public String getModule() {
        return module;
    }

    @Override
    public void setModule(String module) {
        this.module = module;
    }

    @Override
    public ZohoOperation getOperation() {
        return operation;
    }

    @Override
    public void setOperation(ZohoOperation operation) {
        this.operation = operation;
    }

    @Override
    public String getQuery() {
        return query;
    }

    @Override
    public void setQuery(String query) {
        this.query = query;
    }

    public CrmEdition getEdition() {
        return edition;
    }

    public void setEdition(CrmEdition edition) {
        this.edition = edition;
    }

    public String getExternalField() {
        return externalField;
    }

    public void setExternalField(String externalField) {
        this.externalField = externalField;
    }

    public String getNotifyFields() {
        return notifyFields;
    }

    public void setNotifyFields(String notifyFields) {
        this.notifyFields = notifyFields;
    }

    public SubformRows getSubformRows() {
        return subformRows;
    }

    public void setSubformRows(SubformRows subformRows) {
        this.subformRows = subformRows;
    }

    public boolean isRollbackOnFail() {
        return rollbackOnFail;
    }

    public void setRollbackOnFail(boolean rollbackOnFail) {
        this.rollbackOnFail = rollbackOnFail;
    }
}
