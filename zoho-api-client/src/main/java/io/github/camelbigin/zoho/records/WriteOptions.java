package io.github.camelbigin.zoho.records;

import java.util.List;

/** How to write: which automations to trigger, which fields decide an upsert, batch size, and failure handling. */
public final class WriteOptions {

    /** Bigin's largest write. */
    public static final int MAX_BATCH = 100;

    private List<String> trigger;
    private List<String> duplicateCheckFields;
    private int batchSize = MAX_BATCH;
    private boolean failOnRecordError = true;
    private String externalField;
    private SubformRows subformRows = SubformRows.keep;

    public static WriteOptions create() {
        return new WriteOptions();
    }

    public List<String> trigger() {
        return trigger;
    }

    /**
     * The automations to run: {@code workflow}, {@code approval}, {@code blueprint}; an empty list runs none;
     * null leaves Bigin's default.
     */
    public WriteOptions trigger(List<String> trigger) {
        this.trigger = trigger == null ? null : List.copyOf(trigger);
        return this;
    }

    public List<String> duplicateCheckFields() {
        return duplicateCheckFields;
    }

    /** For upsert: the unique fields that find the record to update, e.g. {@code Email}. */
    public WriteOptions duplicateCheckFields(List<String> fields) {
        this.duplicateCheckFields = fields == null || fields.isEmpty() ? null : List.copyOf(fields);
        return this;
    }

    public int batchSize() {
        return batchSize;
    }

    public WriteOptions batchSize(int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException(
                    "batchSize " + batchSize + " is out of range: Bigin writes 1 to " + MAX_BATCH + " records a call");
        }
        this.batchSize = batchSize;
        return this;
    }

    public boolean failOnRecordError() {
        return failOnRecordError;
    }

    /** Throw a {@link ZohoRecordErrorException} when any record failed (true), or return the results (false). */
    public WriteOptions failOnRecordError(boolean failOnRecordError) {
        this.failOnRecordError = failOnRecordError;
        return this;
    }

    /** The external-id field records are identified by on update and delete (Zoho CRM's X-EXTERNAL), or null: by id. */
    public String externalField() {
        return externalField;
    }

    public WriteOptions externalField(String externalField) {
        this.externalField = externalField == null || externalField.isBlank() ? null : externalField;
        return this;
    }

    /** What an update does with subform rows it does not name (Zoho CRM's line items); default {@code keep}. */
    public SubformRows subformRows() {
        return subformRows;
    }

    public WriteOptions subformRows(SubformRows subformRows) {
        this.subformRows = subformRows == null ? SubformRows.keep : subformRows;
        return this;
    }
}
