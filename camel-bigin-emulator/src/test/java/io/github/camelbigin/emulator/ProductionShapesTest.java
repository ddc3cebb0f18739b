package io.github.camelbigin.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator answers as production Bigin does: for each recorded production answer under
 * {@code src/test/resources/production} (each names its source), the same request to the emulator gets an answer with
 * the same status, the same keys, the same value types and the same nesting (the values are the emulator's own; a
 * null on either side stands for any type). Objects listed in a fixture's {@code openObjects} (records: orgs differ in
 * their fields) may hold more keys than recorded, never fewer.
 */
class ProductionShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/production");
    private static final AtomicInteger SHAPES = new AtomicInteger();
    private static final AtomicInteger ANSWERS = new AtomicInteger();

    @RegisterExtension
    static BiginEmulatorExtension extension = new BiginEmulatorExtension();

    private final BiginEmulator emulator = extension.emulator();
    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList()
                    .stream();
        }
    }

    @AfterAll
    static void report() {
        // the count the issue asks the fixture test to state
        System.out.println("ProductionShapesTest compared " + SHAPES.get() + " shapes in " + ANSWERS.get()
                           + " recorded production answers");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theEmulatorsAnswerHasTheRecordedShape(String fixture) throws Exception {
        JsonNode recorded;
        try (InputStream in = Files.newInputStream(FIXTURES.resolve(fixture))) {
            recorded = JSON.readTree(in);
        }
        assertThat(recorded.path("source").asText()).as("every fixture names its source").isNotBlank();
        Map<String, String> ids = seed();
        JsonNode request = recorded.get("request");

        HttpResponse<String> answer = send(request, ids);

        assertThat(answer.statusCode()).as(fixture + " status").isEqualTo(recorded.get("status").asInt());
        Set<String> open = new HashSet<>();
        recorded.path("openObjects").forEach(o -> open.add(o.asText()));
        List<String> problems = new ArrayList<>();
        compare("", recorded.get("response"), JSON.readTree(answer.body()), open, problems);
        assertThat(problems).as(fixture + ": the emulator's answer differs in shape from production's").isEmpty();
        ANSWERS.incrementAndGet();
    }

    /** An account with a contact in it; the user is the emulator's own. */
    private Map<String, String> seed() {
        String account = emulator.seed().insert("Accounts", Map.of("Account_Name", "Acme"));
        String contact = emulator.seed().insert("Contacts", Map.of("First_Name", "Ada", "Last_Name", "Lovelace",
                "Email", "ada@example.com", "Mailing_City", "London", "Account_Name", Map.of("id", account)));
        return Map.of("{account}", account, "{contact}", contact, "{user}", "7255024000000100001");
    }

    private HttpResponse<String> send(JsonNode request, Map<String, String> ids) throws Exception {
        StringBuilder uri = new StringBuilder(emulator.apiUrl()).append(fill(request.get("path").asText(), ids));
        char sep = '?';
        for (Iterator<Map.Entry<String, JsonNode>> q = request.path("query").fields(); q.hasNext();) {
            Map.Entry<String, JsonNode> e = q.next();
            uri.append(sep).append(e.getKey()).append('=')
                    .append(URLEncoder.encode(fill(e.getValue().asText(), ids), StandardCharsets.UTF_8));
            sep = '&';
        }
        String body = request.has("body") ? fill(JSON.writeValueAsString(request.get("body")), ids) : null;
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(uri.toString()))
                .header("Authorization", "Zoho-oauthtoken " + BiginEmulator.ACCESS_TOKEN)
                .method(request.get("method").asText(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            rb.header("Content-Type", "application/json");
        }
        return http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String fill(String text, Map<String, String> ids) {
        String out = text;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The recorded element with the same api_name (metadata lists), else the first: what an element is held to. */
    private static JsonNode counterpart(JsonNode recordedArray, JsonNode element) {
        String name = element.path("api_name").asText(null);
        for (JsonNode r : recordedArray) {
            if (name != null && name.equals(r.path("api_name").asText(null))) {
                return r;
            }
        }
        return recordedArray.get(0);
    }

    private static void compare(String path, JsonNode recorded, JsonNode actual, Set<String> open,
                                List<String> problems) {
        SHAPES.incrementAndGet();
        if (recorded.isNull() || actual == null || actual.isNull()) {
            if (actual == null) {
                problems.add(path + ": missing");
            }
            return;
        }
        if (recorded.isObject()) {
            if (!actual.isObject()) {
                problems.add(path + ": an object in production, " + actual.getNodeType() + " here");
                return;
            }
            recorded.fieldNames().forEachRemaining(k -> {
                if (!actual.has(k)) {
                    problems.add(path + "." + k + ": missing");
                } else {
                    compare(path.isEmpty() ? k : path + "." + k, recorded.get(k), actual.get(k), open, problems);
                }
            });
            if (!open.contains(path)) {
                actual.fieldNames().forEachRemaining(k -> {
                    if (!recorded.has(k)) {
                        problems.add((path.isEmpty() ? k : path + "." + k) + ": not in production's answer");
                    }
                });
            }
        } else if (recorded.isArray()) {
            if (!actual.isArray()) {
                problems.add(path + ": an array in production, " + actual.getNodeType() + " here");
            } else if (recorded.size() > 0) {
                if (actual.size() == 0) {
                    problems.add(path + ": empty here, not in production");
                }
                for (JsonNode element : actual) {
                    compare(path + "[]", counterpart(recorded, element), element, open, problems);
                }
            }
        } else if (recorded.getNodeType() != actual.getNodeType()) {
            problems.add(path + ": " + recorded.getNodeType() + " in production, " + actual.getNodeType() + " here");
        }
    }
}
