package io.github.camelbigin.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Zoho CRM's lead conversion ({@code convert_lead.json}, {@code mass_convert.json}): a lead becomes a Contact, an
 * Account (its Company; an Account of that name is reused) and, when the request brings one, a Deal. The lead leaves
 * Leads — not into the recycle bin nor the deleted list: a converted lead is not a deleted one — its notes follow the
 * Contact, its attachments the record {@code move_attachments_to} names (the Contact by default), and a second
 * conversion of it answers ID_ALREADY_CONVERTED. Mass conversion takes at most 50 leads a job and needs assign_to.
 */
final class LeadConversion {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Zoho CRM's documented most leads of one mass-conversion job. */
    static final int MAX_MASS_CONVERT = 50;

    private final Org org;
    private final RecordFiles files;
    private final MassJobs jobs;
    private final Set<String> converted = ConcurrentHashMap.newKeySet();

    LeadConversion(Org org, RecordFiles files, MassJobs jobs) {
        this.org = org;
        this.files = files;
        this.jobs = jobs;
    }

    void reset() {
        converted.clear();
    }

    /** {@code POST /Leads/{id}/actions/convert}: {@code {"data": [settings]}}, answered per record. */
    Answer convert(String leadId, RecordedRequest req) {
        JsonNode data = req.bodyObject().path("data");
        if (!data.isArray() || data.size() != 1 || !data.get(0).isObject()) {
            throw EmulatorError.badRequest("MANDATORY_NOT_FOUND", "required field not found", "api_name", "data",
                    "json_path", "$.data");
        }
        Map<String, Object> settings = map(data.get(0));
        org.lock.writeLock().lock();
        try {
            if (converted.contains(leadId)) {
                throw EmulatorError.badRequest("ID_ALREADY_CONVERTED", "id already converted",
                        "resource_path_index", 1);
            }
            Org.StoredRecord lead = org.find(org.require("Leads"), leadId);
            if (lead == null) {
                throw EmulatorError.badRequest("INVALID_DATA", "invalid data", "resource_path_index", 1);
            }
            Map<String, Object> result = convert(lead, settings, "$.data[0]");
            int status = "success".equals(result.get("status")) ? 200 : 400;
            return Answer.json(status, Map.of("data", List.of(result)));
        } finally {
            org.lock.writeLock().unlock();
        }
    }

    /** {@code POST /Leads/actions/mass_convert} (a job over at most 50 ids) and {@code GET …?job_id=}. */
    Answer massConvert(RecordedRequest req) {
        if ("GET".equals(req.method())) {
            return jobs.status(req);
        }
        JsonNode body = req.bodyObject();
        JsonNode ids = body.path("ids");
        if (!ids.isArray() || ids.isEmpty()) {
            throw EmulatorError.badRequest("MANDATORY_NOT_FOUND", "required field not found", "api_name", "ids",
                    "json_path", "$.ids");
        }
        if (ids.size() > MAX_MASS_CONVERT) {
            throw EmulatorError.badRequest("INVALID_DATA", "a mass conversion takes at most " + MAX_MASS_CONVERT
                    + " leads", "api_name", "ids", "json_path", "$.ids");
        }
        if (!body.path("assign_to").path("id").isTextual()) {
            throw EmulatorError.badRequest("MANDATORY_NOT_FOUND", "required field not found", "api_name",
                    "assign_to", "json_path", "$.assign_to");
        }
        Map<String, Object> settings = map(body);
        settings.remove("ids");
        long done = 0;
        long notDone = 0;
        org.lock.writeLock().lock();
        try {
            Org.ModuleData leads = org.require("Leads");
            for (JsonNode id : ids) {
                Org.StoredRecord lead = org.find(leads, id.asText());
                if (lead == null || converted.contains(id.asText())) {
                    notDone++;
                } else if ("success".equals(convert(lead, settings, "$").get("status"))) {
                    done++;
                }
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        String jobId = jobs.add(ids.size(), "Converted_Count", done, "Not_Converted_Count", notDone);
        Map<String, Object> scheduled = new LinkedHashMap<>();
        scheduled.put("code", "SCHEDULED");
        scheduled.put("message", "the mass conversion has been scheduled");
        scheduled.put("status", "success");
        scheduled.put("details", Map.of("job_id", jobId));
        return Answer.json(200, scheduled);
    }

    /**
     * Converts one lead (caller holds the write lock): every record made, or — when one of them is refused — none, so
     * a refused conversion leaves the lead and the org as they were.
     */
    private Map<String, Object> convert(Org.StoredRecord lead, Map<String, Object> settings, String path) {
        Map<String, Object> owner = null;
        if (settings.get("assign_to") != null) {
            owner = org.user(idOf(settings.get("assign_to")));
            if (owner == null) {
                return Org.error("INVALID_DATA", "invalid data", "api_name", "assign_to", "json_path",
                        path + ".assign_to");
            }
        }
        Org.Snapshot before = org.snapshot();
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Object> account = account(lead, settings, path, owner);
        Map<String, Object> contact = account != null && "error".equals(account.get("status")) ? account
                : contact(lead, settings, account, path, owner);
        Map<String, Object> deal = "error".equals(contact.get("status")) ? contact
                : deal(settings, account, contact, path, owner);
        for (Map<String, Object> made : java.util.Arrays.asList(account, contact, deal)) {
            if (made != null && "error".equals(made.get("status"))) {
                org.restore(before);
                return made;
            }
        }
        details.put("Contacts", contact);
        details.put("Deals", deal); // null without a Deal asked for: the harsher reading of a required key
        details.put("Accounts", account);
        carryOverTags(lead, settings, details);
        moveNotes(lead, contact.get("id").toString());
        Object target = settings.get("move_attachments_to") instanceof Map<?, ?> m ? m.get("api_name") : null;
        Map<String, Object> to = "Accounts".equals(target) && account != null ? account
                : "Deals".equals(target) && deal != null ? deal : contact;
        files.moveAttachments("Leads", String.valueOf(lead.id), target != null && to != contact ? target.toString()
                : "Contacts", to.get("id").toString());
        Org.ModuleData leads = org.require("Leads");
        leads.byId.remove(lead.id);
        leads.byModified.remove(lead.modKey());
        leads.version++;
        converted.add(String.valueOf(lead.id));
        return Org.success(details, "The record has been converted successfully");
    }

    /** The Account named in the request, else one of the lead's Company name, reused or made; null without either. */
    private Map<String, Object> account(Org.StoredRecord lead, Map<String, Object> settings, String path,
                                        Map<String, Object> owner) {
        Org.ModuleData accounts = org.require("Accounts");
        if (settings.get("Accounts") != null) {
            return existing(accounts, idOf(settings.get("Accounts")), path + ".Accounts");
        }
        Object company = lead.data.get("Company");
        if (company == null || company.toString().isBlank()) {
            return null;
        }
        for (Org.StoredRecord a : accounts.byId.values()) {
            if (company.toString().equalsIgnoreCase(String.valueOf(a.data.get("Account_Name")))) {
                return ref(a.id, a.data.get("Account_Name"));
            }
        }
        return made(accounts, Map.of("Account_Name", company), owner, path + ".Accounts");
    }

    /** The Contact named in the request (with overwrite, given the lead's fields), else one made of the lead. */
    private Map<String, Object> contact(Org.StoredRecord lead, Map<String, Object> settings,
                                        Map<String, Object> account, String path, Map<String, Object> owner) {
        Org.ModuleData contacts = org.require("Contacts");
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String f : List.of("First_Name", "Last_Name", "Email", "Phone", "Description")) {
            if (lead.data.get(f) != null) {
                fields.put(f, lead.data.get(f));
            }
        }
        if (account != null) {
            fields.put("Account_Name", Map.of("id", account.get("id")));
        }
        if (settings.get("Contacts") != null) {
            Map<String, Object> ref = existing(contacts, idOf(settings.get("Contacts")), path + ".Contacts");
            if ("error".equals(ref.get("status")) || !Boolean.TRUE.equals(settings.get("overwrite"))) {
                return ref;
            }
            fields.put("id", ref.get("id"));
            Map<String, Object> updated = org.update(contacts, fields);
            return "success".equals(updated.get("status")) ? ref : updated;
        }
        return made(contacts, fields, owner, path + ".Contacts");
    }

    /** The Deal the request brings (its fields, linked to the Contact and Account), or null when it brings none. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> deal(Map<String, Object> settings, Map<String, Object> account,
                                     Map<String, Object> contact, String path, Map<String, Object> owner) {
        if (!(settings.get("Deals") instanceof Map<?, ?> given)) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) given);
        fields.put("Contact_Name", Map.of("id", contact.get("id")));
        if (account != null) {
            fields.put("Account_Name", Map.of("id", account.get("id")));
        }
        return made(org.require("Deals"), fields, owner, path + ".Deals");
    }

    private Map<String, Object> existing(Org.ModuleData m, String id, String path) {
        Org.StoredRecord r = id == null ? null : org.find(m, id);
        if (r == null) {
            return Org.error("INVALID_DATA", "invalid data", "api_name", m.spec.apiName(), "json_path", path);
        }
        return ref(r.id, r.data.get(m.spec.displayField()));
    }

    /** A record made for the conversion: {@code {name, id}}, or the error refusing it (its json_path in the request). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> made(Org.ModuleData m, Map<String, Object> fields, Map<String, Object> owner,
                                     String path) {
        Map<String, Object> result = org.create(m, fields);
        if (!"success".equals(result.get("status"))) {
            Map<String, Object> details = (Map<String, Object>) result.get("details");
            Object field = details.get("api_name");
            return Org.error(result.get("code").toString(), result.get("message").toString(), "api_name", field,
                    "json_path", path + "." + field);
        }
        Org.StoredRecord r = org.find(m, ((Map<String, Object>) result.get("details")).get("id").toString());
        r.owner = owner;
        return ref(r.id, r.data.get(m.spec.displayField()));
    }

    /** carry_over_tags: the lead's tags named for each module go onto that module's new record. */
    @SuppressWarnings("unchecked")
    private void carryOverTags(Org.StoredRecord lead, Map<String, Object> settings, Map<String, Object> details) {
        if (!(settings.get("carry_over_tags") instanceof Map<?, ?> carry)) {
            return;
        }
        for (Map.Entry<?, ?> e : carry.entrySet()) {
            Object made = details.get(e.getKey().toString());
            Org.ModuleData m = org.module(e.getKey().toString());
            if (!(made instanceof Map<?, ?> ref) || m == null || !(e.getValue() instanceof List<?> tags)) {
                continue;
            }
            Org.StoredRecord r = org.find(m, ref.get("id").toString());
            for (Object tag : tags) {
                if (lead.tags.contains(tag.toString()) && !r.tags.contains(tag.toString())) {
                    r.tags.add(tag.toString());
                }
            }
        }
    }

    /** The lead's notes follow its Contact. */
    @SuppressWarnings("unchecked")
    private void moveNotes(Org.StoredRecord lead, String contactId) {
        Org.ModuleData notes = org.module("Notes");
        if (notes == null) {
            return;
        }
        for (Org.StoredRecord n : notes.byId.values()) {
            if (n.data.get("Parent_Id") instanceof Map<?, ?> parent
                && String.valueOf(lead.id).equals(String.valueOf(parent.get("id")))) {
                Map<String, Object> to = new LinkedHashMap<>((Map<String, Object>) parent);
                to.put("id", contactId);
                n.data.put("Parent_Id", to);
                n.data.put("$se_module", "Contacts");
            }
        }
    }

    private static Map<String, Object> ref(long id, Object name) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("name", name == null ? null : name.toString());
        ref.put("id", String.valueOf(id));
        return ref;
    }

    /** An id given as text or as {@code {"id": …}}. */
    static String idOf(Object value) {
        Object id = value instanceof Map<?, ?> m ? m.get("id") : value;
        return id == null ? null : id.toString().trim();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(JsonNode node) {
        return new LinkedHashMap<>(JSON.convertValue(node, Map.class));
    }
}
