package io.github.camelbigin.zoho.records;

import io.github.camelbigin.zoho.http.ApiRequest;

/**
 * The four writes of records, each with its own request: create and upsert POST the records (upsert at
 * {@code /upsert} with the duplicate-check fields), update PUTs them, delete names their ids in the query. Update and
 * delete carry the ids, so their results are matched to the input by id; the others' come in input order.
 */
enum RecordWrite {
    CREATE("create"),
    UPDATE("update"),
    UPSERT("upsert"),
    DELETE("delete");

    /** The operation's name, as messages and results say it. */
    final String operation;

    RecordWrite(String operation) {
        this.operation = operation;
    }

    /** The request of this write on {@code module}, without its body or ids. */
    ApiRequest.Builder request(String module) {
        return switch (this) {
            case CREATE -> ApiRequest.post("/" + module);
            case UPDATE -> ApiRequest.put("/" + module);
            case UPSERT -> ApiRequest.post("/" + module + "/upsert");
            case DELETE -> ApiRequest.delete("/" + module);
        };
    }

    /** Whether the input names each record's id, so that results can be matched to it. */
    boolean carriesIds() {
        return this == UPDATE || this == DELETE;
    }
}
