package io.github.camelbigin.zoho.records;

import java.util.List;
import java.util.stream.Collectors;

import io.github.camelbigin.zoho.http.ZohoApiException;

/**
 * A write in which some records failed. Holds the result of every record, in input order, so that a route can
 * dead-letter exactly the failed ones ({@link #getFailures()}) and knows the ids of those that were written.
 */
public class ZohoRecordErrorException extends ZohoApiException {

    private static final long serialVersionUID = 1L;

    private final transient List<WriteResult> results;

    public ZohoRecordErrorException(String operation, String module, List<WriteResult> results, Throwable cause) {
        super(message(operation, module, results), operation, module, 0, code(results), null, null, cause);
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

    private static String message(String operation, String module, List<WriteResult> results) {
        List<WriteResult> failed = results.stream().filter(r -> !r.isSuccess()).collect(Collectors.toList());
        StringBuilder sb = new StringBuilder("Bigin ").append(operation).append(" on ").append(module).append(": ")
                .append(failed.size()).append(" of ").append(results.size())
                .append(" records failed (the others were written): ");
        sb.append(failed.stream().limit(5).map(WriteResult::toString).collect(Collectors.joining("; ")));
        if (failed.size() > 5) {
            sb.append("; … and ").append(failed.size() - 5).append(" more (see getFailures())");
        }
        return sb.toString();
    }
}
