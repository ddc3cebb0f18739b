package io.github.camelbigin.zoho.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.api.Feature;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiErrors;
import io.github.camelbigin.zoho.http.ApiRequest;
import io.github.camelbigin.zoho.http.ApiResponse;
import io.github.camelbigin.zoho.http.ZohoApiException;

/**
 * What Zoho CRM does to a record beyond writing its fields ({@code /{module}/{id}/actions/…}): converting a lead,
 * giving records a new owner, moving a record through its blueprint, sending a mail from it. Each reports like a
 * write: a result per record, in input order; a refusal says why, record by record.
 */
public final class RecordActions {

    private final JsonCalls calls;
    private final BatchWriter writer;
    private final ZohoApi api;

    public RecordActions(JsonCalls calls) {
        this.calls = calls;
        this.writer = new BatchWriter(calls);
        this.api = calls.api();
    }

    /**
     * Converts one lead ({@code POST /Leads/{id}/actions/convert}) with Zoho's conversion settings (Deals to create,
     * Accounts or Contacts to add it to, assign_to, overwrite, notify_lead_owner, notify_new_entity_owner,
     * move_attachments_to, carry_over_tags; none: Zoho's defaults). The result's details name the Contact, Account
     * and Deal it made or matched.
     */
    public WriteResult convertLead(String leadId, Map<String, Object> settings, WriteOptions options) {
        supported("convertLead");
        writer.checkRecordId(leadId);
        Map<String, Object> body = Map.of("data", List.of(settings == null ? Map.of() : settings));
        WriteResult r = one("convertLead", "Leads", leadId, ApiRequest.post("/Leads/" + leadId + "/actions/convert")
                .json(JsonCalls.toBytes(body)), options);
        // Zoho names each made record {name, id} (older versions: the bare id; no Deal: null or absent)
        for (String[] made : new String[][] {{"Contacts", "contact_id"}, {"Accounts", "account_id"},
                {"Deals", "deal_id"}}) {
            Object v = r.getDetails().get(made[0]);
            Object id = v instanceof Map<?, ?> m ? m.get("id") : v;
            if (id != null) {
                r = r.withDetail(made[1], id.toString());
            }
        }
        return r;
    }

    /**
     * Gives records a new owner ({@code POST /{module}/actions/change_owner}), 100 a call; {@code settings} holds the
     * owner ({@code {"id": …}}), notify and related_modules in Zoho's words. A result per record, in input order.
     */
    public List<WriteResult> changeOwner(String module, List<String> ids, Map<String, Object> settings,
                                         WriteOptions options) {
        supported("changeOwner");
        if (settings == null || !(settings.get("owner") instanceof Map<?, ?> owner) || owner.get("id") == null) {
            throw new IllegalArgumentException("changeOwner needs the new owner, e.g. {\"owner\": {\"id\":"
                                               + " \"4150868000000225013\"}} (the users operation lists them)");
        }
        return writer.write("changeOwner", module, BatchWriter.idInputs(ids), options, writer::idProblem,
                new BatchWriter.Call(chunk -> {
                    Map<String, Object> body = new LinkedHashMap<>(settings);
                    body.put("ids", chunk.stream().map(r -> r.get("id").toString()).toList());
                    return ApiRequest.post("/" + module + "/actions/change_owner").json(JsonCalls.toBytes(body));
                }, api.writeBatch(), true));
    }

    /**
     * The blueprint a record is in and the transitions it can take now ({@code GET /{module}/{id}/actions/blueprint}):
     * Zoho's {@code blueprint} object (process_info, transitions with their ids, next states and the fields each
     * needs).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> blueprint(String module, String id) {
        supported("blueprint");
        Names.checkModule(api, module);
        Names.checkId(api, id);
        ApiRequest request = ApiRequest.get("/" + module + "/" + id + "/actions/blueprint")
                .operation("blueprint", module).build();
        ApiResponse response = calls.execute(request);
        Map<?, ?> answer = calls.object(request, response);
        Object blueprint = answer.get("blueprint");
        if (blueprint instanceof Map) {
            return (Map<String, Object>) blueprint;
        }
        // Zoho answers a refusal here with HTTP 200 (record not in a process, no such record): its body says so
        if ("error".equals(answer.get("status"))) {
            throw new ZohoApiException(api, "blueprint", module, response.status(), String.valueOf(answer.get("code")),
                    String.valueOf(answer.get("message")), answer.get("details") instanceof Map<?, ?> d
                            ? (Map<String, Object>) d : null, null);
        }
        throw ApiErrors.malformed(api, request, response, "expected a blueprint object");
    }

    /**
     * Moves a record through its blueprint: performs the transition with the fields it needs
     * ({@code PUT /{module}/{id}/actions/blueprint}). A transition Zoho refuses (not available now, a field missing)
     * fails with Zoho's reason.
     */
    public WriteResult transition(String module, String id, String transitionId, Map<String, Object> data,
                                  WriteOptions options) {
        supported("transition");
        writer.checkRecordId(id);
        if (transitionId == null || transitionId.isBlank()) {
            throw new IllegalArgumentException("transition needs the transition's id (the blueprint operation lists"
                                               + " the ones the record can take now)");
        }
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("transition_id", transitionId);
        step.put("data", data == null ? Map.of() : data);
        return one("transition", module, id, ApiRequest.put("/" + module + "/" + id + "/actions/blueprint")
                .json(JsonCalls.toBytes(Map.of("blueprint", List.of(step)))), options);
    }

    /**
     * Sends a mail from a record ({@code POST /{module}/{id}/actions/send_mail}): {@code mail} in Zoho's words (from,
     * to, cc, bcc, reply_to, subject, content, mail_format, template, attachments, org_email, scheduled_time). The
     * result's details carry the message id.
     */
    public WriteResult sendMail(String module, String id, Map<String, Object> mail, WriteOptions options) {
        supported("sendMail");
        writer.checkRecordId(id);
        List<String> missing = new ArrayList<>();
        for (String key : List.of("from", "to")) {
            if (mail == null || mail.get(key) == null) {
                missing.add(key);
            }
        }
        if (mail != null && mail.get("template") == null && mail.get("subject") == null) {
            missing.add("subject (or a template)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("sendMail needs " + String.join(", ", missing) + ": e.g. {\"from\":"
                                               + " {\"email\": \"sales@zylker.com\"}, \"to\": [{\"email\":"
                                               + " \"ada@example.com\"}], \"subject\": \"…\", \"content\": \"…\"}");
        }
        return one("sendMail", module, id, ApiRequest.post("/" + module + "/" + id + "/actions/send_mail")
                .json(JsonCalls.toBytes(Map.of("data", List.of(named(mail))))), options);
    }

    /**
     * The mail with a {@code user_name} on every address that has none (its email): Zoho's specification requires one
     * on each, and a route rarely has a name to give.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> named(Map<String, Object> mail) {
        Map<String, Object> out = new LinkedHashMap<>(mail);
        for (String key : List.of("from", "reply_to", "to", "cc", "bcc")) {
            Object v = out.get(key);
            if (v instanceof Map<?, ?> one) {
                out.put(key, withName((Map<String, Object>) one));
            } else if (v instanceof List<?> many) {
                out.put(key, many.stream().map(a -> a instanceof Map<?, ?> m ? withName((Map<String, Object>) m) : a)
                        .toList());
            } else if (v instanceof String email) {
                out.put(key, "to".equals(key) || "cc".equals(key) || "bcc".equals(key)
                        ? List.of(withName(Map.of("email", email))) : withName(Map.of("email", email)));
            }
        }
        return out;
    }

    private static Map<String, Object> withName(Map<String, Object> address) {
        Map<String, Object> out = new LinkedHashMap<>(address);
        if (out.get("user_name") == null && out.get("email") != null) {
            out.put("user_name", out.get("email").toString());
        }
        return out;
    }

    /** One call about one record, through the writes' result model. */
    private WriteResult one(String operation, String module, String id, ApiRequest.Builder rb, WriteOptions options) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", id);
        return writer.write(operation, module, List.of(input), options, r -> null,
                new BatchWriter.Call(chunk -> rb, 1, false)).get(0);
    }

    private void supported(String operation) {
        if (!api.has(Feature.RECORD_ACTIONS)) {
            throw new IllegalArgumentException(operation + " is a Zoho CRM action: " + api.product() + " has none");
        }
    }
}
