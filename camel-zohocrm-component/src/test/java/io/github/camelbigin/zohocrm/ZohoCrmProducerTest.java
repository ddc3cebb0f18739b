package io.github.camelbigin.zohocrm;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.records.WriteResult;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The record operations of zohocrm: on the CRM v8 flavour: the same producer as bigin:, CRM's paths and limits. */
class ZohoCrmProducerTest extends ZohoCrmTestSupport {

    @Test
    void leadsAreCreatedReadUpdatedAndDeletedUnderCrmV8WithCamelZohoCrmHeaders() {
        Exchange created = send(crm("Leads?operation=create"), Map.of("Last_Name", "Lovelace", "Company", "Engines"),
                Map.of());
        String id = created.getMessage().getHeader(ZohoCrmConstants.RECORD_ID, String.class);

        Map<?, ?> lead = template.requestBodyAndHeader(crm("Leads?operation=get&fields=Last_Name,Company"), null,
                ZohoCrmConstants.RECORD_ID, id, Map.class);
        send(crm("Leads?operation=update"), Map.of("Company", "Analytical Engines"),
                Map.of(ZohoCrmConstants.RECORD_ID, id));
        Exchange deleted = send(crm("Leads?operation=delete"), null, Map.of(ZohoCrmConstants.RECORD_IDS, id));

        assertThat(id).matches("\\d+");
        assertThat(lead.get("Company")).isEqualTo("Engines");
        assertThat(deleted.getMessage().getBody(List.class)).singleElement()
                .satisfies(r -> assertThat(((WriteResult) r).isSuccess()).isTrue());
        assertThat(apiRequests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST /crm/v8/Leads", "GET /crm/v8/Leads/" + id, "PUT /crm/v8/Leads", "DELETE /crm/v8/Leads");
        assertThat(created.getMessage().getHeaders()).containsKey("CamelZohoCrmRecordCount")
                .doesNotContainKey("CamelBiginRecordCount");
    }

    @Test
    void aCoqlQueryReadsTwoThousandRecordsACallAtThreeCreditsEach() {
        emulator().seed().contacts(5_000);

        List<?> records = template.requestBody(crm("Contacts?operation=coql"),
                "select Last_Name from Contacts where Email like '%@example.com'", List.class);

        assertThat(records).hasSize(5_000);
        assertThat(new HashSet<>(records.stream().map(r -> ((Map<?, ?>) r).get("id")).toList())).hasSize(5_000);
        assertThat(calls()).hasSize(3).containsOnly("POST /coql");
        assertThat(apiRequests().get(0).bodyJson().get("select_query").asText()).endsWith("limit 2000");
        assertThat(emulator().observe().credits()).isEqualTo(9);
    }

    @Test
    void countWithoutAQueryIsOneCallOfTheCountActionWithTheCriteria() {
        emulator().seed().contacts(30);

        long all = template.requestBody(crm("Contacts?operation=count"), null, Long.class);
        long some = template.requestBodyAndHeader(crm("Contacts?operation=count"), null, ZohoCrmConstants.CRITERIA,
                "(Email:equals:contact7@example.com)", Long.class);

        assertThat(all).isEqualTo(30);
        assertThat(some).isEqualTo(1);
        assertThat(calls()).containsExactly("GET /Contacts/actions/count", "GET /Contacts/actions/count");
    }

    @Test
    void massUpdateSetsTheSameValuesOnEveryIdWithAResultEach() {
        List<String> ids = emulator().seed().records("Leads", 150, i -> Map.of("Last_Name", "Lead" + i));

        List<?> results = template.requestBodyAndHeader(crm("Leads?operation=massUpdate"),
                Map.of("Lead_Status", "Contacted"), ZohoCrmConstants.RECORD_IDS, ids, List.class);

        assertThat(results).hasSize(150).allSatisfy(r -> assertThat(((WriteResult) r).isSuccess()).isTrue());
        assertThat(results).extracting(r -> ((WriteResult) r).getId()).containsExactlyElementsOf(ids);
        assertThat(calls()).containsExactly("POST /Leads/actions/mass_update", "POST /Leads/actions/mass_update");
        Map<?, ?> one = template.requestBodyAndHeader(crm("Leads?operation=get&fields=Lead_Status"), null,
                ZohoCrmConstants.RECORD_ID, ids.get(149), Map.class);
        assertThat(one.get("Lead_Status")).isEqualTo("Contacted");
    }

    @Test
    void massUpdateOfACustomViewRunsOneJobAndReportsItsCounts() {
        emulator().seed().records("Leads", 12, i -> Map.of("Last_Name", "Lead" + i, "Industry", i < 5 ? "Steel" : "Wool"));
        emulator().seed().view("Leads", "4000000001", "(Industry:equals:Steel)");

        Map<?, ?> job = template.requestBody(crm("Leads?operation=massUpdate&cvid=4000000001"),
                Map.of("Lead_Status", "Qualified"), Map.class);

        assertThat(job.get("total")).isEqualTo(5L);
        assertThat(job.get("updated")).isEqualTo(5L);
        assertThat(calls()).containsExactly("POST /Leads/actions/mass_update", "GET /Leads/actions/mass_update");
    }

    @Test
    void externalIdsStandInForRecordIdsOnGetUpdateAndDelete() {
        emulator().seed().insert("Contacts", Map.of("Last_Name", "Hopper", "External_Contact_ID", "erp-42"));

        Map<?, ?> got = template.requestBodyAndHeader(crm("Contacts?operation=get&externalField=External_Contact_ID"
                                                          + "&fields=Last_Name,Title"), null,
                ZohoCrmConstants.RECORD_ID, "erp-42", Map.class);
        List<?> updated = template.requestBody(crm("Contacts?operation=update&externalField=External_Contact_ID"),
                Map.of("External_Contact_ID", "erp-42", "Title", "Rear Admiral"), List.class);
        List<?> deleted = template.requestBody(crm("Contacts?operation=delete&externalField=External_Contact_ID"),
                "erp-42", List.class);

        assertThat(got.get("Last_Name")).isEqualTo("Hopper");
        assertThat(updated).singleElement().satisfies(r -> assertThat(((WriteResult) r).isSuccess()).isTrue());
        assertThat(deleted).singleElement().satisfies(r -> assertThat(((WriteResult) r).isSuccess()).isTrue());
        assertThat(apiRequests()).allSatisfy(r -> assertThat(r.header("X-EXTERNAL"))
                .isEqualTo("Contacts.External_Contact_ID"));
        assertThat(emulator().observe().apiRequests().get(0).path()).isEqualTo("/crm/v8/Contacts/erp-42");
    }

    @Test
    void upsertSearchDeletedAndBulkJobsWorkOnCrmsPaths(@org.junit.jupiter.api.io.TempDir java.nio.file.Path work) {
        emulator().seed().records("Leads", 5, i -> Map.of("Last_Name", "Lead" + i, "Email", "lead" + i + "@example.com"));

        List<?> upserted = template.requestBody(crm("Leads?operation=upsert&duplicateCheckFields=Email"), List.of(
                Map.of("Last_Name", "Lead0 again", "Email", "lead0@example.com"),
                Map.of("Last_Name", "New", "Email", "new@example.com")), List.class);
        List<?> found = template.requestBodyAndHeader(crm("Leads?operation=search&fields=Last_Name"), null,
                ZohoCrmConstants.EMAIL, "lead3@example.com", List.class);
        template.requestBody(crm("Leads?operation=delete"), found.stream().map(r -> ((Map<?, ?>) r).get("id"))
                .toList());
        List<?> deleted = template.requestBody(crm("Leads?operation=deleted"), null, List.class);
        List<?> exported = template.requestBody(crm("Leads?operation=bulkRead&fields=Last_Name,Email"), null,
                List.class);
        List<?> loaded = template.requestBody(crm("Deals?operation=bulkWrite&failOnRecordError=false&bulkWorkDir="
                                                  + work), List.of(Map.of("Deal_Name", "Engine", "Stage",
                "Qualification"), Map.of("Deal_Name", "No stage")), List.class);

        assertThat(upserted).extracting(r -> ((WriteResult) r).getAction()).containsExactly("update", "insert");
        assertThat(found).singleElement().satisfies(r -> assertThat(((Map<?, ?>) r).get("Last_Name"))
                .isEqualTo("Lead3"));
        assertThat(deleted).singleElement().satisfies(r -> assertThat(((Map<?, ?>) r).get("id"))
                .isEqualTo(((Map<?, ?>) found.get(0)).get("id")));
        assertThat(exported).hasSize(5);
        assertThat(loaded).extracting(r -> ((WriteResult) r).isSuccess()).containsExactly(true, false);
        assertThat(apiRequests()).extracting(r -> r.path()).allMatch(p -> p.startsWith("/crm/v8/")
                                                                        || p.startsWith("/crm/bulk/v8/"));
    }
}
