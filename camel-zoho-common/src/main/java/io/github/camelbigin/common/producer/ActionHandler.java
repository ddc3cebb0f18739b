package io.github.camelbigin.common.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.Header;
import io.github.camelbigin.common.options.ZohoOperation;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.RecordActions;
import io.github.camelbigin.zoho.records.WriteOptions;

/**
 * Zoho CRM's actions beyond writing fields: lead conversion (one lead, or many by jobs), owner changes, blueprint
 * transitions, mail sent from a record, the recycle bin, and composite calls. Each takes its settings from the body in
 * Zoho's words and answers like a write: a result per record (or sub-request), in input order.
 */
final class ActionHandler implements OperationHandler {

    private final EndpointScope scope;

    ActionHandler(EndpointScope scope) {
        this.scope = scope;
    }

    @Override
    public void perform(ZohoOperation op, MessageArgs in, Results out) {
        ZohoClient client = scope.client();
        RecordActions actions = client.actions();
        String module = in.module();
        WriteOptions options = in.writeOptions();
        switch (op) {
            case convertLead -> convertLead(op, in, out, client, options);
            case changeOwner -> changeOwner(op, in, out, client, options);
            case blueprint -> out.body(actions.blueprint(module, in.recordId(op, true)));
            case transition -> {
                Map<String, Object> step = in.settings(op);
                Object data = step.get("data");
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = data instanceof Map ? (Map<String, Object>) data : Map.of();
                out.written(actions.transition(module, in.recordId(op, false),
                        Objects.toString(step.get("transition_id"), null), fields, options));
            }
            case sendMail -> out.written(actions.sendMail(module, in.recordId(op, false), in.settings(op), options));
            case recycleBin -> out.records(client.recycleBin().list(module, in.query()), false);
            case restore -> out.written(client.recycleBin().restore(module, in.ids(op), options));
            case purge -> out.written(client.recycleBin().purge(module, in.ids(op), options));
            case composite -> composite(op, in, out, client);
            default -> throw new IllegalStateException("Not an action: " + op);
        }
    }

    /** One lead: its conversion's result; several: mass-conversion jobs of 50, their counts. */
    private void convertLead(ZohoOperation op, MessageArgs in, Results out, ZohoClient client, WriteOptions options) {
        if (!"Leads".equals(in.module())) {
            throw new IllegalArgumentException("convertLead converts leads: use " + scope.product().label("Leads")
                                               + ", not " + scope.label());
        }
        List<String> ids = in.headerIds(op);
        Map<String, Object> settings = in.settings(op);
        if (ids.size() == 1) {
            out.written(client.actions().convertLead(ids.get(0), settings, options));
            return;
        }
        if (!(settings.get("assign_to") instanceof Map<?, ?> owner) || owner.get("id") == null) {
            throw new IllegalArgumentException("Converting " + ids.size() + " leads at once (Zoho's mass conversion)"
                                               + " needs the user the new records go to: put {\"assign_to\": {\"id\":"
                                               + " \"…\"}} in the body (the users operation lists them)");
        }
        out.jobs(client.bulk().massConvert(ids, settings, bulkTimeout()), "converted", "notConverted");
    }

    /** By ids: a result per record; with cvid and no ids: one job over the view, its counts. */
    private void changeOwner(ZohoOperation op, MessageArgs in, Results out, ZohoClient client, WriteOptions options) {
        Map<String, Object> settings = in.settings(op);
        String cvid = scope.config().getCvid();
        if (!in.idsInHeaders() && cvid != null) {
            Map<String, Object> body = new LinkedHashMap<>(settings);
            body.put("cvid", cvid);
            out.jobs(List.of(client.bulk().massChangeOwner(in.module(), body, bulkTimeout())), "updated",
                    "notUpdated");
            return;
        }
        if (!in.idsInHeaders()) {
            throw new IllegalArgumentException("changeOwner on " + scope.label() + " needs the ids in the "
                                               + scope.header(Header.RECORD_IDS) + " header (the body holds the"
                                               + " owner), or the cvid option for a custom view's records");
        }
        out.written(client.actions().changeOwner(in.module(), in.headerIds(op), settings, options));
    }

    /** The sub-requests' results; failOnRecordError fails the exchange when one failed, naming each. */
    private void composite(ZohoOperation op, MessageArgs in, Results out, ZohoClient client) {
        boolean rollback = scope.config().rollbackOnFail();
        List<Map<String, Object>> results = client.composite().run(in.records(op), rollback);
        List<String> failed = new ArrayList<>();
        for (Map<String, Object> r : results) {
            if (!"success".equals(r.get("status"))) {
                failed.add("sub-request " + r.get("sub_request_id") + ": " + r.get("code") + " " + r.get("message"));
            }
        }
        if (!failed.isEmpty() && scope.config().isFailOnRecordError()) {
            throw new ZohoApiException(client.api(), op.name(), in.module(), 0, "COMPOSITE_FAILED", failed.size()
                    + " of " + results.size() + " sub-requests failed" + (rollback ? ", and every one was rolled back"
                    : "") + ": " + String.join("; ", failed) + " (failOnRecordError=false answers the results)",
                    null, null);
        }
        out.body(results);
        out.header(Header.RECORD_COUNT, results.size());
    }

    private Duration bulkTimeout() {
        return Duration.ofMillis(scope.config().getBulkTimeout());
    }
}
