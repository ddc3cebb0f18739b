package io.github.camelbigin.zoho.records;

import java.util.List;
import java.util.stream.Collectors;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ZohoApiException;

/**
 * A write in which some records failed. Holds the result of every record, in input order, so that a route can
 * dead-letter exactly the failed ones ({@link #getFailures()}) and knows the ids of those that were written.
 */
public class ZohoRecordErrorException extends ZohoApiException {

    private static final long serialVersionUID = 1L;

    private final transient List<WriteResult> results;

    public ZohoRecordErrorException(ZohoApi api, String operation, String module, List<WriteResult> results,
                                    Throwable cause) {
        super(message(api, operation, module, results), operation, module, 0, code(results), null, null, cause);
        this.results = List.copyOf(results);
    }

    /** Every record's result, in input order. */
    public List<WriteResult> getResults() {
        return results;
    }

    /** The results of the records that were not written. */
    public List<WriteResult> getFailures() {
        return results.stream().filter(r -> !r.isSuccess()).collect(Collectors.toList());
    }

    /** The results of the records that were written. */
    public List<WriteResult> getSuccesses() {
        return results.stream().filter(WriteResult::isSuccess).collect(Collectors.toList());
    }

    private static String code(List<WriteResult> results) {
        return results.stream().filter(r -> !r.isSuccess()).map(WriteResult::getCode).findFirst().orElse(null);
    }

    private static String message(ZohoApi api, String operation, String module, List<WriteResult> results) {
        List<WriteResult> failed = results.stream().filter(r -> !r.isSuccess()).collect(Collectors.toList());
        int written = results.size() - failed.size();
        StringBuilder sb = new StringBuilder(api.product()).append(' ').append(operation).append(" on ").append(module)
                .append(": ");
        if (results.size() == 1) {
            sb.append("the record failed: ");
        } else if (written == 0) {
            sb.append("all ").append(results.size()).append(" records failed, none was written: ");
        } else {
            sb.append(failed.size()).append(" of ").append(results.size()).append(" records failed (")
                    .append(written).append(written == 1 ? " was" : " were").append(" written): ");
        }
        sb.append(failed.stream().limit(5).map(WriteResult::toString).collect(Collectors.joining("; ")));
        if (failed.size() > 5) {
            sb.append("; … and ").append(failed.size() - 5).append(" more (see getFailures())");
        }
        return sb.toString();
    }
}
