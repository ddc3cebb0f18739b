package io.github.camelbigin.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * As much of Zoho Books v3 as the seed's sync uses (bigin-api.md): {@code GET /books/v3/contacts?search_text=} and
 * {@code POST}/{@code PUT /books/v3/contacts[/{id}]} with the contact as the form field {@code JSONString}; every call
 * carries {@code organization_id}; answers carry {@code code} (0 = success) and {@code message}. A contact name another
 * contact of the organization has is refused (400, code 3062), as Books refuses it.
 */
final class BooksApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, Object>> contacts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(460000000100000L);

    void reset() {
        contacts.clear();
    }

    /** The Books contacts, as the sync left them. */
    List<Map<String, Object>> contacts() {
        return new ArrayList<>(contacts.values());
    }

    /** {@code /books/v3/contacts[/{id}]}: {@code seg} is what follows {@code /books/v3}. */
    Answer route(RecordedRequest req, List<String> seg) {
        if (seg.isEmpty() || !"contacts".equals(seg.get(0)) || seg.size() > 2) {
            throw ApiRoutes.notFound();
        }
        Map<String, String> form = Dispatcher.query(req.body());
        String org = req.query("organization_id") != null ? req.query("organization_id") : form.get("organization_id");
        if (org == null || org.isBlank()) {
            return error(400, 6041, "organization_id is missing");
        }
        switch (req.method()) {
            case "GET": {
                String text = req.query("search_text") == null ? "" : req.query("search_text").toLowerCase(Locale.ROOT);
                List<Map<String, Object>> found = new ArrayList<>();
                for (Map<String, Object> c : contacts.values()) {
                    if (String.valueOf(c.get("email")).toLowerCase(Locale.ROOT).contains(text)
                        || String.valueOf(c.get("contact_name")).toLowerCase(Locale.ROOT).contains(text)) {
                        found.add(c);
                    }
                }
                return Answer.json(200, Map.of("code", 0, "message", "success", "contacts", found)).credits(0);
            }
            case "POST":
            case "PUT": {
                JsonNode given = jsonString(form);
                if (given == null || given.path("contact_name").asText("").isBlank()) {
                    return error(400, 2, "contact_name is mandatory: send the contact as the form field JSONString");
                }
                boolean update = "PUT".equals(req.method());
                String id = update ? (seg.size() == 2 ? seg.get(1) : null) : String.valueOf(ids.incrementAndGet());
                if (update && (id == null || !contacts.containsKey(id))) {
                    return error(404, 1002, "contact does not exist");
                }
                String name = given.path("contact_name").asText();
                for (Map<String, Object> other : contacts.values()) {
                    if (!other.get("contact_id").equals(id)
                        && name.equalsIgnoreCase(String.valueOf(other.get("contact_name")))) {
                        // Books keeps contact names unique in an organization
                        return error(400, 3062, "The contact name already exists. Please specify a different name.");
                    }
                }
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("contact_id", id);
                c.putAll(JSON.convertValue(given, Map.class));
                contacts.put(id, c);
                return Answer.json(update ? 200 : 201, Map.of("code", 0, "message", update
                        ? "Contact information has been saved." : "The contact has been added.", "contact", c))
                        .credits(0);
            }
            default:
                throw ApiRoutes.notFound();
        }
    }

    private static JsonNode jsonString(Map<String, String> form) {
        try {
            return form.get("JSONString") == null ? null : JSON.readTree(form.get("JSONString"));
        } catch (Exception e) {
            return null;
        }
    }

    private static Answer error(int status, int code, String message) {
        return Answer.json(status, Map.of("code", code, "message", message)).credits(0);
    }
}
