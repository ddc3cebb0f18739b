package io.github.camelbigin.emulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator answers as bigin-api.md says Bigin does, taking the harsher reading where Bigin is unclear. */
class BiginEmulatorTest {

    @RegisterExtension
    static BiginEmulatorExtension extension = new BiginEmulatorExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final BiginEmulator emulator = extension.emulator();

    private HttpResponse<String> call(String method, String pathAndQuery, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.apiUrl() + pathAndQuery))
                .header("Authorization", "Zoho-oauthtoken " + BiginEmulator.ACCESS_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void listWithoutFieldsIsRefusedWithRequiredParamMissing() throws Exception {
        HttpResponse<String> r = call("GET", "/Contacts", null);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("code").asText()).isEqualTo("REQUIRED_PARAM_MISSING");
        assertThat(json(r).get("details").get("param_name").asText()).isEqualTo("fields");
    }

    @Test
    void listRefusesMoreThan50FieldsAndMoreThan200PerPage() throws Exception {
        String fiftyOne = IntStream.range(0, 51).mapToObj(i -> "Last_Name").collect(Collectors.joining(","));
        String distinct51 = IntStream.range(0, 51).mapToObj(i -> "F" + i).collect(Collectors.joining(","));
        assertThat(call("GET", "/Contacts?fields=" + distinct51, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/Contacts?fields=" + fiftyOne, null).statusCode()).isEqualTo(204);
        assertThat(json(call("GET", "/Contacts?fields=Last_Name&per_page=201", null)).get("code").asText())
                .isEqualTo("INVALID_DATA");
    }

    @Test
    void anEmptyListAnswers204WithoutBody() throws Exception {
        HttpResponse<String> r = call("GET", "/Contacts?fields=Last_Name", null);

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void listPagesCarryMoreRecordsAndANextPageToken() throws Exception {
        emulator.seed().contacts(250);

        JsonNode first = json(call("GET", "/Contacts?fields=Last_Name&sort_order=asc", null));
        String token = first.get("info").get("next_page_token").asText();
        JsonNode second = json(call("GET", "/Contacts?fields=Last_Name&sort_order=asc&page_token=" + token, null));

        assertThat(first.get("data")).hasSize(200);
        assertThat(first.get("info").get("more_records").asBoolean()).isTrue();
        assertThat(second.get("data")).hasSize(50);
        assertThat(second.get("info").get("more_records").asBoolean()).isFalse();
        assertThat(second.get("info").get("next_page_token").isNull()).isTrue(); // production keeps the key, null
        assertThat(second.get("data").get(0).get("Last_Name").asText()).isEqualTo("Number200");
    }

    @Test
    void plainPagePagingStopsAt2000Records() throws Exception {
        emulator.seed().contacts(2100);

        HttpResponse<String> page10 = call("GET", "/Contacts?fields=Last_Name&page=10&per_page=200", null);
        HttpResponse<String> page11 = call("GET", "/Contacts?fields=Last_Name&page=11&per_page=200", null);

        assertThat(page10.statusCode()).isEqualTo(200);
        assertThat(page11.statusCode()).isEqualTo(400);
        assertThat(json(page11).get("code").asText()).isEqualTo("DISCRETE_PAGINATION_LIMIT_EXCEEDED");
    }

    @Test
    void ifModifiedSinceReturnsOnlyRecordsModifiedStrictlyAfterAndOtherwise304() throws Exception {
        emulator.clock().freezeAt(Instant.parse("2026-02-06T08:28:53Z"));
        List<String> ids = emulator.seed().contacts(2);
        emulator.clock().advance(Duration.ofSeconds(1));
        emulator.seed().update("Contacts", ids.get(1), Map.of("Title", "changed"));

        JsonNode after = json(call("GET", "/Contacts?fields=Last_Name", null, "If-Modified-Since",
                "2026-02-06T00:28:53-08:00"));
        HttpResponse<String> none = call("GET", "/Contacts?fields=Last_Name", null, "If-Modified-Since",
                "2026-02-06T00:28:54-08:00");

        assertThat(after.get("data")).hasSize(1);
        assertThat(after.get("data").get(0).get("id").asText()).isEqualTo(ids.get(1));
        assertThat(none.statusCode()).isEqualTo(304);
    }

    @Test
    void timestampsCarryTheOrgsOffsetToTheSecond() throws Exception {
        emulator.clock().freezeAt(Instant.parse("2026-02-06T08:28:53.789Z"));
        emulator.seed().contacts(1);

        JsonNode record = json(call("GET", "/Contacts?fields=Created_Time,Modified_Time", null)).get("data").get(0);

        assertThat(record.get("Created_Time").asText()).isEqualTo("2026-02-06T00:28:53-08:00");
        assertThat(record.get("Modified_Time").asText()).isEqualTo("2026-02-06T00:28:53-08:00");
    }

    @Test
    void sortByModifiedTimeAscendingOrdersByLastChange() throws Exception {
        List<String> ids = emulator.seed().contacts(3);
        emulator.seed().update("Contacts", ids.get(0), Map.of("Title", "last"));

        JsonNode data = json(call("GET", "/Contacts?fields=Last_Name&sort_by=Modified_Time&sort_order=asc", null))
                .get("data");

        assertThat(data.get(2).get("id").asText()).isEqualTo(ids.get(0));
    }

    @Test
    void aWriteAnswersPerRecordWithMandatoryFieldErrorsAnd207() throws Exception {
        HttpResponse<String> r = call("POST", "/Contacts",
                "{\"data\":[{\"Last_Name\":\"A\"},{\"First_Name\":\"B\"}],\"trigger\":[\"workflow\"]}");

        assertThat(r.statusCode()).isEqualTo(207);
        JsonNode data = json(r).get("data");
        assertThat(data.get(0).get("status").asText()).isEqualTo("success");
        assertThat(data.get(0).get("details").get("id").asText()).matches("\\d{19}");
        assertThat(data.get(1).get("code").asText()).isEqualTo("MANDATORY_NOT_FOUND");
        assertThat(data.get(1).get("details").get("api_name").asText()).isEqualTo("Last_Name");
    }

    @Test
    void writesOfMoreThan100RecordsAreRefused() throws Exception {
        String data = IntStream.range(0, 101).mapToObj(i -> "{\"Last_Name\":\"x\"}").collect(Collectors.joining(","));

        HttpResponse<String> r = call("POST", "/Contacts", "{\"data\":[" + data + "]}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("code").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(emulator.observe().count("Contacts")).isZero();
    }

    @Test
    void mandatoryFieldsOfEachStandardModuleAreEnforced() throws Exception {
        assertThat(json(call("POST", "/Accounts", "{\"data\":[{\"Website\":\"x\"}]}")).get("data").get(0)
                .get("details").get("api_name").asText()).isEqualTo("Account_Name");
        JsonNode pipeline = json(call("POST", "/Pipelines", "{\"data\":[{\"Pipeline_Name\":\"Deal\"}]}"));
        assertThat(pipeline.get("data").get(0).get("details").get("api_name").asText()).isEqualTo("Stage");
        assertThat(json(call("POST", "/Products", "{\"data\":[{\"Product_Code\":\"P1\"}]}")).get("data").get(0)
                .get("details").get("api_name").asText()).isEqualTo("Product_Name");
    }

    @Test
    void upsertMatchesDuplicateCheckFieldsIgnoringCase() throws Exception {
        emulator.seed().insert("Contacts", Map.of("Last_Name", "A", "Email", "Ann@Example.com"));

        JsonNode data = json(call("POST", "/Contacts/upsert",
                "{\"data\":[{\"Last_Name\":\"A2\",\"Email\":\"ann@example.com\"}],\"duplicate_check_fields\":[\"Email\"]}"))
                .get("data");

        assertThat(data.get(0).get("action").asText()).isEqualTo("update");
        assertThat(emulator.observe().count("Contacts")).isEqualTo(1);
    }

    @Test
    void searchCriteriaSupportsEqualsStartsWithAndEscapes() throws Exception {
        emulator.seed().insert("Contacts", Map.of("Last_Name", "Watson", "Email", "ted@example.com"));
        emulator.seed().insert("Contacts", Map.of("Last_Name", "Watson", "Email", "sue@example.com"));
        emulator.seed().insert("Contacts", Map.of("Last_Name", "Smith, (Jr)"));

        JsonNode both = json(call("GET", "/Contacts/search?criteria="
                                         + enc("((Last_Name:equals:Watson)and(Email:starts_with:ted))"), null));
        JsonNode escaped = json(call("GET", "/Contacts/search?criteria=" + enc("(Last_Name:equals:Smith\\, \\(Jr\\))"),
                null));
        HttpResponse<String> unescaped = call("GET", "/Contacts/search?criteria=" + enc("(Last_Name:equals:a(b)"), null);

        assertThat(both.get("data")).hasSize(1);
        assertThat(escaped.get("data")).hasSize(1);
        assertThat(unescaped.statusCode()).isEqualTo(400);
        assertThat(call("GET", "/Contacts/search?criteria=" + enc("(Last_Name:equals:Nobody)"), null).statusCode())
                .isEqualTo(204);
    }

    @Test
    void deletedRecordsListIdTimeAndUser() throws Exception {
        String id = emulator.seed().contacts(1).get(0);
        call("DELETE", "/Contacts?ids=" + id, null);

        JsonNode deleted = json(call("GET", "/Contacts/deleted?type=all", null)).get("data").get(0);

        assertThat(deleted.get("id").asText()).isEqualTo(id);
        assertThat(OffsetDateTime.parse(deleted.get("deleted_time").asText())).isNotNull();
        assertThat(deleted.get("deleted_by").get("name").asText()).isNotBlank();
    }

    @Test
    void unknownRecordIdsAnswer404InvalidData() throws Exception {
        HttpResponse<String> r = call("GET", "/Contacts/7255024000999999999", null);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("code").asText()).isEqualTo("INVALID_DATA");
    }

    @Test
    void tokensExpireAndMintingIsThrottledPast10In10Minutes() throws Exception {
        emulator.tuning().tokenLifetime(Duration.ofSeconds(60));
        String form = "grant_type=refresh_token&client_id=" + BiginEmulator.CLIENT_ID + "&client_secret="
                      + BiginEmulator.CLIENT_SECRET + "&refresh_token=" + BiginEmulator.REFRESH_TOKEN;
        HttpRequest mint = HttpRequest.newBuilder(URI.create(emulator.accountsUrl() + "/oauth/v2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();

        JsonNode token = JSON.readTree(http.send(mint, HttpResponse.BodyHandlers.ofString()).body());
        assertThat(token.get("expires_in").asInt()).isEqualTo(60);
        assertThat(token.get("api_domain").asText()).isEqualTo(emulator.baseUrl());
        HttpRequest use = HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/org"))
                .header("Authorization", "Zoho-oauthtoken " + token.get("access_token").asText()).build();
        assertThat(http.send(use, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        emulator.clock().advance(Duration.ofSeconds(61));
        HttpResponse<String> expired = http.send(use, HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(expired.body()).get("code").asText()).isEqualTo("INVALID_TOKEN");

        for (int i = 0; i < 9; i++) {
            http.send(mint, HttpResponse.BodyHandlers.ofString());
        }
        HttpResponse<String> denied = http.send(mint, HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(denied.body()).get("error").asText()).isEqualTo("Access Denied");
    }

    @Test
    void theSixteenthTokenSilentlyInvalidatesTheOldest() throws Exception {
        String form = "grant_type=refresh_token&client_id=" + BiginEmulator.CLIENT_ID + "&client_secret="
                      + BiginEmulator.CLIENT_SECRET + "&refresh_token=" + BiginEmulator.REFRESH_TOKEN;
        emulator.tuning().tokenLimits(100, 15);
        HttpRequest mint = HttpRequest.newBuilder(URI.create(emulator.accountsUrl() + "/oauth/v2/token"))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String first = JSON.readTree(http.send(mint, HttpResponse.BodyHandlers.ofString()).body()).get("access_token")
                .asText();
        for (int i = 0; i < 15; i++) {
            http.send(mint, HttpResponse.BodyHandlers.ofString());
        }
        HttpRequest use = HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/org"))
                .header("Authorization", "Zoho-oauthtoken " + first).build();

        assertThat(http.send(use, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        emulator.tuning().tokenLimits(10, 15);
    }

    @Test
    void aBadRefreshTokenAnswersInvalidCodeWithHttp200() throws Exception {
        HttpRequest mint = HttpRequest.newBuilder(URI.create(emulator.accountsUrl() + "/oauth/v2/token"))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id="
                                                          + BiginEmulator.CLIENT_ID + "&client_secret="
                                                          + BiginEmulator.CLIENT_SECRET + "&refresh_token=nope"))
                .build();

        HttpResponse<String> r = http.send(mint, HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("invalid_code");
    }

    @Test
    void matonPathsNeedABearerKeyAndAKnownConnection() throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.matonApiUrl() + "/org"));

        assertThat(http.send(b.copy().header("Authorization", "Bearer " + BiginEmulator.MATON_KEY).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(b.copy().header("Authorization", "Bearer wrong").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(b.copy().header("Authorization", "Bearer " + BiginEmulator.MATON_KEY)
                .header("Maton-Connection", "other").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(400);
        assertThat(http.send(b.copy().header("Authorization", "Zoho-oauthtoken " + BiginEmulator.ACCESS_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void callsAndCreditsAreCountedByBiginsTable() throws Exception {
        emulator.seed().view("Contacts", "1", null);
        String hundred = IntStream.range(0, 100).mapToObj(i -> "{\"Last_Name\":\"x\"}").collect(Collectors.joining(","));
        call("POST", "/Contacts", "{\"data\":[" + hundred + "]}");
        call("POST", "/Contacts", "{\"data\":[{\"Last_Name\":\"y\"}]}");
        call("GET", "/Contacts?fields=Last_Name", null);
        call("GET", "/Contacts?fields=Last_Name&cvid=1", null);

        assertThat(emulator.observe().apiCalls()).isEqualTo(4);
        assertThat(emulator.observe().credits()).isEqualTo(10 + 1 + 1 + 3);
    }

    @Test
    void faultsFireTheGivenNumberOfTimesThenTheEmulatorAnswersNormally() throws Exception {
        emulator.faults().inject(Fault.tooManyRequests(7).on("GET", "/org").times(2));

        HttpResponse<String> first = call("GET", "/org", null);
        call("GET", "/org", null);
        HttpResponse<String> third = call("GET", "/org", null);

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).contains("7");
        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void aRestartKeepsTheDataAndThePort() throws Exception {
        emulator.seed().contacts(3);
        int port = emulator.port();

        emulator.restart();

        assertThat(emulator.port()).isEqualTo(port);
        assertThat(json(call("GET", "/Contacts?fields=Last_Name", null)).get("data")).hasSize(3);
    }

    @Test
    void coqlSelectsWithWhereOrderAndLimit() throws Exception {
        emulator.seed().contacts(5);

        JsonNode r = json(call("POST", "/coql", "{\"select_query\":\"select Last_Name, Modified_Time from Contacts "
                                                + "where Last_Name like 'Number%' order by Last_Name desc limit 2\"}"));

        assertThat(r.get("data")).hasSize(2);
        assertThat(r.get("data").get(0).get("Last_Name").asText()).isEqualTo("Number4");
        assertThat(r.get("info").get("more_records").asBoolean()).isTrue();
    }

    @Test
    void coqlNotInExcludesIdsAndTakesAtMostFiftyValues() throws Exception {
        List<String> ids = emulator.seed().contacts(4);

        JsonNode r = json(call("POST", "/coql", "{\"select_query\":\"select Last_Name from Contacts where (Last_Name"
                                                + " like 'Number%' and id not in ('" + ids.get(0) + "', '" + ids.get(2)
                                                + "')) order by id asc\"}"));
        String fiftyOne = String.join(", ", java.util.Collections.nCopies(51, "'1'"));
        HttpResponse<String> tooMany = call("POST", "/coql", "{\"select_query\":\"select Last_Name from Contacts where"
                                                             + " id not in (" + fiftyOne + ")\"}");

        assertThat(r.get("data")).extracting(n -> n.get("id").asText()).containsExactly(ids.get(1), ids.get(3));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get("code").asText()).isEqualTo("LIMIT_EXCEEDED");
    }
}
