package io.github.camelbigin.zohocrm;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.camelbigin.emulator.RecordedRequest;

/**
 * Zoho's OpenAPI specifications of CRM v8 as a contract for recorded traffic: each request must be an operation the
 * specifications declare, with declared query parameters and a JSON body that fits the operation's request schema;
 * each JSON answer must fit the schema declared for its status (for a 2xx status the spec leaves out, the 200 one).
 * The schemas are validated by networknt's JSON-schema validator (draft 4, as OpenAPI 3.0's schemas are), after
 * OpenAPI's {@code nullable} is turned into JSON Schema's {@code "type": [t, "null"]}.
 */
final class OpenApiContract {

    /** Where the specifications reference each other; resolved to the copies under {@code crm-oas/}. */
    static final String BASE = "https://raw.githubusercontent.com/Zohocorp-Pvt-Ltd/crm-oas/refs/heads/main/v8.0/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One operation of a specification: its path template, its parameters and where its schemas were put. */
    private record Operation(String file, String method, String[] template, Set<String> queryParameters,
                             Set<String> requiredQuery, Integer requestSchema, boolean bodyRequired,
                             boolean bodyDeclared, Map<String, Integer> answerSchemas, Set<String> answersDeclared) {
    }

    /** What a check found: the shapes checked and every way the traffic broke the contract. */
    record Report(int requests, int requestShapes, int answerShapes, Set<String> operations, List<String> violations) {
    }

    /**
     * Where Zoho's specifications contradict themselves or Zoho's documentation, patched before use; each says why.
     * Everything else is checked as written.
     */
    private record Erratum(String file, String pointer, String property, JsonNode replacement, String why) {
    }

    private static final List<Erratum> ERRATA = List.of(
            new Erratum("notifications.json", "/components/schemas/Notification/properties", "channel_id",
                    node("{\"type\": [\"string\", \"integer\"]}"), "the channel id is a number (Zoho's examples) or"
                    + " text; the same specification's event schema says string, this one object"),
            new Erratum("notifications.json", "/components/schemas/Notification/properties", "notify_url",
                    node("{\"type\": \"string\"}"), "the pattern www[.][a-z]{5}zoho[.]com is an example's host:"
                    + " Zoho calls any URL the channel names"),
            new Erratum("attachments.json", "/components/parameters/attachmentUrl", "required",
                    node("false"), "an attachment is uploaded as a file or attached by URL: the URL is one of the two"
                    + " ways (Zoho's Upload an Attachment documentation), not required"),
            new Erratum("attachments.json", "/components/parameters/ids", "required", node("false"),
                    "ids picks some attachments of the record; without it the record's attachments are listed"),
            new Erratum("blueprint.json", "/components/schemas/Blue_Print", "required", node("[]"),
                    "one schema serves the GET answer (process_info, transitions) and the PUT request (transition_id,"
                    + " data) and requires all four; each has its own two (Zoho's Get and Update Blueprint samples)"),
            new Erratum("send_mail.json", "/components/schemas/to/properties", "email", node("{\"type\": \"string\"}"),
                    "the pattern [a-z]{7}[@]zoho[.]com is an example's address: a mail goes to any address"),
            new Erratum("send_mail.json", "/components/schemas/cc/properties", "email",
                    node("{\"type\": \"string\", \"nullable\": true}"), "as to's: an example's address as a pattern"),
            new Erratum("recycle_bin.json", "/components/parameters/ids", "required", node("false"),
                    "the list, the deletion and the restore share this parameter: the list needs no ids, a deletion"
                    + " takes ids or filters (Zoho's Recycle Bin documentation)"),
            new Erratum("recycle_bin.json", "/components/parameters/filters", "required", node("false"),
                    "as ids: the list filters when it is given, a deletion takes ids or filters"),
            new Erratum("composite_requests.json", "/components/schemas/wrapper/properties", "rollback_on_fail",
                    node("{\"type\": \"boolean\", \"nullable\": true}"), "rollback_on_fail is the point of the"
                    + " key: true makes the call all or nothing (Zoho's Composite API documentation); the enum [false]"
                    + " is an example's value"),
            new Erratum("bulk_read.json", "/components/schemas/Query", "required",
                    node("[\"module\", \"fields\", \"page\"]"), "criteria, cvid and file_type are optional in"
                    + " Zoho's bulk-read documentation; file_type's only value, ics, is for Events"));

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private final Map<String, String> documents = new LinkedHashMap<>();
    private final List<Operation> operations = new ArrayList<>();
    private final SchemaRegistry registry;

    OpenApiContract(String... files) throws IOException {
        for (String file : files) {
            documents.put(file, JSON.writeValueAsString(prepare(file)));
        }
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, b -> b.schemas(iri -> {
            String file = iri.startsWith(BASE) ? iri.substring(BASE.length()) : null;
            return file == null ? null : documents.computeIfAbsent(file, f -> {
                try {
                    return JSON.writeValueAsString(prepare(f));
                } catch (IOException e) {
                    throw new IllegalStateException("No copy of " + iri + " under crm-oas/", e);
                }
            });
        }));
    }

    /**
     * A specification with {@code nullable} made JSON Schema, and each operation's request and answer schemas copied
     * to {@code /x-contract/<n>} so a validator can point at them without escaping path templates.
     */
    private ObjectNode prepare(String file) throws IOException {
        ObjectNode doc;
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/crm-oas/" + file)) {
            if (in == null) {
                throw new IOException("crm-oas/" + file + " is not on the test classpath");
            }
            doc = (ObjectNode) JSON.readTree(in);
        }
        for (Erratum e : ERRATA) {
            if (e.file().equals(file)) {
                JsonNode at = doc.at(e.pointer());
                if (!(at instanceof ObjectNode o) || !o.has(e.property())) {
                    throw new IllegalStateException("Erratum of " + file + e.pointer() + "/" + e.property()
                                                    + " no longer applies: check it against the specification");
                }
                o.set(e.property(), e.replacement().deepCopy());
            }
        }
        nullable(doc);
        ArrayNode contract = doc.putArray("x-contract");
        JsonNode paths = doc.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext();) {
                Map.Entry<String, JsonNode> method = m.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode op = method.getValue();
                Set<String> query = new LinkedHashSet<>();
                Set<String> required = new LinkedHashSet<>();
                for (JsonNode prm : op.path("parameters")) {
                    JsonNode resolved = prm.has("$ref") ? pointer(doc, prm.get("$ref").asText()) : prm;
                    if (resolved != null && "query".equals(resolved.path("in").asText())) {
                        query.add(resolved.path("name").asText());
                        if (resolved.path("required").asBoolean()) {
                            required.add(resolved.path("name").asText());
                        }
                    }
                }
                Integer request = null;
                JsonNode body = op.path("requestBody");
                if (body.has("$ref")) {
                    body = pointer(doc, body.get("$ref").asText());
                }
                // a JSON body declared without a schema ("application/json": {}) is any JSON: sent, not checked
                boolean bodyDeclared = body != null && body.path("content").has("application/json");
                JsonNode requestSchema = body == null ? null : body.path("content").path("application/json")
                        .get("schema");
                if (requestSchema != null) {
                    contract.add(requestSchema);
                    request = contract.size() - 1;
                }
                Map<String, Integer> answers = new LinkedHashMap<>();
                Set<String> declared = new LinkedHashSet<>();
                for (Iterator<Map.Entry<String, JsonNode>> r = op.path("responses").fields(); r.hasNext();) {
                    Map.Entry<String, JsonNode> response = r.next();
                    declared.add(response.getKey());
                    JsonNode resolved = response.getValue().has("$ref")
                            ? pointer(doc, response.getValue().get("$ref").asText()) : response.getValue();
                    JsonNode schema = resolved == null ? null : resolved.path("content").path("application/json")
                            .get("schema");
                    if (schema != null) {
                        contract.add(schema);
                        answers.put(response.getKey(), contract.size() - 1);
                    }
                }
                operations.add(new Operation(file, method.getKey().toUpperCase(), path.getKey().split("/"), query,
                        required, request, body != null && body.path("required").asBoolean(), bodyDeclared, answers,
                        declared));
            }
        }
        return doc;
    }

    private static JsonNode pointer(JsonNode doc, String ref) {
        return ref.startsWith("#") ? doc.at(ref.substring(1)) : null;
    }

    /**
     * OpenAPI 3.0's {@code nullable: true} beside a {@code type} is JSON Schema's {@code type: [type, "null"]}; and
     * Zoho's {@code oneOf} lists alternatives that overlap (a page of per-record results also fits the loose
     * {@code API_Exception}), so it is read as {@code anyOf}: an answer must fit one of them, not exactly one.
     */
    private static void nullable(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.has("oneOf")) {
                o.set("anyOf", o.remove("oneOf"));
            }
            if (o.path("nullable").asBoolean() && o.path("type").isTextual()) {
                ArrayNode types = JSON.createArrayNode().add(o.get("type").asText()).add("null");
                o.set("type", types);
                if (o.has("enum")) {
                    ((ArrayNode) o.get("enum")).addNull();
                }
            }
            o.remove("nullable");
            o.elements().forEachRemaining(OpenApiContract::nullable);
        } else if (node instanceof ArrayNode a) {
            a.elements().forEachRemaining(OpenApiContract::nullable);
        }
    }

    /** Checks recorded API traffic against the specifications. */
    Report check(List<RecordedRequest> traffic) {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int requestShapes = 0;
        int answerShapes = 0;
        for (RecordedRequest r : traffic) {
            String[] path = r.path().split("/");
            Operation op = find(r.method(), path);
            String what = r.method() + " " + r.path();
            if (op == null) {
                violations.add(what + ": no operation of the specifications has this method and path");
                continue;
            }
            seen.add(op.file() + " " + op.method() + " " + String.join("/", op.template()));
            for (String name : r.query().keySet()) {
                if (!op.queryParameters().contains(name)) {
                    violations.add(what + ": query parameter '" + name + "' is not declared (declared: "
                                   + op.queryParameters() + ")");
                }
            }
            for (String name : op.requiredQuery()) {
                if (!r.query().containsKey(name)) {
                    violations.add(what + ": the required query parameter '" + name + "' is missing");
                }
            }
            JsonNode body = jsonBody(r);
            if (body == null && op.bodyRequired() && op.requestSchema() != null && !multipart(r)) {
                violations.add(what + ": sends no JSON body, which the operation requires");
            }
            if (body != null) {
                if (op.requestSchema() == null && !op.bodyDeclared()) {
                    violations.add(what + ": sends a JSON body the operation does not declare");
                } else if (op.requestSchema() != null) {
                    requestShapes++;
                    // a request is held to the types, formats and values of what it sends, not to the "required"
                    // lists: Zoho's request schemas reuse answer schemas, whose lists name what only Zoho sets
                    // (id, created_by, created_time of a job or tag)
                    validate(op, op.requestSchema(), body, what + " request", violations, "required");
                }
            }
            JsonNode answer = r.answerJson();
            if (answer != null) {
                String status = String.valueOf(r.status());
                Integer schema = op.answerSchemas().get(status);
                if (schema == null && r.status() / 100 == 2) {
                    schema = op.answerSchemas().get("200");
                }
                if (schema == null && !op.answersDeclared().contains(status)) {
                    violations.add(what + ": answered " + status + " with JSON, which the operation does not"
                                   + " declare (declared: " + op.answersDeclared() + ")");
                } else if (schema != null) { // a status declared without a schema is any JSON
                    answerShapes++;
                    validate(op, schema, answer, what + " answer " + status, violations, null);
                }
            }
        }
        return new Report(traffic.size(), requestShapes, answerShapes, seen, violations);
    }

    private void validate(Operation op, int index, JsonNode node, String what, List<String> violations,
                          String ignoredKeyword) {
        Schema schema = registry.getSchema(SchemaLocation.of(BASE + op.file() + "#/x-contract/" + index));
        schema.validate(node).stream().filter(e -> !e.getKeyword().equals(ignoredKeyword))
                .forEach(e -> violations.add(what + " at " + e.getInstanceLocation() + ": " + e.getMessage()));
    }

    private static boolean multipart(RecordedRequest r) {
        String type = r.header("Content-Type");
        return type != null && type.startsWith("multipart/");
    }

    private static JsonNode jsonBody(RecordedRequest r) {
        String type = r.header("Content-Type");
        return type != null && type.startsWith("application/json") ? r.bodyJson() : null;
    }

    /** The operation whose template matches, the one with the most literal segments first. */
    private Operation find(String method, String[] path) {
        Operation best = null;
        int bestLiterals = -1;
        for (Operation op : operations) {
            if (!op.method().equals(method)
                || op.template().length != path.length && !"{download_url}".equals(op.template()[op.template().length - 1])) {
                continue;
            }
            if (op.template().length == 2 && "{download_url}".equals(op.template()[1])) {
                // the URL a bulk-write job hands out: any path, matched only when nothing else is
                if (best == null && "GET".equals(method)) {
                    best = op;
                }
                continue;
            }
            int literals = 0;
            boolean match = true;
            for (int i = 0; i < path.length && match; i++) {
                String t = op.template()[i];
                if (t.startsWith("{")) {
                    continue;
                }
                match = t.equals(path[i]);
                literals++;
            }
            if (match && literals > bestLiterals) {
                best = op;
                bestLiterals = literals;
            }
        }
        return best;
    }
}
