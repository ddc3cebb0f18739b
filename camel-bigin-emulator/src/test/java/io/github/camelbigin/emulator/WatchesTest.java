package io.github.camelbigin.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The watch API's traps and the callback faults, as bigin-api.md describes them. */
class WatchesTest {

    @RegisterExtension
    static BiginEmulatorExtension extension = new BiginEmulatorExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newHttpClient();
    private final BiginEmulator emulator = extension.emulator();
    private final CallbackReceiver receiver = new CallbackReceiver();

    @AfterEach
    void close() {
        receiver.close();
    }

    private HttpResponse<String> watch(String method, String query, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/actions/watch" + query))
                .header("Authorization", "Zoho-oauthtoken " + BiginEmulator.ACCESS_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String item(String id, String events, Duration lifetime) {
        String expiry = OffsetDateTime.ofInstant(emulator.clock().instant().plus(lifetime), ZoneOffset.UTC).toString();
        return "{\"channel_id\":\"" + id + "\",\"events\":" + events + ",\"notify_url\":\"" + receiver.url()
               + "\",\"token\":\"t\",\"channel_expiry\":\"" + expiry + "\"}";
    }

    private HttpResponse<String> enable(String... items) throws Exception {
        return watch("POST", "", "{\"watch\":[" + String.join(",", items) + "]}");
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void theEnableAnswerAndTheCallbackHaveBiginsDocumentedShapes() throws Exception {
        HttpResponse<String> r = enable(item("1000000068001", "[\"Contacts.create\"]", Duration.ofHours(1)));

        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode result = json(r).at("/watch/0");
        assertThat(result.get("code").asText()).isEqualTo("SUCCESS");
        assertThat(result.at("/details/events/0").fieldNames()).toIterable()
                .containsExactly("channel_expiry", "resource_uri", "resource_id", "resource_name", "channel_id");
        emulator.seed().insert("Contacts", Map.of("Last_Name", "Shaped"));
        assertThat(receiver.next(WAIT)).containsOnlyKeys("server_time", "query_params", "module", "resource_uri",
                "ids", "affected_fields", "operation", "channel_id", "token");
    }

    @Test
    void aPatchWithoutDeleteEventsDisablesNothing() throws Exception {
        enable(item("1", "[\"Contacts.create\",\"Contacts.edit\"]", Duration.ofHours(1)));

        HttpResponse<String> patched = watch("PATCH", "", "{\"watch\":[{\"channel_id\":\"1\",\"events\":[\"Contacts.edit\"]}]}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json(watch("GET", "", null)).at("/watch/0/events").toString())
                .isEqualTo("[\"Contacts.create\",\"Contacts.edit\"]");

        watch("PATCH", "", "{\"watch\":[{\"channel_id\":\"1\",\"events\":[\"Contacts.edit\"],\"_delete_events\":true}]}");
        assertThat(json(watch("GET", "", null)).at("/watch/0/events").toString()).isEqualTo("[\"Contacts.create\"]");
    }

    @Test
    void theListWritesChannelIdsAsNumbersWithTheShortInfo() throws Exception {
        enable(item("1000000068001", "[\"Contacts.all\"]", Duration.ofHours(1)));

        JsonNode list = json(watch("GET", "?module=Contacts", null));

        assertThat(list.at("/watch/0/channel_id").isNumber()).isTrue();
        assertThat(list.get("info").fieldNames()).toIterable()
                .containsExactly("per_page", "count", "page", "more_records");
        assertThat(watch("GET", "?module=Accounts", null).statusCode()).isEqualTo(204);
    }

    @Test
    void expiredChannelsVanishAndCannotBeRenewed() throws Exception {
        enable(item("2", "[\"Contacts.create\"]", Duration.ofMinutes(5)));
        emulator.clock().advance(Duration.ofMinutes(6));

        assertThat(watch("GET", "", null).statusCode()).isEqualTo(204);
        HttpResponse<String> renewal = watch("PUT", "", "{\"watch\":[" + item("2", "[\"Contacts.create\"]",
                Duration.ofHours(1)) + "]}");
        assertThat(renewal.statusCode()).isEqualTo(202);
        assertThat(json(renewal).at("/watch/0/code").asText()).isEqualTo("NOT_SUBSCRIBED");
        emulator.seed().insert("Contacts", Map.of("Last_Name", "Unheard"));
        assertThat(receiver.next(Duration.ofMillis(300))).isNull();
    }

    @Test
    void badChannelsAreRefusedNamingTheField() throws Exception {
        HttpResponse<String> r = enable(item("3", "[\"Notes.create\"]", Duration.ofHours(1)),
                item("x4", "[\"Contacts.create\"]", Duration.ofHours(1)),
                item("5", "[\"Contacts.create\"]", Duration.ofHours(25)));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).findValuesAsText("api_name")).containsExactly("events", "channel_id", "channel_expiry");
        assertThat(watch("POST", "", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void callbacksCanBeDroppedDoubledAndReordered() throws Exception {
        enable(item("6", "[\"Contacts.all\"]", Duration.ofHours(1)));

        emulator.faults().dropNextCallbacks(1);
        String dropped = emulator.seed().insert("Contacts", Map.of("Last_Name", "Lost"));
        awaitCallbacks(1);
        emulator.faults().duplicateCallbacks(true);
        String doubled = emulator.seed().insert("Contacts", Map.of("Last_Name", "Twice"));
        assertThat(ids(receiver.next(WAIT))).containsExactly(doubled);
        assertThat(ids(receiver.next(WAIT))).containsExactly(doubled);
        emulator.faults().duplicateCallbacks(false);

        emulator.faults().reorderNextCallback();
        String first = emulator.seed().insert("Contacts", Map.of("Last_Name", "First"));
        emulator.seed().delete("Contacts", first);
        Map<String, Object> a = receiver.next(WAIT);
        Map<String, Object> b = receiver.next(WAIT);
        assertThat(a).containsEntry("operation", "delete");
        assertThat(b).containsEntry("operation", "insert");
        assertThat(ids(b)).containsExactly(first);

        assertThat(emulator.observe().callbacks().get(0).wasDropped()).isTrue();
        assertThat(emulator.observe().callbacks().get(0).ids()).containsExactly(dropped);
    }

    @Test
    void aChannelCanBeEndedEarly() throws Exception {
        enable(item("7", "[\"Contacts.create\"]", Duration.ofHours(1)));

        assertThat(emulator.faults().expireChannel("7")).isTrue();

        assertThat(emulator.observe().channelIds()).isEmpty();
        emulator.seed().insert("Contacts", Map.of("Last_Name", "Unheard"));
        assertThat(receiver.next(Duration.ofMillis(300))).isNull();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> callback) {
        assertThat(callback).isNotNull();
        return (List<String>) callback.get("ids");
    }

    private void awaitCallbacks(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (emulator.observe().callbacks().size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(emulator.observe().callbacks()).hasSizeGreaterThanOrEqualTo(n);
    }
}
