package io.github.camelbigin.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbigin.emulator.RecordedRequest;
import io.github.camelbigin.zoho.records.WriteResult;
import io.github.camelbigin.zoho.records.ZohoRecordErrorException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BiginProducerWriteTest extends BiginTestSupport {

    static List<Map<String, Object>> contacts(int n) {
        return IntStream.range(0, n).mapToObj(i -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("Last_Name", "Person" + i);
            c.put("Email", "person" + i + "@example.com");
            return c;
        }).collect(Collectors.toList());
    }

    @Test
    void createSendsOneRecordAsBiginDataArrayAndReturnsItsIdInBodyAndHeader() {
        Map<String, Object> ada = new LinkedHashMap<>();
        ada.put("Last_Name", "Lovelace");
        ada.put("First_Name", "Ada");
        Exchange ex = send(bigin("Contacts?operation=create"), ada);

        assertThat(ex.getException()).isNull();
        List<WriteResult> results = ex.getMessage().getBody(List.class);
        assertThat(results).hasSize(1);
        String id = results.get(0).getId();
        assertThat(id).matches("\\d{19}");
        assertThat(ex.getMessage().getHeader(BiginConstants.RECORD_ID)).isEqualTo(id);
        assertThat(ex.getMessage().getHeader(BiginConstants.RECORD_COUNT)).isEqualTo(1);

        RecordedRequest post = apiRequests().get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.apiPath()).isEqualTo("/Contacts");
        assertThat(post.header("Authorization")).isEqualTo("Zoho-oauthtoken emulator-access-token");
        assertThat(post.header("Content-Type")).startsWith("application/json");
        assertThat(post.bodyJson().toString()).isEqualTo("{\"data\":[{\"Last_Name\":\"Lovelace\",\"First_Name\":\"Ada\"}]}");
        assertThat(emulator().observe().record("Contacts", id)).get().extracting(r -> r.get("Last_Name")).isEqualTo("Lovelace");
    }

    @Test
    void creating250RecordsCostsExactlyThreeCallsOf100And100And50WithResultsInInputOrder() {
        List<Map<String, Object>> input = contacts(250);

        List<WriteResult> results = template.requestBody(bigin("Contacts?operation=create"), input, List.class);

        assertThat(calls()).containsExactly("POST /Contacts", "POST /Contacts", "POST /Contacts");
        assertThat(apiRequests()).extracting(r -> r.bodyJson().get("data").size()).containsExactly(100, 100, 50);
        assertThat(results).hasSize(250);
        for (int i = 0; i < 250; i++) {
            WriteResult r = results.get(i);
            assertThat(r.getIndex()).isEqualTo(i);
            assertThat(r.isSuccess()).isTrue();
            assertThat(emulator().observe().record("Contacts", r.getId()).orElseThrow().get("Last_Name")).isEqualTo("Person" + i);
        }
        assertThat(emulator().observe().credits()).isEqualTo(10 + 10 + 5);
    }

    @Test
    void createAcceptsJsonStringsPojosAndArrays() {
        template.requestBody(bigin("Contacts?operation=create"), "{\"Last_Name\":\"Json\"}");
        template.requestBody(bigin("Contacts?operation=create"), "[{\"Last_Name\":\"A\"},{\"Last_Name\":\"B\"}]");
        template.requestBody(bigin("Contacts?operation=create"), new ContactPojo("Pojo", "pojo@example.com"));
        template.requestBody(bigin("Contacts?operation=create"), "{\"Last_Name\":\"Bytes\"}".getBytes());

        assertThat(emulator().observe().records("Contacts")).extracting(r -> r.get("Last_Name"))
                .containsExactly("Json", "A", "B", "Pojo", "Bytes");
        assertThat(apiRequests().get(2).bodyJson().get("data").get(0).get("Email").asText())
                .isEqualTo("pojo@example.com");
    }

    @Test
    void partialFailureThrowsWithEveryRecordsResultAndTheFailedInputsToDeadLetter() {
        List<Map<String, Object>> input = new ArrayList<>(contacts(3));
        input.get(1).remove("Last_Name");
        input.get(1).put("First_Name", "NoLastName");

        Exchange ex = send(bigin("Contacts?operation=create"), input);

        assertThat(ex.getException()).isInstanceOf(ZohoRecordErrorException.class);
        ZohoRecordErrorException e = (ZohoRecordErrorException) ex.getException();
        assertThat(e.getResults()).hasSize(3);
        assertThat(e.getSuccesses()).extracting(WriteResult::getIndex).containsExactly(0, 2);
        assertThat(e.getFailures()).singleElement().satisfies(f -> {
            assertThat(f.getIndex()).isEqualTo(1);
            assertThat(f.getCode()).isEqualTo("MANDATORY_NOT_FOUND");
            assertThat(f.getDetails()).containsEntry("api_name", "Last_Name");
            assertThat(f.getInput()).containsEntry("First_Name", "NoLastName");
        });
        assertThat(e.getMessage()).contains("1 of 3 records failed", "#1", "MANDATORY_NOT_FOUND", "Last_Name");
        assertThat(emulator().observe().count("Contacts")).isEqualTo(2);
        assertThat(calls()).hasSize(1);
    }

    @Test
    void partialFailureReturnsResultsWhenFailOnRecordErrorIsFalse() {
        List<Map<String, Object>> input = new ArrayList<>(contacts(2));
        input.get(0).put("Email", "not-an-email");

        List<WriteResult> results = template.requestBody(bigin("Contacts?operation=create&failOnRecordError=false"),
                input, List.class);

        assertThat(results).extracting(WriteResult::isSuccess).containsExactly(false, true);
        assertThat(results.get(0).getCode()).isEqualTo("INVALID_DATA");
        assertThat(results.get(0).getDetails()).containsEntry("api_name", "Email");
    }

    @Test
    void aBatchWhereEveryRecordFailsIsReportedPerRecordEvenThoughHttpSaysAccepted() {
        List<Map<String, Object>> input = List.of(Map.of("First_Name", "x"), Map.of("First_Name", "y"));

        Exchange ex = send(bigin("Contacts?operation=create"), input);

        assertThat(apiRequests().get(0).status()).isEqualTo(202);
        assertThat(ex.getException()).isInstanceOf(ZohoRecordErrorException.class);
        assertThat(((ZohoRecordErrorException) ex.getException()).getFailures()).hasSize(2);
    }

    @Test
    void updateSendsPutWithIdsAndChangesTheRecords() {
        List<String> ids = emulator().seed().contacts(2);

        List<WriteResult> results = template.requestBody(bigin("Contacts?operation=update"),
                List.of(Map.of("id", ids.get(0), "Title", "CTO"), Map.of("id", ids.get(1), "Title", "CEO")), List.class);

        assertThat(results).allMatch(WriteResult::isSuccess);
        assertThat(calls()).containsExactly("PUT /Contacts");
        JsonNode data = apiRequests().get(0).bodyJson().get("data");
        assertThat(data.get(0).get("id").asText()).isEqualTo(ids.get(0));
        assertThat(emulator().observe().record("Contacts", ids.get(1)).orElseThrow().get("Title")).isEqualTo("CEO");
    }

    @Test
    void updateTakesTheIdOfASingleRecordFromTheRecordIdHeader() {
        String id = emulator().seed().contacts(1).get(0);

        template.requestBodyAndHeader(bigin("Contacts?operation=update"), Map.of("Title", "VP"),
                BiginConstants.RECORD_ID, id);

        assertThat(emulator().observe().record("Contacts", id).orElseThrow().get("Title")).isEqualTo("VP");
    }

    @Test
    void updateOfARecordWithoutIdFailsBeforeAnyCall() {
        Exchange ex = send(bigin("Contacts?operation=update"), List.of(Map.of("Title", "no id")));

        assertThat(ex.getException()).isInstanceOf(ZohoRecordErrorException.class)
                .hasMessageContaining("the record failed").hasMessageContaining("record #0 has no 'id'");
        assertThat(calls()).isEmpty();
    }

    @Test
    void aMalformedIdInABatchIsRefusedWithItsPositionAndTheOtherRecordsAreWritten() {
        List<String> ids = emulator().seed().contacts(999);
        List<Map<String, Object>> updates = new ArrayList<>();
        for (String id : ids) {
            updates.add(Map.of("id", id, "Title", "Updated"));
        }
        updates.add(500, Map.of("id", "12ab", "Title", "Bad"));

        Exchange ex = send(bigin("Contacts?operation=update"), updates);

        ZohoRecordErrorException e = (ZohoRecordErrorException) ex.getException();
        assertThat(e).hasMessageContaining("1 of 1000 records failed (999 were written)");
        assertThat(e.getFailures()).singleElement().satisfies(f -> {
            assertThat(f.getIndex()).isEqualTo(500);
            assertThat(f.getCode()).isEqualTo("INVALID_DATA");
            assertThat(f.getMessage()).contains("'12ab' is not a Bigin record id");
            assertThat(f.getInput()).containsEntry("Title", "Bad");
        });
        assertThat(e.getSuccesses()).hasSize(999);
        assertThat(emulator().observe().record("Contacts", ids.get(998)).orElseThrow()).containsEntry("Title", "Updated");
        assertThat(calls()).hasSize(10); // 999 records, 100 a call
    }

    @Test
    void aWriteWhereEveryRecordFailedSaysNoneWasWritten() {
        Exchange ex = send(bigin("Contacts?operation=create"), List.of(Map.of("Title", "a"), Map.of("Title", "b")));

        assertThat(ex.getException()).isInstanceOf(ZohoRecordErrorException.class)
                .hasMessageContaining("all 2 records failed, none was written");
    }

    @Test
    void upsertSendsDuplicateCheckFieldsAndReportsInsertOrUpdatePerRecord() {
        emulator().seed().insert("Contacts", Map.of("Last_Name", "Old", "Email", "known@example.com"));

        List<WriteResult> results = template.requestBody(bigin("Contacts?operation=upsert&duplicateCheckFields=Email"),
                List.of(Map.of("Last_Name", "Known", "Email", "KNOWN@example.com"),
                        Map.of("Last_Name", "New", "Email", "new@example.com")),
                List.class);

        assertThat(calls()).containsExactly("POST /Contacts/upsert");
        assertThat(apiRequests().get(0).bodyJson().get("duplicate_check_fields").toString()).isEqualTo("[\"Email\"]");
        assertThat(results).extracting(WriteResult::getAction).containsExactly("update", "insert");
        assertThat(emulator().observe().count("Contacts")).isEqualTo(2);
    }

    @Test
    void deleting250IdsCostsExactlyThreeCalls() {
        List<String> ids = emulator().seed().contacts(250);

        List<WriteResult> results = template.requestBody(bigin("Contacts?operation=delete"), ids, List.class);

        assertThat(calls()).containsExactly("DELETE /Contacts", "DELETE /Contacts", "DELETE /Contacts");
        assertThat(apiRequests().get(0).query("ids").split(",")).hasSize(100).startsWith(ids.get(0));
        assertThat(apiRequests().get(2).query("ids").split(",")).hasSize(50).endsWith(ids.get(249));
        assertThat(results).hasSize(250).allMatch(WriteResult::isSuccess);
        assertThat(results).extracting(WriteResult::getId).containsExactlyElementsOf(ids);
        assertThat(emulator().observe().count("Contacts")).isZero();
    }

    @Test
    void deleteTakesIdsFromHeadersOrFromRecords() {
        List<String> ids = emulator().seed().contacts(4);

        template.requestBodyAndHeader(bigin("Contacts?operation=delete"), null, BiginConstants.RECORD_IDS,
                ids.get(0) + "," + ids.get(1));
        template.requestBodyAndHeader(bigin("Contacts?operation=delete"), null, BiginConstants.RECORD_ID, ids.get(2));
        template.requestBody(bigin("Contacts?operation=delete"), List.of(Map.of("id", ids.get(3), "Last_Name", "x")));

        assertThat(emulator().observe().count("Contacts")).isZero();
        assertThat(apiRequests()).extracting(r -> r.query("ids"))
                .containsExactly(ids.get(0) + "," + ids.get(1), ids.get(2), ids.get(3));
    }

    @Test
    void deletingAnUnknownIdIsAPerRecordError() {
        String id = emulator().seed().contacts(1).get(0);

        Exchange ex = send(bigin("Contacts?operation=delete"), List.of(id, "7255024000999999999"));

        ZohoRecordErrorException e = (ZohoRecordErrorException) ex.getException();
        assertThat(e.getSuccesses()).extracting(WriteResult::getId).containsExactly(id);
        assertThat(e.getFailures()).singleElement().satisfies(f -> {
            assertThat(f.getId()).isEqualTo("7255024000999999999");
            assertThat(f.getCode()).isEqualTo("INVALID_DATA");
        });
    }

    @Test
    void triggerOptionIsSentWithWritesAndNoneSendsAnEmptyList() {
        template.requestBody(bigin("Contacts?operation=create&trigger=workflow,approval"), Map.of("Last_Name", "T"));
        template.requestBody(bigin("Contacts?operation=create&trigger=none"), Map.of("Last_Name", "U"));
        template.requestBody(bigin("Contacts?operation=create"), Map.of("Last_Name", "V"));

        assertThat(apiRequests()).extracting(r -> String.valueOf(r.bodyJson().get("trigger")))
                .containsExactly("[\"workflow\",\"approval\"]", "[]", "null");
    }

    @Test
    void theOperationHeaderOverridesTheEndpointOperation() {
        String id = emulator().seed().contacts(1).get(0);

        Object body = template.requestBodyAndHeaders(bigin("Contacts?operation=create"), null,
                Map.of(BiginConstants.OPERATION, "get", BiginConstants.RECORD_ID, id));

        assertThat(body).isInstanceOf(Map.class);
        // every field of a record wider than one request: the field metadata, then two reads of the record
        assertThat(calls()).containsExactly("GET /settings/fields", "GET /Contacts/" + id, "GET /Contacts/" + id);
    }

    @Test
    void aBodyOfAnUnusableTypeIsRefusedWithItsTypeNamed() {
        assertThatThrownBy(() -> template.requestBody(bigin("Contacts?operation=create"), 42))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer").hasMessageContaining("give a Map, a POJO or a JSON object");
        assertThatThrownBy(() -> template.requestBody(bigin("Contacts?operation=create"), "{not json"))
                .cause().hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> template.requestBody(bigin("Contacts?operation=create"), "plain text"))
                .cause().hasMessageContaining("java.lang.String");
        assertThat(calls()).isEmpty();
    }

    /** A POJO users might send. */
    public static final class ContactPojo {
        private final String lastName;
        private final String email;

        ContactPojo(String lastName, String email) {
            this.lastName = lastName;
            this.email = email;
        }

        @com.fasterxml.jackson.annotation.JsonProperty("Last_Name")
        public String getLastName() {
            return lastName;
        }

        @com.fasterxml.jackson.annotation.JsonProperty("Email")
        public String getEmail() {
            return email;
        }
    }
}
