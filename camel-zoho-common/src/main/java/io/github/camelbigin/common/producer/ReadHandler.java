package io.github.camelbigin.common.producer;

import java.util.Map;
import java.util.Optional;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.ZohoOperation;
import io.github.camelbigin.zoho.api.Feature;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.RecordReads;

/** The reads: one record, lists, searches, deleted records, related lists and notes, COQL, counts. */
final class ReadHandler implements OperationHandler {

    private final EndpointScope scope;

    ReadHandler(EndpointScope scope) {
        this.scope = scope;
    }

    @Override
    public void perform(ZohoOperation op, MessageArgs in, Results out) {
        ZohoClient client = scope.client();
        RecordReads reads = client.reads();
        String module = in.module();
        switch (op) {
            case get -> {
                String id = in.recordId(op, true);
                out.record(found(client, op, module, module + " record", id,
                        reads.get(module, id, in.fields(), scope.config().externalField()),
                        scope.config().isFailOnNotFound()), id);
            }
            case list -> out.records(reads.list(module, in.query()), true);
            case search -> out.records(reads.search(module, in.searchQuery()), true);
            case deleted -> out.records(reads.deleted(module, in.query().type(scope.config().getDeletedType().name())),
                    false);
            case related -> out.records(reads.related(module, in.recordId(op, true), in.relatedList(op), in.query()),
                    true);
            case notes -> out.records(reads.related(module, in.recordId(op, true), "Notes", in.query()), false);
            case coql -> out.records(reads.query(in.coqlQuery(true), scope.config().getMaxRecords()), true);
            case count -> out.count(client.api().has(Feature.RECORD_ACTIONS) && in.queryText() == null
                    ? reads.count(module, in.criteria(), scope.config().getCvid())
                    : reads.count(in.coqlQuery(false)));
            default -> throw new IllegalStateException("Not a read: " + op);
        }
    }

    /** The answer, or the failure failOnNotFound asks for when there is none (null when it asks for none). */
    static Map<String, Object> found(ZohoClient client, ZohoOperation op, String module, String what, String id,
                                     Optional<Map<String, Object>> answer, boolean failOnNotFound) {
        if (answer.isEmpty() && failOnNotFound) {
            throw new ZohoApiException(client.api(), op.name(), module, 404, "NOT_FOUND", "no " + what
                    + " has the id " + id + " (set failOnNotFound=false to get a null body instead)", null, null);
        }
        return answer.orElse(null);
    }
}
