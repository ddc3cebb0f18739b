package io.github.camelbigin.zoho.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of writing one record (create, update, upsert or delete), in the position the record had in the input.
 * Failed results keep the input record, so a route can send exactly the failed ones to a dead-letter channel.
 */
public final class WriteResult {

    /** Code of results whose call was never made because an earlier call of the same write failed. */
    public static final String NOT_ATTEMPTED = "NOT_ATTEMPTED";

    private final int index;
    private final String status;
    private final String code;
    private final String message;
    private final Map<String, Object> details;
    private final String action;
    private final Map<String, Object> input;
    private final String duplicateField;

    public WriteResult(int index, String status, String code, String message, Map<String, Object> details,
                       String action, Map<String, Object> input) {
        this(index, status, code, message, details, action, null, input);
    }

    /** @param duplicateField for an upsert that updated: the field it matched the existing record on */
    public WriteResult(int index, String status, String code, String message, Map<String, Object> details,
                       String action, String duplicateField, Map<String, Object> input) {
        this.duplicateField = duplicateField;
        this.index = index;
        this.status = status;
        this.code = code;
        this.message = message;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.action = action;
        this.input = input;
    }

    /** This result with one more entry in its details (what the component did beside Zoho's answer). */
    public WriteResult withDetail(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new WriteResult(index, status, code, message, more, action, duplicateField, input);
    }

    /** Position of the record in the input, counting from 0. */
    public int getIndex() {
        return index;
    }

    /** {@code success} or {@code error}, as Bigin said. */
    public String getStatus() {
        return status;
    }

    public boolean isSuccess() {
        return "success".equalsIgnoreCase(status);
    }

    /** Bigin's code: {@code SUCCESS}, {@code MANDATORY_NOT_FOUND}, {@code INVALID_DATA}, {@code DUPLICATE_DATA}, … */
    public String getCode() {
        return code;
    }

    public String getMessage() {
        return message;
    }

    /** Bigin's details: on success the id, times and users; on error what was wrong (e.g. {@code api_name}). */
    public Map<String, Object> getDetails() {
        return details;
    }

    /** The record id Bigin gave or used, or null when the write failed before one existed. */
    public String getId() {
        Object id = details.get("id");
        if (id == null && input != null) {
            id = input.get("id");
        }
        return id == null ? null : id.toString();
    }

    /** For upsert: {@code insert} or {@code update}; null for other writes. */
    public String getAction() {
        return action;
    }

    /** For an upsert that updated a record: the field it matched on (e.g. {@code Email}); null otherwise. */
    public String getDuplicateField() {
        return duplicateField;
    }

    /** The record as it was given (for delete: {@code {"id": …}}), to resend or dead-letter. */
    public Map<String, Object> getInput() {
        return input;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("#").append(index).append(' ').append(status).append(' ').append(code);
        String id = getId();
        if (id != null) {
            sb.append(" id=").append(id);
        }
        if (action != null) {
            sb.append(" action=").append(action);
        }
        if (!isSuccess()) {
            sb.append(" - ").append(message);
            if (!details.isEmpty()) {
                sb.append(' ').append(details);
            }
        }
        return sb.toString();
    }
}
