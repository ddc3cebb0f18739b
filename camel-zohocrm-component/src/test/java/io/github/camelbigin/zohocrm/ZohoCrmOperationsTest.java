package io.github.camelbigin.zohocrm;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.records.WriteResult;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations ZohoCrmProducerTest and the conformance test leave out, each on the CRM flavour with its result
 * checked: related lists, tags, notes, files, Maton connections, authorize and metadata.
 */
class ZohoCrmOperationsTest extends ZohoCrmTestSupport {

    @SuppressWarnings("unchecked")
    private static List<WriteResult> results(Exchange ex) {
        assertThat(ex.getException()).isNull();
        return ex.getMessage().getBody(List.class);
    }

    @Test
    void relatedRecordsAreLinkedListedAndDelinked() {
        String account = emulator().seed().insert("Accounts", Map.of("Account_Name", "Engines Ltd"));
        String contact = emulator().seed().insert("Contacts", Map.of("Last_Name", "Babbage"));

        List<WriteResult> linked = results(send(crm("Accounts?operation=updateRelated&relatedList=Contacts"),
                Map.of("id", contact), Map.of(ZohoCrmConstants.RECORD_ID, account)));
        List<?> related = template.requestBodyAndHeader(crm("Accounts?operation=related&relatedList=Contacts"
                                                            + "&fields=Last_Name"), null, ZohoCrmConstants.RECORD_ID, account, List.class);
        List<WriteResult> delinked = results(send(crm("Accounts?operation=delinkRelated&relatedList=Contacts"),
                List.of(contact), Map.of(ZohoCrmConstants.RECORD_ID, account)));

        assertThat(linked).singleElement().satisfies(r -> assertThat(r.isSuccess()).isTrue());
        assertThat(related).singleElement().satisfies(r -> assertThat(((Map<?, ?>) r).get("id")).isEqualTo(contact));
        assertThat(delinked).singleElement().satisfies(r -> assertThat(r.isSuccess()).isTrue());
        assertThat(apiRequests().get(0).path()).isEqualTo("/crm/v8/Accounts/" + account + "/Contacts");
    }

    @Test
    void tagsAreCreatedListedAddedAndRemoved() {
        List<String> ids = emulator().seed().records("Leads", 3, i -> Map.of("Last_Name", "Lead" + i));

        List<WriteResult> created = results(send(crm("Leads?operation=createTags"), List.of("Hot", "Cold"), Map.of()));
        List<?> tags = template.requestBody(crm("Leads?operation=tags"), null, List.class);
        List<WriteResult> added = results(send(crm("Leads?operation=addTags&tags=Hot"), ids, Map.of()));
        List<WriteResult> removed = results(send(crm("Leads?operation=removeTags&tags=Hot"), ids.subList(0, 1),
                Map.of()));
        Map<?, ?> kept = template.requestBodyAndHeader(crm("Leads?operation=get&fields=Tag"), null,
                ZohoCrmConstants.RECORD_ID, ids.get(1), Map.class);

        assertThat(created).extracting(WriteResult::isSuccess).containsExactly(true, true);
        assertThat(tags).extracting(t -> (Object) ((Map<?, ?>) t).get("name")).contains("Hot", "Cold");
        assertThat(added).hasSize(3).allSatisfy(r -> assertThat(r.isSuccess()).isTrue());
        assertThat(removed).singleElement().satisfies(r -> assertThat(r.isSuccess()).isTrue());
        assertThat(kept.get("Tag").toString()).contains("Hot");
    }

    @Test
    void notesAreCreatedReadUpdatedAndDeletedOnALead() {
        String lead = emulator().seed().insert("Leads", Map.of("Last_Name", "Noted"));

        List<WriteResult> created = results(send(crm("Leads?operation=createNotes"), List.of(
                Map.of("Note_Title", "Call", "Note_Content", "Wants a demo"),
                Map.of("Note_Content", "Budget next quarter")), Map.of(ZohoCrmConstants.RECORD_ID, lead)));
        results(send(crm("Leads?operation=updateNotes"), Map.of("id", created.get(0).getId(), "Note_Content",
                "Demo booked"), Map.of()));
        results(send(crm("Leads?operation=deleteNotes"), List.of(created.get(1).getId()), Map.of()));
        List<?> notes = template.requestBody(crm("Leads?operation=notes"), lead, List.class);

        assertThat(notes).singleElement().satisfies(n -> assertThat(((Map<?, ?>) n).get("Note_Content"))
                .isEqualTo("Demo booked"));
    }

    @Test
    void attachmentsAndPhotosGoUpAndComeBackByteForByte() throws Exception {
        String contact = emulator().seed().insert("Contacts", Map.of("Last_Name", "Lovelace"));
        byte[] notes = "Notes on the Analytical Engine".getBytes();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download").to(crm("Contacts?operation=downloadAttachment"))
                        .convertBodyTo(byte[].class);
                from("direct:photo").to(crm("Contacts?operation=downloadPhoto")).convertBodyTo(byte[].class);
            }
        });

        Exchange up = send(crm("Contacts?operation=uploadAttachment"), notes,
                Map.of(ZohoCrmConstants.RECORD_ID, contact, Exchange.FILE_NAME, "notes.txt"));
        String attachment = results(up).get(0).getId();
        List<?> listed = template.requestBody(crm("Contacts?operation=attachments"), contact, List.class);
        byte[] down = template.requestBodyAndHeaders("direct:download", null, Map.of(ZohoCrmConstants.RECORD_ID,
                contact, ZohoCrmConstants.ATTACHMENT_ID, attachment), byte[].class);
        results(send(crm("Contacts?operation=deleteAttachment"), null, Map.of(ZohoCrmConstants.RECORD_ID, contact,
                ZohoCrmConstants.ATTACHMENT_ID, attachment)));
        byte[] png;
        try (InputStream in = getClass().getResourceAsStream("/crm-oas/README.md")) {
            png = in.readAllBytes(); // any bytes: the emulator keeps what it is given
        }
        results(send(crm("Contacts?operation=uploadPhoto"), png, Map.of(ZohoCrmConstants.RECORD_ID, contact,
                Exchange.FILE_NAME, "face.png")));
        byte[] photo = template.requestBody("direct:photo", contact, byte[].class);
        results(send(crm("Contacts?operation=deletePhoto"), contact, Map.of()));

        assertThat(listed).hasSize(1);
        assertThat(down).isEqualTo(notes);
        assertThat(photo).isEqualTo(png);
        assertThat(apiRequests()).allSatisfy(r -> assertThat(r.path()).startsWith("/crm/v8/Contacts/" + contact));
    }

    @Test
    void matonConnectionsToZohoCrmAreCreatedAwaitedListedAndDeleted() {
        emulator().seed().matonKey("maton-crm-key");
        String maton = "zohocrm:Leads?apiKey=maton-crm-key&matonControlUrl=" + emulator().matonControlUrl()
                       + "&apiUrl=" + emulator().matonApiUrl() + "&operation=";

        Exchange created = send(maton + "createConnection", null, Map.of());
        String id = created.getMessage().getHeader(ZohoCrmConstants.CONNECTION_ID, String.class);
        emulator().seed().authorizeMatonConnection(id);
        Map<?, ?> active = template.requestBodyAndHeader(maton + "awaitConnection", null,
                ZohoCrmConstants.CONNECTION_ID, id, Map.class);
        Map<?, ?> got = template.requestBodyAndHeader(maton + "getConnection", null, ZohoCrmConstants.CONNECTION_ID,
                id, Map.class);
        List<?> listed = template.requestBody(maton + "listConnections", null, List.class);
        long leads = template.requestBody(maton + "count", null, Long.class);
        template.requestBodyAndHeader(maton + "deleteConnection", null, ZohoCrmConstants.CONNECTION_ID, id);

        assertThat(created.getMessage().getBody(Map.class).get("app")).isEqualTo("zoho-crm");
        assertThat(active.get("status")).isEqualTo("ACTIVE");
        assertThat(got.get("connection_id")).isEqualTo(id);
        assertThat(listed).hasSize(1);
        assertThat(leads).isZero();
        assertThat(template.requestBody(maton + "listConnections", null, List.class)).isEmpty();
    }

    @Test
    void authorizeSetsTheTokenAndApiDomainForAnotherZohoApiWithoutACall() {
        Exchange ex = template.send(crm("Leads?operation=authorize"), e -> { });

        assertThat(ex.getMessage().getHeader("Authorization")).isEqualTo("Zoho-oauthtoken emulator-access-token");
        assertThat(ex.getMessage().getHeader(ZohoCrmConstants.API_DOMAIN)).isEqualTo(emulator().baseUrl());
        assertThat(apiRequests()).isEmpty();
    }

    @Test
    void metadataOfZohoCrmIsRead() {
        List<?> modules = template.requestBody(crm("Leads?operation=modules"), null, List.class);
        List<?> fields = template.requestBody(crm("Leads?operation=fields"), null, List.class);
        List<?> layouts = template.requestBody(crm("Leads?operation=layouts"), null, List.class);
        List<?> users = template.requestBody(crm("Leads?operation=users"), null, List.class);
        Map<?, ?> org = template.requestBody(crm("Leads?operation=org"), null, Map.class);

        assertThat(modules).extracting(m -> (Object) ((Map<?, ?>) m).get("api_name"))
                .contains("Leads", "Deals", "Quotes", "Sales_Orders", "Invoices").doesNotContain("Pipelines");
        assertThat(fields).extracting(f -> (Object) ((Map<?, ?>) f).get("api_name")).contains("Last_Name", "Company",
                "External_Lead_ID");
        assertThat(layouts).isNotEmpty();
        assertThat(users).isNotEmpty();
        assertThat(org).isNotEmpty();
        assertThat(apiRequests()).extracting(r -> r.path()).allMatch(p -> p.startsWith("/crm/v8/"));
    }

    @Test
    void aFileLargerThanZohoCrmTakesIsRefusedBeforeAnyByteIsSent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path big = sparseFile(dir, "video.mp4", 100L * 1024 * 1024);
        String contact = emulator().seed().insert("Contacts", Map.of("Last_Name", "Big"));

        Exchange up = send(crm("Contacts?operation=uploadPhoto"), big.toFile(),
                Map.of(ZohoCrmConstants.RECORD_ID, contact));

        assertThat(up.getException()).hasMessageContaining("video.mp4").hasMessageContaining("20 MB")
                .hasMessageContaining("nothing was sent");
        assertThat(calls()).isEmpty();
    }
}
