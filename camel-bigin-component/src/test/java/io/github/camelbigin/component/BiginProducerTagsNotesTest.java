package io.github.camelbigin.component;

import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.records.WriteResult;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tags, notes and related records: each an operation of bigin:, with the write operations' per-record results. */
class BiginProducerTagsNotesTest extends BiginTestSupport {

    @SuppressWarnings("unchecked")
    private static List<WriteResult> results(Exchange ex) {
        assertThat(ex.getException()).isNull();
        return ex.getMessage().getBody(List.class);
    }

    @Test
    void addTagsTags600RecordsIn500AndThen100AndTheRecordsShowThem() {
        List<String> ids = emulator().seed().contacts(600);

        List<WriteResult> added = results(send(bigin("Contacts?operation=addTags&tags=Hot,Renewal"), ids));

        assertThat(added).hasSize(600).allMatch(WriteResult::isSuccess);
        assertThat(added.get(599).getId()).isEqualTo(ids.get(599));
        assertThat(calls()).containsExactly("POST /Contacts/actions/add_tags", "POST /Contacts/actions/add_tags");
        assertThat(apiRequests().get(0).bodyJson().get("ids")).hasSize(500);
        assertThat(apiRequests().get(0).bodyJson().get("tags").get(0).get("name").asText()).isEqualTo("Hot");
        Map<?, ?> record = template.requestBodyAndHeader(bigin("Contacts?operation=get&fields=Tag"), null,
                BiginConstants.RECORD_ID, ids.get(7), Map.class);
        assertThat((List<?>) record.get("Tag")).hasSize(2);
    }

    @Test
    void removeTagsTakesIdsAndNamesInTheQuery100RecordsACall() {
        List<String> ids = emulator().seed().contacts(150);
        send(bigin("Contacts?operation=addTags&tags=Hot,Cold"), ids);
        emulator().observe().clearRequests();

        List<WriteResult> removed = results(send(bigin("Contacts?operation=removeTags"), ids,
                Map.of(BiginConstants.TAGS, List.of("Hot"))));

        assertThat(removed).hasSize(150).allMatch(WriteResult::isSuccess);
        assertThat(calls()).containsExactly("POST /Contacts/actions/remove_tags", "POST /Contacts/actions/remove_tags");
        assertThat(apiRequests().get(0).query("tag_names")).isEqualTo("Hot");
        assertThat(removed.get(0).getDetails().get("tags")).isEqualTo(List.of("Cold"));
    }

    @Test
    void aTagCallWithAMalformedIdReportsItWithoutSendingItAndTagsTheOthers() {
        List<String> ids = emulator().seed().contacts(2);

        List<WriteResult> added = results(send(bigin("Contacts?operation=addTags&tags=Hot&failOnRecordError=false"),
                List.of(ids.get(0), "not-an-id", ids.get(1))));

        assertThat(added).extracting(WriteResult::isSuccess).containsExactly(true, false, true);
        assertThat(added.get(1).getMessage()).contains("'not-an-id' is not a Bigin record id");
        assertThat(apiRequests().get(0).bodyJson().get("ids")).hasSize(2);
    }

    @Test
    void addTagsWithoutTagNamesSaysWhereToGiveThem() {
        Exchange ex = send(bigin("Contacts?operation=addTags"), List.of("7255024000000596045"));

        assertThat(ex.getException()).hasMessageContaining("No tag names given")
                .hasMessageContaining("CamelBiginTags");
        assertThat(calls()).isEmpty();
    }

    @Test
    void theModulesTagsAreCreatedAndListedAndADuplicateIsRefusedPerTag() {
        List<WriteResult> created = results(send(bigin("Contacts?operation=createTags"), List.of("Hot", "Cold")));
        List<WriteResult> again = results(send(bigin("Contacts?operation=createTags&tags=Hot,Warm"
                                                     + "&failOnRecordError=false"), null));
        List<?> tags = template.requestBody(bigin("Contacts?operation=tags"), null, List.class);

        assertThat(created).allMatch(WriteResult::isSuccess);
        assertThat(again).extracting(WriteResult::getCode).containsExactly("DUPLICATE_DATA", "SUCCESS");
        assertThat(tags).extracting(t -> (Object) ((Map<?, ?>) t).get("name")).containsExactly("Hot", "Cold", "Warm");
        assertThat(apiRequests().get(0).query("module")).isEqualTo("Contacts");
    }

    @Test
    void notesOfARecordAreCreatedListedUpdatedAndDeleted() {
        String contact = emulator().seed().insert("Contacts", Map.of("Last_Name", "Noted"));
        Map<String, Object> headers = Map.of(BiginConstants.RECORD_ID, contact);

        List<WriteResult> created = results(send(bigin("Contacts?operation=createNotes"),
                List.of(Map.of("Note_Title", "Call", "Note_Content", "Called about renewal"),
                        Map.of("Note_Content", "Sent the quote")), headers));
        List<?> notes = template.requestBody(bigin("Contacts?operation=notes"), contact, List.class);
        String first = created.get(0).getId();
        results(send(bigin("Contacts?operation=updateNotes"), Map.of("id", first, "Note_Content", "Renewal agreed")));
        results(send(bigin("Contacts?operation=deleteNotes"), List.of(created.get(1).getId())));
        List<?> after = template.requestBody(bigin("Contacts?operation=notes"), contact, List.class);

        assertThat(created).allMatch(WriteResult::isSuccess);
        assertThat(calls().get(0)).isEqualTo("POST /Contacts/" + contact + "/Notes");
        assertThat(notes).hasSize(2);
        assertThat(after).hasSize(1);
        assertThat(((Map<?, ?>) after.get(0)).get("Note_Content")).isEqualTo("Renewal agreed");
    }

    @Test
    void createNotesWithoutTheRecordIdSaysWhichHeaderNamesIt() {
        Exchange ex = send(bigin("Contacts?operation=createNotes"), Map.of("Note_Content", "orphan"));

        assertThat(ex.getException()).hasMessage("createNotes on bigin:Contacts needs the record's id in the"
                                                  + " CamelBiginRecordId header");
    }

    @Test
    void relatedRecordsAreLinkedWithTheirFieldsUpdatedAndDelinked() {
        String company = emulator().seed().insert("Accounts", Map.of("Account_Name", "Acme"));
        List<String> contacts = emulator().seed().contacts(2);
        Map<String, Object> parent = Map.of(BiginConstants.RECORD_ID, company);

        List<WriteResult> linked = results(send(bigin("Accounts?operation=updateRelated&relatedList=Contacts"),
                List.of(Map.of("id", contacts.get(0), "Title", "Buyer"), Map.of("id", contacts.get(1))), parent));
        List<?> related = template.requestBodyAndHeader(bigin("Accounts?operation=related&relatedList=Contacts"), null,
                BiginConstants.RECORD_ID, company, List.class);
        List<WriteResult> delinked = results(send(bigin("Accounts?operation=delinkRelated&relatedList=Contacts"),
                List.of(contacts.get(1)), parent));
        List<?> after = template.requestBodyAndHeader(bigin("Accounts?operation=related&relatedList=Contacts"), null,
                BiginConstants.RECORD_ID, company, List.class);

        assertThat(linked).allMatch(WriteResult::isSuccess);
        assertThat(related).hasSize(2);
        assertThat(delinked).allMatch(WriteResult::isSuccess);
        assertThat(after).extracting(r -> (Object) ((Map<?, ?>) r).get("id")).containsExactly(contacts.get(0));
        assertThat(emulator().observe().record("Contacts", contacts.get(0)).orElseThrow().get("Title")).isEqualTo("Buyer");
        assertThat(apiRequests().stream().filter(r -> r.method().equals("DELETE")).findFirst().orElseThrow()
                .query("ids")).isEqualTo(contacts.get(1));
    }
}
