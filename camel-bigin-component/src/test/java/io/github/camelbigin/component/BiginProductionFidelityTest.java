package io.github.camelbigin.component;

import java.util.List;
import java.util.Map;

import io.github.camelbigin.emulator.Fault;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.WriteResult;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What recorded production answers taught: the parameters real clients send, and what the answers hold. */
@SuppressWarnings("unchecked")
class BiginProductionFidelityTest extends ConsumerTestSupport {

    @Test
    void getSendsTheFieldsOptionAndTheHeaderOverridesIt() {
        String id = emulator().seed().insert("Contacts", Map.of("Last_Name", "Lovelace", "Email", "ada@example.com"));

        Map<String, Object> byOption = template.requestBody(bigin("Contacts?operation=get&fields=Last_Name,Email"), id, Map.class);
        Map<String, Object> byHeader = template.requestBodyAndHeader(bigin("Contacts?operation=get&fields=Last_Name,Email"), id,
                BiginConstants.FIELDS, "Email", Map.class);

        assertThat(byOption).containsOnlyKeys("id", "Last_Name", "Email");
        assertThat(byHeader).containsOnlyKeys("id", "Email");
        assertThat(apiRequests()).extracting(r -> r.query("fields")).containsExactly("Last_Name,Email", "Email");
    }

    @Test
    void anUpsertThatUpdatedSaysWhichFieldMatched() {
        emulator().seed().insert("Contacts", Map.of("Last_Name", "Old", "Email", "ada@example.com"));

        Exchange ex = send(bigin("Contacts?operation=upsert&duplicateCheckFields=Email"),
                Map.of("Last_Name", "New", "Email", "ada@example.com"));

        List<?> results = ex.getMessage().getBody(List.class);
        assertThat(((WriteResult) results.get(0)).getAction()).isEqualTo("update");
        assertThat(((WriteResult) results.get(0)).getDuplicateField()).isEqualTo("Email");
        assertThat(ex.getMessage().getHeader(BiginConstants.DUPLICATE_FIELD)).isEqualTo("Email");
    }

    @Test
    void listAsksForRecordsAwaitingApprovalWhenTold() {
        emulator().seed().contacts(2);

        template.requestBody(bigin("Contacts?operation=list&fields=Last_Name&approved=both"), (Object) null);
        template.requestBody(bigin("Contacts?operation=list&fields=Last_Name"), (Object) null);

        assertThat(apiRequests()).extracting(r -> r.query("approved")).containsExactly("both", null);
    }

    @Test
    void aCoqlConsumerRefusesAnApprovalFilterItCannotApply() {
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?changeDetection=coql&approved=both")))
                .rootCause().hasMessageContaining("approved=both needs changeDetection=list");
    }

    @Test
    void aConsumerReadsRecordsAwaitingApprovalWhenTold() throws Exception {
        consume("c", "Contacts?approved=both");
        emulator().seed().contacts(1);

        awaitDelivered(1);
        assertThat(apiRequests()).filteredOn(r -> "/Contacts".equals(r.apiPath()))
                .allSatisfy(r -> assertThat(r.query("approved")).isEqualTo("both"));
    }

    @Test
    void oneUserIsReadByIdWhenTheRecordIdHeaderIsSet() {
        Map<String, Object> me = template.requestBodyAndHeader(bigin("Contacts?operation=users"), null,
                BiginConstants.RECORD_ID, "7255024000000100001", Map.class);

        assertThat(me).containsEntry("id", "7255024000000100001").containsKey("email");
        assertThat(calls()).containsExactly("GET /users/7255024000000100001");
    }

    @Test
    void anUnknownUserIdFailsNamingItUnlessFailOnNotFoundIsOff() {
        assertThatThrownBy(() -> template.requestBodyAndHeader(bigin("Contacts?operation=users"), null,
                BiginConstants.RECORD_ID, "7255024000000999999"))
                .cause().isInstanceOf(ZohoApiException.class)
                .hasMessageContaining("no user has the id 7255024000000999999").hasMessageContaining("failOnNotFound");

        Object none = template.requestBodyAndHeader(bigin("Contacts?operation=users&failOnNotFound=false"), null,
                BiginConstants.RECORD_ID, "7255024000000999999");
        assertThat(none).isNull();
    }

    @Test
    void emptyFieldsStayAsNullsAndFieldsTheComponentDoesNotKnowAreKept() {
        String id = emulator().seed().insert("Contacts", Map.of("Last_Name", "Sparse"));

        Map<String, Object> record = template.requestBody(bigin("Contacts?operation=get"), id, Map.class);

        assertThat(record).containsEntry("Title", null).containsEntry("Mailing_Zip", null);
        assertThat(record).containsKeys("Full_Name", "Record_Image", "Last_Activity_Time", "Tag");
    }

    @Test
    void aFieldTheOrgLacksIsLeftOutOfTheAnswerNotRefused() {
        String id = emulator().seed().insert("Contacts", Map.of("Last_Name", "Lovelace"));

        Map<String, Object> record = template.requestBody(bigin("Contacts?operation=get&fields=Last_Name,No_Such_Field"), id,
                Map.class);

        assertThat(record).containsOnlyKeys("id", "Last_Name");
    }

    @Test
    void aConsumerDeliversEveryFieldOfAWideModule() throws Exception {
        consume("c", "Contacts");
        emulator().seed().insert("Contacts", Map.of("Last_Name", "Wide", "Notes_Summary", "past the 50th field"));

        awaitDelivered(1);
        Map<String, Object> body = delivered.peek().exchange().getIn().getBody(Map.class);
        assertThat(body).containsEntry("Last_Name", "Wide").containsEntry("Notes_Summary", "past the 50th field")
                .hasSize(emulator().observe().fieldCount("Contacts") + 1);
    }

    @Test
    void aRecordChangedBetweenTheReadsOfItsFieldsIsDeliveredOnceInItsNewerVersion() throws Exception {
        emulator().clock().freeze();
        List<String> ids = emulator().seed().contacts(450);
        String moved = ids.get(10);
        // between the two requests that read the first page's fields, a user changes one of its records
        emulator().faults().inject(Fault.action(() -> emulator().seed().update("Contacts", moved, Map.of("Title", "changed mid-read")))
                .on(null, "/Contacts").after(1));

        consume("c", "Contacts?events=created,updated&initialPosition=beginning");

        awaitDelivered(450);
        awaitPolls(2);
        assertThat(deliveredIds("created")).hasSize(450).doesNotHaveDuplicates();
        assertThat(deliveredIds("updated")).isEmpty();
        Map<String, Object> movedBody = delivered.stream().filter(d -> moved.equals(d.id())).findFirst().orElseThrow()
                .exchange().getIn().getBody(Map.class);
        assertThat(movedBody).containsEntry("Title", "changed mid-read"); // never half old, half new
    }

    @Test
    void searchFindsRecordsAsTheIndexDoesByWordsAndOnlyOnceIndexed() {
        emulator().seed().insert("Products", Map.of("Product_Name", "Nango Unlink Test Product"));
        emulator().seed().insert("Products", Map.of("Product_Name", "Other"));

        List<?> found = template.requestBody(
                bigin("Products?operation=search&criteria=(Product_Name:equals:Nango Test Product)"), null, List.class);
        emulator().tuning().searchIndexDelay(java.time.Duration.ofMinutes(1));
        emulator().seed().insert("Products", Map.of("Product_Name", "Fresh Nango Test Product"));
        List<?> beforeIndexed = template.requestBody(
                bigin("Products?operation=search&criteria=(Product_Name:equals:Fresh)"), null, List.class);

        assertThat(found).hasSize(1);
        assertThat(beforeIndexed).isEmpty();
    }
}
