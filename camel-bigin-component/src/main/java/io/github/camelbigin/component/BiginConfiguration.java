package io.github.camelbigin.component;

import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.common.options.ZohoOperation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of the {@code bigin:} component and its endpoints: the family's ({@link ZohoConfiguration}), and in
 * Bigin's words the module, the operations Bigin offers and its COQL limits.
 */
@UriParams
public class BiginConfiguration extends ZohoConfiguration {

    /** The operations {@code bigin:} offers, as its catalog lists them (a test holds them to the family's). */
    static final String OPERATIONS = "create,get,list,update,upsert,delete,search,deleted,related,coql,count,bulkRead,"
            + "bulkWrite,addTags,removeTags,tags,createTags,notes,createNotes,updateNotes,deleteNotes,"
            + "updateRelated,delinkRelated,attachments,uploadAttachment,downloadAttachment,"
            + "deleteAttachment,uploadPhoto,downloadPhoto,deletePhoto,listConnections,createConnection,"
            + "getConnection,deleteConnection,awaitConnection,authorize,modules,fields,layouts,users,"
            + "org";

    @UriPath(description = "The API name of the module, case-sensitive: Contacts, Accounts (shown as Companies),"
                           + " Pipelines (deals), Products, Tasks, Events, Calls, Notes, or a custom module's API"
                           + " name.")
    @Metadata(required = true)
    private String module;

    @UriParam(label = "producer", enums = OPERATIONS,
              description = "The operation to perform. The CamelBiginOperation header overrides it per message.")
    private ZohoOperation operation;

    @UriParam(label = "producer",
              description = "The COQL select of the coql and count operations, e.g. select Last_Name, Email from"
                            + " Contacts where Email = :email. :name parameters are bound from the"
                            + " CamelBiginQueryParameters header (or the headers of those names) and escaped. Without"
                            + " LIMIT every matching record is read, 200 a call (by id past COQL's 10,000-record"
                            + " OFFSET reach); with LIMIT (at most 200) and OFFSET (at most 9,800) one page. The"
                            + " body or the CamelBiginQuery header overrides it.")
    private String query;

    @Override
    public BiginConfiguration copy() {
        return (BiginConfiguration) super.copy();
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
}
