package io.github.camelbigin.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zoho CRM's mail from a record ({@code send_mail.json}): {@code POST /{module}/{id}/actions/send_mail} with
 * {@code {"data": [mail]}}. The sender must be a user of the org; every address (from, to, cc, bcc, reply_to) needs
 * its {@code user_name} and {@code email}, as the specification requires; a subject or a template. Nothing leaves
 * the emulator: the mails are kept for tests to read.
 */
final class SentMails {

    private final Org org;
    private final List<Map<String, Object>> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong messageIds = new AtomicLong(1_700_000_000_000L);

    SentMails(Org org) {
        this.org = org;
    }

    void reset() {
        sent.clear();
    }

    List<Map<String, Object>> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    Answer send(Org.ModuleData m, String id, RecordedRequest req) {
        JsonNode data = req.bodyObject().path("data");
        if (!data.isArray() || data.size() != 1 || !data.get(0).isObject()) {
            throw EmulatorError.badRequest("MANDATORY_NOT_FOUND", "required field not found", "api_name", "data",
                    "json_path", "$.data");
        }
        JsonNode mail = data.get(0);
        org.lock.readLock().lock();
        try {
            if (org.find(m, id) == null) {
                throw EmulatorError.badRequest("INVALID_DATA", "the id given seems to be invalid",
                        "resource_path_index", 1);
            }
        } finally {
            org.lock.readLock().unlock();
        }
        String fromEmail = mail.path("from").path("email").asText(null);
        address(mail.path("from"), "$.data[0].from");
        if (org.users().stream().noneMatch(u -> u.get("email").equals(fromEmail))) {
            throw invalid("from", "$.data[0].from.email", "the from address is not a user of the org");
        }
        if (!mail.path("to").isArray() || mail.path("to").isEmpty()) {
            throw EmulatorError.badRequest("MANDATORY_NOT_FOUND", "required field not found", "api_name", "to",
                    "json_path", "$.data[0].to");
        }
        for (String list : List.of("to", "cc", "bcc")) {
            for (int i = 0; i < mail.path(list).size(); i++) {
                address(mail.path(list).get(i), "$.data[0]." + list + "[" + i + "]");
            }
        }
        if (mail.has("reply_to")) {
            address(mail.get("reply_to"), "$.data[0].reply_to");
        }
        if (!mail.path("subject").isTextual() && !mail.path("template").path("id").isTextual()) {
            throw EmulatorError.badRequest("MANDATORY_NOT_FOUND", "required field not found", "api_name", "subject",
                    "json_path", "$.data[0].subject");
        }
        String format = mail.path("mail_format").asText("html");
        if (!format.equals("html") && !format.equals("text")) {
            throw invalid("mail_format", "$.data[0].mail_format", "invalid data");
        }
        String messageId = Long.toHexString(messageIds.getAndIncrement());
        Map<String, Object> kept = LeadConversion.map(mail);
        kept.put("module", m.spec.apiName());
        kept.put("record_id", id);
        kept.put("message_id", messageId);
        sent.add(kept);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("message_id", messageId);
        details.put("blocked_email_addresses", List.of());
        Map<String, Object> result = Org.success(details, "Your mail has been sent successfully.");
        return Answer.json(200, Map.of("data", List.of(result)));
    }

    /** An address of the mail: {@code user_name} and a well-formed {@code email}. */
    private static void address(JsonNode a, String path) {
        if (!a.isObject() || !a.path("email").isTextual() || !a.path("user_name").isTextual()) {
            throw EmulatorError.badRequest("MANDATORY_NOT_FOUND", "required field not found", "api_name",
                    a.isObject() && a.path("email").isTextual() ? "user_name" : "email", "json_path", path);
        }
        if (!Org.EMAIL.matcher(a.get("email").asText()).matches()) {
            throw invalid("email", path + ".email", "invalid data");
        }
    }

    private static EmulatorError invalid(String apiName, String path, String message) {
        return EmulatorError.badRequest("INVALID_DATA", message, "api_name", apiName, "json_path", path);
    }
}
