package io.github.camelbigin.zoho.records;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What to read and how much: fields, sort, custom view, search terms, paging and limits. One class serves list,
 * search, related, deleted and users reads; each read uses the parts that apply to it.
 */
public final class RecordQuery {

    /** Bigin's largest page. */
    public static final int MAX_PER_PAGE = 200;

    private List<String> fields;
    private String sortBy;
    private String sortOrder;
    private String cvid;
    private int perPage = MAX_PER_PAGE;
    private Integer page;
    private long maxRecords;
    private OffsetDateTime ifModifiedSince;
    private String criteria;
    private String email;
    private String phone;
    private String word;
    private String type;
    private String approved;
    private boolean skipChangedDuringRead;

    public static RecordQuery create() {
        return new RecordQuery();
    }

    public List<String> fields() {
        return fields;
    }

    /** The fields to read; null or empty means every field of the module. */
    public RecordQuery fields(List<String> fields) {
        this.fields = fields == null || fields.isEmpty() ? null : List.copyOf(fields);
        return this;
    }

    public String sortBy() {
        return sortBy;
    }

    /** {@code id}, {@code Created_Time} or {@code Modified_Time}. */
    public RecordQuery sortBy(String sortBy) {
        this.sortBy = sortBy;
        return this;
    }

    public String sortOrder() {
        return sortOrder;
    }

    /** {@code asc} or {@code desc}. */
    public RecordQuery sortOrder(String sortOrder) {
        this.sortOrder = sortOrder;
        return this;
    }

    public String cvid() {
        return cvid;
    }

    /** A custom view id (a list call with a custom view costs 3 credits). */
    public RecordQuery cvid(String cvid) {
        this.cvid = cvid;
        return this;
    }

    public int perPage() {
        return perPage;
    }

    public RecordQuery perPage(int perPage) {
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException(
                    "perPage " + perPage + " is out of range: Bigin answers 1 to " + MAX_PER_PAGE + " records a page");
        }
        this.perPage = perPage;
        return this;
    }

    public Integer page() {
        return page;
    }

    /** Read only this page (from 1) instead of every page. */
    public RecordQuery page(Integer page) {
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page " + page + " is out of range: pages count from 1");
        }
        this.page = page;
        return this;
    }

    public long maxRecords() {
        return maxRecords;
    }

    /** Stop after this many records; 0 reads all. */
    public RecordQuery maxRecords(long maxRecords) {
        if (maxRecords < 0) {
            throw new IllegalArgumentException("maxRecords " + maxRecords + " is negative: use 0 to read all records");
        }
        this.maxRecords = maxRecords;
        return this;
    }

    public OffsetDateTime ifModifiedSince() {
        return ifModifiedSince;
    }

    /** Ask only for records modified after this instant (the {@code If-Modified-Since} header). */
    public RecordQuery ifModifiedSince(OffsetDateTime ifModifiedSince) {
        this.ifModifiedSince = ifModifiedSince;
        return this;
    }

    public String criteria() {
        return criteria;
    }

    /** A search criteria such as {@code ((Last_Name:equals:Watson)and(Email:starts_with:ted))}; see {@link Criteria}. */
    public RecordQuery criteria(String criteria) {
        this.criteria = criteria;
        return this;
    }

    public String email() {
        return email;
    }

    public RecordQuery email(String email) {
        this.email = email;
        return this;
    }

    public String phone() {
        return phone;
    }

    public RecordQuery phone(String phone) {
        this.phone = phone;
        return this;
    }

    public String word() {
        return word;
    }

    public RecordQuery word(String word) {
        this.word = word;
        return this;
    }

    public String type() {
        return type;
    }

    /** For deleted records: {@code all}, {@code recycle} or {@code permanent}; for users: {@code AllUsers}, … */
    public RecordQuery type(String type) {
        this.type = type;
        return this;
    }

    /** Zoho's {@code approved} parameter of a list: null (approved records only), {@code false} or {@code both}. */
    public String approved() {
        return approved;
    }

    /** Which records by approval a list reads (Zoho's default is the approved ones only). */
    public RecordQuery approved(Approval approval) {
        this.approved = approval == null ? null : approval.parameter();
        return this;
    }

    /** Whether a wide read leaves out a record changed between its chunk reads rather than reading it again. */
    public boolean skipChangedDuringRead() {
        return skipChangedDuringRead;
    }

    /** For change feeds: a record changed while it was read comes again, in its newer version, in a later read. */
    public RecordQuery skipChangedDuringRead(boolean skip) {
        this.skipChangedDuringRead = skip;
        return this;
    }
}
