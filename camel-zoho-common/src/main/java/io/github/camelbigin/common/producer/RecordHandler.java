package io.github.camelbigin.common.producer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.Header;
import io.github.camelbigin.common.options.ZohoOperation;
import io.github.camelbigin.zoho.bulk.JobCounts;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.records.RecordWrites;
import io.github.camelbigin.zoho.records.RelatedWrites;
import io.github.camelbigin.zoho.records.WriteOptions;

/**
 * The writes: records (create, update, upsert, delete, Zoho CRM's mass update), their tags and notes, and their
 * related lists — 100 records a call (tags 500), a result per record in input order.
 */
final class RecordHandler implements OperationHandler {

    private final EndpointScope scope;

    RecordHandler(EndpointScope scope) {
        this.scope = scope;
    }

    @Override
    public void perform(ZohoOperation op, MessageArgs in, Results out) {
        ZohoClient client = scope.client();
        RecordWrites writes = client.writes();
        RelatedWrites related = client.related();
        String module = in.module();
        WriteOptions options = in.writeOptions();
        switch (op) {
            case create -> out.written(writes.create(module, in.records(op), options));
            case update -> out.written(writes.update(module, in.recordsToUpdate(op), options));
            case upsert -> out.written(writes.upsert(module, in.records(op), options));
            case delete -> out.written(writes.delete(module, in.ids(op), options));
            case massUpdate -> massUpdate(op, in, out, client, options);
            case addTags -> out.written(related.addTags(module, in.ids(op), in.tags(op),
                    scope.config().isOverwriteTags(), options));
            case removeTags -> out.written(related.removeTags(module, in.ids(op), in.tags(op), options));
            case createTags -> out.written(related.createTags(module, in.tagsToCreate(op), options));
            case createNotes -> out.written(related.createNotes(module, in.recordId(op, false), in.records(op),
                    options));
            case updateNotes -> out.written(writes.update("Notes", in.recordsToUpdate(op), options));
            case deleteNotes -> out.written(writes.delete("Notes", in.ids(op), options));
            case updateRelated -> out.written(related.updateRelated(module, in.recordId(op, false),
                    in.relatedList(op), in.records(op), options));
            case delinkRelated -> out.written(related.delinkRelated(module, in.recordId(op, false),
                    in.relatedList(op), in.relatedIds(op), options));
            default -> throw new IllegalStateException("Not a write: " + op);
        }
    }

    /**
     * Zoho CRM's mass update: the body's values on the ids of the ids header (or the record id header) — a result per
     * record — or, with cvid and no ids, on every record of that view by one job whose counts become the body.
     */
    private void massUpdate(ZohoOperation op, MessageArgs in, Results out, ZohoClient client, WriteOptions options) {
        Map<String, Object> values = in.records(op).get(0);
        String cvid = scope.config().getCvid();
        if (!in.idsInHeaders() && cvid != null) {
            JobCounts r = client.bulk().massUpdateView(in.module(), values, cvid,
                    Duration.ofMillis(scope.config().getBulkTimeout()));
            out.job(r, "updated", "notUpdated");
            return;
        }
        List<String> ids = in.idsInHeaders() ? in.ids(op) : List.of();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("massUpdate on " + scope.label() + " needs the ids to update in the "
                                               + scope.header(Header.RECORD_IDS) + " header (the body holds the"
                                               + " values), or the cvid option for a custom view's records");
        }
        out.written(client.writes().massUpdate(in.module(), values, ids, options));
    }
}
