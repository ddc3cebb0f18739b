package io.github.camelbigin.component;

import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelbigin.emulator.RecordedRequest;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.Criteria;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BiginProducerReadTest extends BiginTestSupport {

    @Test
    void listing450RecordsCostsThreePagesOf200AndOneFieldMetadataCall() {
        emulator().seed().contacts(450);

        Exchange ex = send(bigin("Contacts?operation=list"), null);

        List<?> records = ex.getMessage().getBody(List.class);
        assertThat(records).hasSize(450);
        // every field of Contacts takes two requests a page, in step: their pages are merged by id
        assertThat(calls()).containsExactly("GET /settings/fields", "GET /Contacts", "GET /Contacts", "GET /Contacts",
                "GET /Contacts", "GET /Contacts", "GET /Contacts");
        List<RecordedRequest> pages = apiRequests().subList(1, 7);
        assertThat(pages).extracting(r -> r.query("per_page")).containsOnly("200");
        assertThat(pages.get(0).query("page")).isEqualTo("1");
        assertThat(pages.get(2).query("page_token")).isNotBlank();
        assertThat(pages.get(2).query("page")).isNull();
        assertThat(pages.get(0).query("fields")).contains("Last_Name", "Email", "Modified_Time");
        assertThat(pages.get(1).query("fields")).startsWith("Modified_Time,").contains("Notes_Summary");
        assertThat(records).allSatisfy(r -> assertThat(((Map<?, ?>) r).keySet().containsAll(List.of("Last_Name", "Notes_Summary"))).isTrue());
        assertThat(ex.getMessage().getHeader(BiginConstants.RECORD_COUNT)).isEqualTo(450);
        assertThat(ex.getMessage().getHeader(BiginConstants.MORE_RECORDS)).isEqualTo(false);
    }

    @Test
    void fieldMetadataIsAskedOncePerModuleAndNotAtAllWhenFieldsAreGiven() {
        emulator().seed().contacts(3);

        template.requestBody(bigin("Contacts?operation=list"), (Object) null);
        template.requestBody(bigin("Contacts?operation=list"), (Object) null);
        template.requestBody(bigin("Contacts?operation=list&fields=Last_Name,Email"), (Object) null);

        // two requests a page for every field of Contacts, one for fields that fit one request
        assertThat(calls()).containsExactly("GET /settings/fields", "GET /Contacts", "GET /Contacts", "GET /Contacts",
                "GET /Contacts", "GET /Contacts");
        assertThat(apiRequests().get(5).query("fields")).isEqualTo("Last_Name,Email");
        List<Map<String, Object>> last = template.requestBody(bigin("Contacts?operation=list&fields=Last_Name"), null,
                List.class);
        assertThat(last.get(0)).containsOnlyKeys("id", "Last_Name");
    }

    @Test
    void listingPast2000RecordsFollowsPageTokens() {
        emulator().seed().contacts(2500);

        List<?> records = template.requestBody(bigin("Contacts?operation=list&fields=Last_Name"), null, List.class);

        assertThat(records).hasSize(2500);
        assertThat(calls()).hasSize(13);
        assertThat(apiRequests().subList(1, 13)).allMatch(r -> r.query("page_token") != null && r.query("page") == null);
    }

    @Test
    void listingPast2000RecordsWithoutPageTokensFailsClearlyInsteadOfTruncating() {
        emulator().tuning().pageTokens(false);
        emulator().seed().contacts(2100);

        Exchange ex = send(bigin("Contacts?operation=list&fields=Last_Name"), null);

        assertThat(ex.getException()).isInstanceOf(ZohoApiException.class)
                .hasMessageContaining("DISCRETE_PAGINATION_LIMIT_EXCEEDED").hasMessageContaining("maxRecords");
        assertThat(calls()).hasSize(11);
    }

    @Test
    void maxRecordsStopsEarlyAndSaysMoreRecordsRemain() {
        emulator().seed().contacts(450);

        Exchange small = send(bigin("Contacts?operation=list&fields=Last_Name&maxRecords=5"), null);
        assertThat(small.getMessage().getBody(List.class)).hasSize(5);
        assertThat(small.getMessage().getHeader(BiginConstants.MORE_RECORDS)).isEqualTo(true);
        assertThat(apiRequests().get(0).query("per_page")).isEqualTo("5");

        emulator().observe().clearRequests();
        Exchange big = send(bigin("Contacts?operation=list&fields=Last_Name&maxRecords=250"), null);
        assertThat(big.getMessage().getBody(List.class)).hasSize(250);
        assertThat(calls()).hasSize(2);
    }

    @Test
    void pageReadsOnePageOnly() {
        emulator().seed().contacts(30);

        Exchange ex = send(bigin("Contacts?operation=list&fields=Last_Name&page=2&perPage=10&sortOrder=asc&sortBy=id"), null);

        List<Map<String, Object>> records = ex.getMessage().getBody(List.class);
        assertThat(records).extracting(r -> r.get("Last_Name")).first().isEqualTo("Number10");
        assertThat(records).hasSize(10);
        assertThat(calls()).hasSize(1);
        assertThat(apiRequests().get(0).query()).containsEntry("page", "2").containsEntry("per_page", "10")
                .containsEntry("sort_by", "id").containsEntry("sort_order", "asc");
        assertThat(ex.getMessage().getHeader(BiginConstants.MORE_RECORDS)).isEqualTo(true);
    }

    @Test
    void streamingReturnsAnIteratorThatFetchesPagesOnlyAsTheyAreConsumed() {
        emulator().seed().contacts(450);

        Iterator<?> it = template.requestBody(bigin("Contacts?operation=list&fields=Last_Name&streaming=true"), null,
                Iterator.class);

        assertThat(calls()).isEmpty();
        it.next();
        assertThat(calls()).hasSize(1);
        int n = 1;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        assertThat(n).isEqualTo(450);
        assertThat(calls()).hasSize(3);
    }

    @Test
    void aCustomViewIsPassedAndCostsThreeCredits() {
        emulator().seed().contacts(5);
        emulator().seed().view("Contacts", "7255024000000087501", "(Last_Name:equals:Number3)");

        List<Map<String, Object>> records = template.requestBody(
                bigin("Contacts?operation=list&fields=Last_Name&cvid=7255024000000087501"), null, List.class);

        assertThat(records).extracting(r -> r.get("Last_Name")).containsExactly("Number3");
        assertThat(apiRequests().get(0).query("cvid")).isEqualTo("7255024000000087501");
        assertThat(emulator().observe().credits()).isEqualTo(3);
    }

    @Test
    void outputClassMapsRecordsToPojos() {
        emulator().seed().contacts(2);

        List<?> records = template.requestBody(
                bigin("Contacts?operation=list&fields=Last_Name,Email,Modified_Time&outputClass=" + Contact.class.getName()),
                null, List.class);

        assertThat(records).hasSize(2).allMatch(r -> r instanceof Contact);
        Contact c = (Contact) records.get(0);
        assertThat(c.id).matches("\\d+");
        assertThat(c.email).endsWith("@example.com");
        assertThat(c.modifiedTime).isNotNull();
    }

    @Test
    void getReadsOneRecordByIdFromHeaderOrBody() {
        String id = emulator().seed().contacts(1).get(0);

        Map<String, Object> byHeader = template.requestBodyAndHeader(bigin("Contacts?operation=get"), null,
                BiginConstants.RECORD_ID, id, Map.class);
        Map<String, Object> byBody = template.requestBody(bigin("Contacts?operation=get"), id, Map.class);

        assertThat(byHeader).containsEntry("id", id).containsEntry("Last_Name", "Number0");
        assertThat(byBody).isEqualTo(byHeader);
        // every field: the metadata once, then two reads a record (Contacts is wider than one request's 50 fields)
        assertThat(calls()).containsExactly("GET /settings/fields", "GET /Contacts/" + id, "GET /Contacts/" + id,
                "GET /Contacts/" + id, "GET /Contacts/" + id);
        assertThat(byHeader).containsKeys("Notes_Summary", "Full_Name").hasSize(emulator().observe().fieldCount("Contacts") + 1);
    }

    @Test
    void getOfAnUnknownIdFailsClearlyOrGivesNullWhenAsked() {
        Exchange ex = send(bigin("Contacts?operation=get"), "7255024000999999999");
        assertThat(ex.getException()).isInstanceOf(ZohoApiException.class)
                .hasMessageContaining("no Contacts record has the id 7255024000999999999");
        assertThat(((ZohoApiException) ex.getException()).getStatusCode()).isEqualTo(404);

        Exchange lenient = send(bigin("Contacts?operation=get&failOnNotFound=false"), "7255024000999999999");
        assertThat(lenient.getException()).isNull();
        assertThat(lenient.getMessage().getBody()).isNull();
    }

    @Test
    void getRefusesAnIdThatIsNotANumberBeforeAnyCall() {
        Exchange ex = send(bigin("Contacts?operation=get"), "../settings/org");

        assertThat(ex.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../settings/org' is not a Bigin record id");
        assertThat(calls()).isEmpty();
    }

    @Test
    void searchByCriteriaEscapesValuesSoTheyCannotChangeTheQuery() {
        emulator().seed().insert("Contacts", Map.of("Last_Name", "O(Brien), Jr\\"));
        emulator().seed().insert("Contacts", Map.of("Last_Name", "Jr"));
        String criteria = Criteria.equal("Last_Name", "O(Brien), Jr\\").toString();

        List<Map<String, Object>> found = template.requestBodyAndHeader(bigin("Contacts?operation=search"), null,
                BiginConstants.CRITERIA, criteria, List.class);

        assertThat(found).extracting(r -> r.get("Last_Name")).containsExactly("O(Brien), Jr\\");
        assertThat(apiRequests().get(0).query("criteria")).isEqualTo("(Last_Name:equals:O\\(Brien\\)\\, Jr\\\\)");
    }

    @Test
    void searchByEmailPhoneOrWordFromOptionsOrHeaders() {
        emulator().seed().contacts(5);

        List<?> byEmail = template.requestBody(bigin("Contacts?operation=search&email=contact3@example.com"), null,
                List.class);
        List<?> byPhone = template.requestBodyAndHeader(bigin("Contacts?operation=search"), null, BiginConstants.PHONE,
                "+1-555-0000004", List.class);
        List<?> byWord = template.requestBodyAndHeader(bigin("Contacts?operation=search&email=ignored@x.com"), null,
                BiginConstants.WORD, "Number", List.class);

        assertThat(byEmail).hasSize(1);
        assertThat(byPhone).hasSize(1);
        assertThat(byWord).hasSize(5);
        assertThat(apiRequests()).extracting(RecordedRequest::query).extracting(q -> q.keySet().iterator().next())
                .containsExactly("email", "phone", "word");
    }

    @Test
    void searchWithNoMatchIsAnEmptyListNotAnError() {
        Exchange ex = send(bigin("Contacts?operation=search&criteria=(Last_Name:equals:Nobody)"), null);

        assertThat(ex.getException()).isNull();
        assertThat(apiRequests().get(0).status()).isEqualTo(204);
        assertThat(ex.getMessage().getBody(List.class)).isEmpty();
        assertThat(ex.getMessage().getHeader(BiginConstants.RECORD_COUNT)).isEqualTo(0);
    }

    @Test
    void searchWithoutTermsFailsBeforeAnyCall() {
        Exchange ex = send(bigin("Contacts?operation=search"), null);

        assertThat(ex.getException()).hasMessageContaining("needs exactly one of criteria, email, phone or word");
        assertThat(calls()).isEmpty();
    }

    @Test
    void deletedListsDeletedRecordsWithTimeAndUser() {
        List<String> ids = emulator().seed().contacts(3);
        emulator().seed().delete("Contacts", ids.get(1));

        List<Map<String, Object>> deleted = template.requestBody(bigin("Contacts?operation=deleted"), null, List.class);

        assertThat(deleted).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("id", ids.get(1)).containsKeys("deleted_time", "deleted_by");
            assertThat(OffsetDateTime.parse(d.get("deleted_time").toString())).isNotNull();
        });
        assertThat(apiRequests().get(0).query()).containsEntry("type", "all");
    }

    @Test
    void relatedReadsTheContactsOfACompany() {
        String acme = emulator().seed().insert("Accounts", Map.of("Account_Name", "Acme"));
        emulator().seed().insert("Contacts", Map.of("Last_Name", "InAcme", "Account_Name", Map.of("id", acme)));
        emulator().seed().insert("Contacts", Map.of("Last_Name", "Elsewhere"));

        List<Map<String, Object>> contacts = template.requestBodyAndHeader(
                bigin("Accounts?operation=related&relatedList=Contacts"), null, BiginConstants.RECORD_ID, acme,
                List.class);

        assertThat(contacts).extracting(r -> r.get("Last_Name")).containsExactly("InAcme");
        assertThat(calls()).containsExactly("GET /settings/fields", "GET /Accounts/" + acme + "/Contacts",
                "GET /Accounts/" + acme + "/Contacts"); // Contacts' fields take two requests
    }

    @Test
    void metadataOperationsReadModulesFieldsLayoutsUsersAndOrg() {
        List<Map<String, Object>> modules = template.requestBody(bigin("Contacts?operation=modules"), null, List.class);
        List<Map<String, Object>> fields = template.requestBody(bigin("Pipelines?operation=fields"), null, List.class);
        List<Map<String, Object>> layouts = template.requestBody(bigin("Contacts?operation=layouts"), null, List.class);
        List<Map<String, Object>> users = template.requestBody(bigin("Contacts?operation=users&userType=ActiveUsers"),
                null, List.class);
        Map<String, Object> org = template.requestBody(bigin("Contacts?operation=org"), null, Map.class);

        assertThat(modules).extracting(m -> m.get("api_name")).contains("Contacts", "Accounts", "Pipelines", "Products");
        assertThat(fields).extracting(f -> f.get("api_name")).contains("Pipeline_Name", "Stage");
        assertThat(layouts).isNotEmpty();
        assertThat(users).singleElement().extracting(u -> u.get("email")).isNotNull();
        assertThat(org).containsKey("company_name");
        assertThat(calls()).containsExactly("GET /settings/modules", "GET /settings/fields", "GET /settings/layouts",
                "GET /users", "GET /org");
        assertThat(apiRequests().get(1).query("module")).isEqualTo("Pipelines");
        assertThat(apiRequests().get(3).query("type")).isEqualTo("ActiveUsers");
    }

    /** A POJO for outputClass. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Contact {
        @JsonProperty("id")
        public String id;
        @JsonProperty("Last_Name")
        public String lastName;
        @JsonProperty("Email")
        public String email;
        @JsonProperty("Modified_Time")
        public OffsetDateTime modifiedTime;
    }

    @Test
    void aListOfAModuleThatDoesNotExistNamesTheListAndTheCallThatFailed() {
        Exchange ex = send(bigin("Foo?operation=list"), null);

        assertThat(ex.getException()).hasMessageContaining("Bigin list on Foo failed: HTTP 400 INVALID_MODULE")
                .hasMessageContaining("(in the fields call)");
    }
}
