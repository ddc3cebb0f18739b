package io.github.camelbigin.common.options;

import io.github.camelbigin.zoho.auth.DataCenter;
import io.github.camelbigin.zoho.credits.CrmEdition;
import io.github.camelbigin.zoho.bulk.BulkOperation;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.feed.ChangeDetection;
import io.github.camelbigin.zoho.feed.InitialLoadMode;
import io.github.camelbigin.zoho.maton.MatonStatus;
import io.github.camelbigin.zoho.metadata.UserType;
import io.github.camelbigin.zoho.records.Approval;
import io.github.camelbigin.zoho.records.DeletedType;
import io.github.camelbigin.zoho.records.SortBy;
import io.github.camelbigin.zoho.records.SortOrder;
import io.github.camelbigin.zoho.records.SubformRows;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options every product of the family has. Each product's configuration adds its own (its module's examples, the
 * operations it offers, its COQL limits, options only its API has), so each catalog lists exactly what that product
 * accepts. Fields, getters and setters only: the options are checked once, at endpoint creation, by
 * {@link EndpointSettings}.
 */
@UriParams
public abstract class ZohoConfiguration implements Cloneable {

    // ------------------------------------------------------------------ what

    @UriParam(label = "common", description = "The fields to read, comma-separated. When empty, every field of the"
                                              + " module is read: its field metadata is fetched once and cached. Zoho"
                                              + " answers at most 50 fields a request, so a module wider than that (a"
                                              + " default Contacts module has about 70 fields) takes one more call per"
                                              + " page, per get and per consumer read for every further 49 fields,"
                                              + " merged by id; naming at most 50 fields keeps it to one call.")
    private String fields;

    @UriParam(label = "common", description = "Map each record to this class (a POJO) with Jackson; without it records"
                                              + " are maps of field name to value.")
    private Class<?> outputClass;

    // ------------------------------------------------------------------ reads

    @UriParam(label = "producer", description = "The field to sort a list by: id, Created_Time or Modified_Time.")
    private SortBy sortBy;

    @UriParam(label = "producer", description = "The sort order of a list: asc or desc.")
    private SortOrder sortOrder;

    @UriParam(label = "common", defaultValue = "approved",
              description = "Which records list and the consumer read by approval: approved (Zoho's default: records"
                            + " awaiting approval are left out), awaiting (only those), or both.")
    private Approval approved = Approval.approved;

    @UriParam(label = "producer", description = "A custom view id to list (a list with a custom view costs 3 credits"
                                                + " a call).")
    private String cvid;

    @UriParam(label = "producer", defaultValue = "200",
              description = "Records asked for per page, 1 to 200. Zoho's maximum of 200 spends the fewest calls.")
    private int perPage = 200;

    @UriParam(label = "producer", description = "Read only this page (from 1) instead of every page.")
    private Integer page;

    @UriParam(label = "producer", defaultValue = "0", description = "Stop reading after this many records; 0 reads"
                                                                   + " all. The MoreRecords header tells whether more"
                                                                   + " were left.")
    private long maxRecords;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Return an Iterator that fetches pages as it is consumed, instead of a List: with"
                            + " split(body()).streaming() only one page is held in memory.")
    private boolean streaming;

    @UriParam(label = "producer", description = "Search criteria, e.g. ((Last_Name:equals:Watson)and(Email:starts_with:ted))."
                                                + " Escape ( ) , and \\ inside values with a backslash.")
    private String criteria;

    @UriParam(label = "producer",
              description = "The tag names addTags and removeTags apply and createTags creates, comma-separated;"
                            + " the Tags header overrides them.")
    private String tags;

    @UriParam(label = "producer", defaultValue = "false",
              description = "addTags replaces the records' tags with the given ones instead of adding to them.")
    private boolean overwriteTags;

    @UriParam(label = "producer,bulk",
              description = "The records a bulkRead exports, in Zoho's bulk criteria JSON, e.g."
                            + " {\"api_name\":\"Lead_Source\",\"comparator\":\"equal\",\"value\":\"Web\"};"
                            + " none: every record. The BulkCriteria header overrides it.")
    private String bulkCriteria;

    @UriParam(label = "producer,bulk", defaultValue = "insert",
              description = "What a bulkWrite does with each record: insert, update (matched by id) or upsert"
                            + " (matched by the first duplicateCheckFields field).")
    private BulkOperation bulkOperation = BulkOperation.insert;

    @UriParam(label = "producer,bulk", defaultValue = "1800000", javaType = "java.time.Duration",
              description = "How long one bulk job may take before the operation fails (its status is polled with"
                            + " backoff: 250 ms, doubling up to 30 s).")
    private long bulkTimeout = 1_800_000;

    @UriParam(label = "producer,bulk",
              description = "Where a bulkWrite writes its zip files before uploading them (deleted after); default"
                            + " the JVM's temporary directory.")
    private String bulkWorkDir;

    @UriParam(label = "producer", description = "Search records by this email.")
    private String email;

    @UriParam(label = "producer", description = "Search records by this phone number.")
    private String phone;

    @UriParam(label = "producer", description = "Search records by this word.")
    private String word;

    @UriParam(label = "producer", description = "The related list read by the related operation, e.g. Contacts or"
                                                + " Notes of an Account.")
    private String relatedList;

    @UriParam(label = "producer", defaultValue = "all",
              description = "Which deleted records the deleted operation reads: all, recycle (in the recycle bin) or"
                            + " permanent (deleted for good).")
    private DeletedType deletedType = DeletedType.all;

    @UriParam(label = "producer", defaultValue = "AllUsers", description = "Which users the users operation reads.")
    private UserType userType = UserType.AllUsers;

    @UriParam(label = "producer", defaultValue = "true",
              description = "Whether get (and users with a record id) fails with an exception when nothing has the id"
                            + " (true), or returns a null body (false).")
    private boolean failOnNotFound = true;

    // ------------------------------------------------------------------ consumer

    @UriParam(label = "consumer", defaultValue = "created",
              description = "The changes the consumer emits, comma-separated: created, updated, deleted. With created"
                            + " only, edits of existing records cost nothing: an idle poll is one call.")
    private String events = "created";

    @UriParam(label = "consumer", defaultValue = "now",
              description = "Where a consumer without stored state starts: now (only changes after the route"
                            + " starts: the starting point is read when the route starts, holding every record of the"
                            + " newest second), beginning (every existing record first), or an ISO-8601 instant such"
                            + " as 2026-02-06T00:28:53-08:00.")
    private String initialPosition = "now";

    @UriParam(label = "consumer", defaultValue = "pages",
              description = "With initialPosition=beginning: how the records that already exist are read. pages: 200"
                            + " a call (1,000 credits per 200,000 records); bulk: by bulk-read jobs (50 credits per"
                            + " 200,000), delivered as created in id order with text values, then the feed takes over"
                            + " with no gap and no double. Pays off from a few thousand records (docs/benchmarks.md).")
    private InitialLoadMode initialLoad = InitialLoadMode.pages;

    @UriParam(label = "consumer", description = "Where the consumer keeps its watermark between polls and restarts."
                                                + " Default: in memory. Use a FileStateRepository to survive"
                                                + " restarts, or a shared one (see JdbcStateRepository) on several"
                                                + " nodes.")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer,advanced", description = "The key of the watermark in the state repository."
                                                         + " Default: the scheme, the module and the events, colon"
                                                         + " separated, e.g. SCHEME:Contacts:created,updated.")
    private String stateKey;

    @UriParam(label = "consumer,advanced", defaultValue = "1",
              description = "How many completed exchanges pass between two saves of the watermark within a poll; it"
                            + " is also saved at the end of every poll and when the consumer stops. 1 saves after"
                            + " every exchange, so even a crash repeats no record; a larger number spares a slow"
                            + " repository (a file or a database) writes during a long backlog, and a crash may then"
                            + " deliver up to that many records again (never lose one). A state holding n ids, n over 128"
                            + " (a burst of records sharing one second, or records created during a long backlog), is"
                            + " saved at most every n/8 exchanges, so a crash then may repeat up to n/8 records. The default in-memory repository is written"
                            + " only at the end of a poll: a crash loses it anyway.")
    private int stateSaveEvery = 1;

    @UriParam(label = "consumer", defaultValue = "list",
              description = "How the consumer asks for changes: list (GET records sorted by Modified_Time with"
                            + " If-Modified-Since, checked again here) or coql (a COQL query filtered by the server;"
                            + " needs the API's coql.READ scope).")
    private ChangeDetection changeDetection = ChangeDetection.list;

    @UriParam(label = "consumer,advanced", defaultValue = "true",
              description = "While a poll's exchanges are processed, read the next batch of a backlog in the background"
                            + " (one thread per consumer), so catching up is not slowed by waiting for Zoho. It makes"
                            + " no call that the next poll would not make, except when an exchange fails or the route"
                            + " stops mid-backlog: then up to maxMessagesPerPoll/200 pages read ahead are wasted once."
                            + " Applies when the events do not include deleted.")
    private boolean readAhead = true;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "Push mode: the consumer keeps a Zoho notification channel (/actions/watch) for its"
                            + " events and polls as soon as a callback says records changed, so changes arrive within"
                            + " about a second; it also polls every reconcileInterval, so a lost or late callback costs"
                            + " latency, never a record. Callbacks are received through platform-http at the path of"
                            + " notifyUrl (add camel-platform-http-main, camel-platform-http-starter or another"
                            + " platform-http engine). Needs notifyUrl and the API's notifications.ALL scope.")
    private boolean notifications;

    @UriParam(label = "consumer",
              description = "With notifications=true: the public URL Zoho POSTs callbacks to, as seen from the"
                            + " internet (behind proxies and ingresses), e.g. https://hooks.example.com/zoho/contacts."
                            + " The consumer receives them on this URL's path through platform-http.")
    private String notifyUrl;

    @UriParam(label = "consumer", defaultValue = "900000", javaType = "java.time.Duration",
              description = "With notifications=true: how often the consumer polls anyway, as the safety net for a"
                            + " lost callback (15 minutes: 96 calls a day; plus one channel-list call an hour).")
    private long reconcileInterval = 900_000;

    @UriParam(label = "consumer,advanced",
              description = "With notifications=true: the notification channel's id, a positive number of up to 19"
                            + " digits. Default: derived from the state key and notifyUrl, so a restart reuses the"
                            + " channel.")
    private String channelId;

    @UriParam(label = "consumer,advanced", defaultValue = "false",
              description = "With notifications=true: keep the notification channel when the consumer stops (it"
                            + " then ends at its expiry, within a day) instead of deleting it.")
    private boolean keepChannel;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "true: one exchange per record (the default). false: one exchange per poll, whose body is"
                            + " the List of the poll's records (maps, or outputClass objects; deletions as maps) in"
                            + " order, with the EventTypes and RecordIds headers giving each one's"
                            + " event type and id - for routes that write in bulk. If that exchange fails, the whole"
                            + " list is delivered again at the next poll. maxMessagesPerPoll bounds the list.")
    private boolean useIterator = true;

    @UriParam(label = "consumer", defaultValue = "1000",
              description = "The most records one poll delivers; 0 for no limit. A poll that stops at the limit is"
                            + " followed at once by the next.")
    private int maxMessagesPerPoll = 1000;

    // ------------------------------------------------------------------ writes

    @UriParam(label = "producer", description = "The fields that find the record to update on upsert, comma-separated"
                                                + " (e.g. Email). Empty: the module's system duplicate-check fields.")
    private String duplicateCheckFields;

    @UriParam(label = "producer", description = "The automations a write triggers, comma-separated: workflow,"
                                                + " approval, blueprint, or none. Empty: Zoho's default.")
    private String trigger;

    @UriParam(label = "producer", defaultValue = "100",
              description = "Records written per call, 1 to 100. Zoho's maximum of 100 spends the fewest calls. (addTags"
                            + " always sends 500 records a call, Zoho's maximum for tags.)")
    private int batchSize = 100;

    @UriParam(label = "producer", defaultValue = "true",
              description = "Whether a write in which some records failed throws a ZohoRecordErrorException holding"
                            + " every record's result (true), or returns the results (false).")
    private boolean failOnRecordError = true;

    // ------------------------------------------------------------------ security

    @UriParam(label = "security", secret = true, description = "The Zoho OAuth client id (with clientSecret and"
                                                               + " refreshToken).")
    private String clientId;

    @UriParam(label = "security", secret = true, description = "The Zoho OAuth client secret.")
    private String clientSecret;

    @UriParam(label = "security", secret = true, description = "The Zoho OAuth refresh token; access tokens are"
                                                               + " minted from it when needed and shared by every"
                                                               + " endpoint with the same credentials.")
    private String refreshToken;

    @UriParam(label = "security", defaultValue = "US",
              description = "The Zoho data center of the account: US, EU, IN, AU, JP, CA, CN or SA. It picks the"
                            + " accounts server and the API domain.")
    private DataCenter dataCenter = DataCenter.US;

    @UriParam(label = "security", description = "The Zoho accounts server, when not the data center's (e.g."
                                                + " https://accounts.zoho.eu).")
    private String accountsUrl;

    @UriParam(label = "security", secret = true, description = "A Zoho access token to use as is (it cannot be"
                                                               + " renewed; prefer a refresh token).")
    private String accessToken;

    @UriParam(label = "security", secret = true, description = "A Maton API gateway key (sent as Bearer).")
    private String apiKey;

    @UriParam(label = "security", description = "The Maton connection to use (the Maton-Connection header); default:"
                                                + " the oldest active one.")
    private String connectionId;

    @UriParam(label = "security", defaultValue = "https://ctrl.maton.ai",
              description = "Maton's connection API, for the connection operations (listConnections,"
                            + " createConnection, getConnection, deleteConnection, awaitConnection).")
    private String matonControlUrl = "https://ctrl.maton.ai";

    @UriParam(label = "security",
              description = "The Maton app the connection operations list and create connections for. Empty: the"
                            + " component's own app (the one its API goes through Maton's gateway as).")
    private String connectionApp;

    @UriParam(label = "security",
              description = "listConnections lists only connections in this status: ACTIVE, PENDING or FAILED (none:"
                            + " every one).")
    private MatonStatus connectionStatus;

    @UriParam(label = "security", defaultValue = "600000", javaType = "java.time.Duration",
              description = "How long awaitConnection waits for a person to authorise a connection (open its url).")
    private long connectionTimeout = 600_000;

    @UriParam(label = "security",
              description = "A named connection (the component's connections option, in properties"
                            + " camel.component.SCHEME.connections[<name>].*, or a ZohoConnection bean) whose way in, data centre, URLs and credit budget this endpoint uses instead of"
                            + " the component's; the endpoint then sets no credentials of its own.")
    private String connection;

    @UriParam(label = "advanced", defaultValue = "0",
              description = "The most credits this connection may spend over Zoho's rolling 24 hours (0: no budget),"
                            + " below the org's daily allowance: every call counts its credits (a call 1, an insert or"
                            + " update 1 per 10 records, a bulk-read job 50, a bulk-write job 500) before it is sent,"
                            + " and a call that would pass the budget is refused unsent, naming when credits free up;"
                            + " consumers pause until then. Shared by every endpoint of the connection.")
    private long creditBudget;

    @UriParam(label = "advanced",
              description = "Where the credit budget's ledger is kept, so a restart does not forget the day's"
                            + " spending (e.g. a JdbcStateRepository or FileStateRepository); default: in memory.")
    private StateRepository<String, String> creditStateRepository;

    @UriParam(label = "security", description = "TLS settings for the connections to Zoho.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "advanced", description = "A ready client to use instead of one built from the connection"
                                                + " options (credentials, data center, transport and retries are then"
                                                + " the client's own). Autowired when the registry holds exactly one"
                                                + " ZohoClient. The endpoint neither shares nor closes it.")
    @Metadata(autowired = true)
    private ZohoClient client;

    // ------------------------------------------------------------------ connection

    @UriParam(label = "advanced", description = "The API base URL, overriding the one of the data center, of the"
                                                + " token's api_domain or of the Maton gateway (e.g. an emulator's API URL,"
                                                + " which it prints at start).")
    private String apiUrl;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for a connection to Zoho.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long to wait for Zoho's answer before the call counts as failed.")
    private long socketTimeout = 60_000;

    @UriParam(label = "advanced", defaultValue = "20", description = "The most connections open to Zoho at once.")
    private int maxConnections = 20;

    @UriParam(label = "proxy", description = "An HTTP proxy host.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The HTTP proxy port.")
    private Integer proxyPort;

    @UriParam(label = "advanced", defaultValue = "3",
              description = "How often a call is retried after 429, 5xx or an I/O error (5xx and I/O errors only for"
                            + " calls that are safe to repeat).")
    private int maxRetries = 3;

    @UriParam(label = "advanced", defaultValue = "500", javaType = "java.time.Duration",
              description = "The first retry waits up to this long (exponential backoff with full jitter).")
    private long retryInitialDelay = 500;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "No retry waits longer than this.")
    private long retryMaxDelay = 30_000;

    @UriParam(label = "advanced", defaultValue = "120000", javaType = "java.time.Duration",
              description = "A call and its retries end within this time; a Retry-After beyond it fails the call at"
                            + " once instead of stalling the route.")
    private long retryDeadline = 120_000;

    /** A copy, for an endpoint to change without changing the component's. */
    public ZohoConfiguration copy() {
        try {
            return (ZohoConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    // ------------------------------------------------------------------ what every product declares in its own words

    /** The API name of the module. */
    public abstract String getModule();

    public abstract void setModule(String module);

    /** The producer's operation (the product's option lists the ones it offers). */
    public abstract ZohoOperation getOperation();

    public abstract void setOperation(ZohoOperation operation);

    /** The COQL select of the coql and count operations. */
    public abstract String getQuery();

    public abstract void setQuery(String query);

    // ------------------------------------------------------------------ what only some products' APIs have

    /** The org's edition, whose concurrency limit the connection keeps to; null where the product has none. */
    public CrmEdition edition() {
        return null;
    }

    /**
     * Sets the org's edition from a named connection; a product whose API has no editions refuses it.
     *
     * @throws IllegalArgumentException naming the option and where it belongs
     */
    public void useEdition(CrmEdition edition) {
        throw new IllegalArgumentException("edition=" + edition + " is a Zoho CRM option (the org's edition and its"
                                           + " concurrency limit), and this component has none: remove it from the"
                                           + " connection");
    }

    /** The external-id field records are identified by instead of their id; null where the product has none. */
    public String externalField() {
        return null;
    }

    /** The fields whose edits call back at once in push mode; null where the product has none. */
    public String notifyFields() {
        return null;
    }

    /** What an update does with subform rows it does not name; null where the product has no subforms. */
    public SubformRows subformRows() {
        return null;
    }

    /** Whether a composite call is all or nothing (false where the product has none). */
    public boolean rollbackOnFail() {
        return false;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[module=" + getModule() + ", operation=" + getOperation() + ", auth="
               + (notBlank(refreshToken) ? "oauth" : notBlank(accessToken) ? "accessToken" : notBlank(apiKey) ? "maton"
                       : "none")
               + ", apiUrl=" + apiUrl + "]";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    // ------------------------------------------------------------------ getters and setters

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public Class<?> getOutputClass() {
        return outputClass;
    }

    public void setOutputClass(Class<?> outputClass) {
        this.outputClass = outputClass;
    }

    public SortBy getSortBy() {
        return sortBy;
    }

    public void setSortBy(SortBy sortBy) {
        this.sortBy = sortBy;
    }

    public SortOrder getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(SortOrder sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String getCvid() {
        return cvid;
    }

    public void setCvid(String cvid) {
        this.cvid = cvid;
    }

    public int getPerPage() {
        return perPage;
    }

    public void setPerPage(int perPage) {
        this.perPage = perPage;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public long getMaxRecords() {
        return maxRecords;
    }

    public void setMaxRecords(long maxRecords) {
        this.maxRecords = maxRecords;
    }

    public boolean isStreaming() {
        return streaming;
    }

    public void setStreaming(boolean streaming) {
        this.streaming = streaming;
    }

    public String getBulkCriteria() {
        return bulkCriteria;
    }

    public void setBulkCriteria(String bulkCriteria) {
        this.bulkCriteria = bulkCriteria;
    }

    public BulkOperation getBulkOperation() {
        return bulkOperation;
    }

    public void setBulkOperation(BulkOperation bulkOperation) {
        this.bulkOperation = bulkOperation;
    }

    public long getBulkTimeout() {
        return bulkTimeout;
    }

    public void setBulkTimeout(long bulkTimeout) {
        this.bulkTimeout = bulkTimeout;
    }

    public String getBulkWorkDir() {
        return bulkWorkDir;
    }

    public void setBulkWorkDir(String bulkWorkDir) {
        this.bulkWorkDir = bulkWorkDir;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public boolean isOverwriteTags() {
        return overwriteTags;
    }

    public void setOverwriteTags(boolean overwriteTags) {
        this.overwriteTags = overwriteTags;
    }

    public String getCriteria() {
        return criteria;
    }

    public void setCriteria(String criteria) {
        this.criteria = criteria;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getWord() {
        return word;
    }

    public void setWord(String word) {
        this.word = word;
    }

    public String getRelatedList() {
        return relatedList;
    }

    public void setRelatedList(String relatedList) {
        this.relatedList = relatedList;
    }

    public DeletedType getDeletedType() {
        return deletedType;
    }

    public void setDeletedType(DeletedType deletedType) {
        this.deletedType = deletedType;
    }

    public UserType getUserType() {
        return userType;
    }

    public void setUserType(UserType userType) {
        this.userType = userType;
    }

    public boolean isFailOnNotFound() {
        return failOnNotFound;
    }

    public void setFailOnNotFound(boolean failOnNotFound) {
        this.failOnNotFound = failOnNotFound;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public InitialLoadMode getInitialLoad() {
        return initialLoad;
    }

    public void setInitialLoad(InitialLoadMode initialLoad) {
        this.initialLoad = initialLoad;
    }

    public String getInitialPosition() {
        return initialPosition;
    }

    public void setInitialPosition(String initialPosition) {
        this.initialPosition = initialPosition;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public int getStateSaveEvery() {
        return stateSaveEvery;
    }

    public void setStateSaveEvery(int stateSaveEvery) {
        this.stateSaveEvery = stateSaveEvery;
    }

    public ChangeDetection getChangeDetection() {
        return changeDetection;
    }

    public void setChangeDetection(ChangeDetection changeDetection) {
        this.changeDetection = changeDetection;
    }

    public boolean isUseIterator() {
        return useIterator;
    }

    public void setUseIterator(boolean useIterator) {
        this.useIterator = useIterator;
    }

    public boolean isNotifications() {
        return notifications;
    }

    public void setNotifications(boolean notifications) {
        this.notifications = notifications;
    }

    public String getNotifyUrl() {
        return notifyUrl;
    }

    public void setNotifyUrl(String notifyUrl) {
        this.notifyUrl = notifyUrl;
    }

    public long getReconcileInterval() {
        return reconcileInterval;
    }

    public void setReconcileInterval(long reconcileInterval) {
        this.reconcileInterval = reconcileInterval;
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public boolean isKeepChannel() {
        return keepChannel;
    }

    public void setKeepChannel(boolean keepChannel) {
        this.keepChannel = keepChannel;
    }

    public boolean isReadAhead() {
        return readAhead;
    }

    public void setReadAhead(boolean readAhead) {
        this.readAhead = readAhead;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public String getDuplicateCheckFields() {
        return duplicateCheckFields;
    }

    public void setDuplicateCheckFields(String duplicateCheckFields) {
        this.duplicateCheckFields = duplicateCheckFields;
    }

    public String getTrigger() {
        return trigger;
    }

    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public boolean isFailOnRecordError() {
        return failOnRecordError;
    }

    public void setFailOnRecordError(boolean failOnRecordError) {
        this.failOnRecordError = failOnRecordError;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public DataCenter getDataCenter() {
        return dataCenter;
    }

    public void setDataCenter(DataCenter dataCenter) {
        this.dataCenter = dataCenter;
    }

    public String getAccountsUrl() {
        return accountsUrl;
    }

    public void setAccountsUrl(String accountsUrl) {
        this.accountsUrl = accountsUrl;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getConnection() {
        return connection;
    }

    public void setConnection(String connection) {
        this.connection = connection;
    }

    public long getCreditBudget() {
        return creditBudget;
    }

    public void setCreditBudget(long creditBudget) {
        this.creditBudget = creditBudget;
    }

    public StateRepository<String, String> getCreditStateRepository() {
        return creditStateRepository;
    }

    public void setCreditStateRepository(StateRepository<String, String> creditStateRepository) {
        this.creditStateRepository = creditStateRepository;
    }

    public String getMatonControlUrl() {
        return matonControlUrl;
    }

    public void setMatonControlUrl(String matonControlUrl) {
        this.matonControlUrl = matonControlUrl;
    }

    public String getConnectionApp() {
        return connectionApp;
    }

    public void setConnectionApp(String connectionApp) {
        this.connectionApp = connectionApp;
    }

    public MatonStatus getConnectionStatus() {
        return connectionStatus;
    }

    public void setConnectionStatus(MatonStatus connectionStatus) {
        this.connectionStatus = connectionStatus;
    }

    public long getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(long connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getConnectionId() {
        return connectionId;
    }

    public void setConnectionId(String connectionId) {
        this.connectionId = connectionId;
    }

    public Approval getApproved() {
        return approved;
    }

    public void setApproved(Approval approved) {
        this.approved = approved;
    }

    public ZohoClient getClient() {
        return client;
    }

    public void setClient(ZohoClient client) {
        this.client = client;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(long socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getRetryDeadline() {
        return retryDeadline;
    }

    public void setRetryDeadline(long retryDeadline) {
        this.retryDeadline = retryDeadline;
    }
}
