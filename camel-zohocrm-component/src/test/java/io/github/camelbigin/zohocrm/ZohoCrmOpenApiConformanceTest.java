package io.github.camelbigin.zohocrm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.common.testing.LocalPlatformHttp;
import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zoho's own OpenAPI specifications of CRM v8 (zoho/crm-oas, kept under test resources crm-oas/) as the contract:
 * every request zohocrm: sends — records, COQL, counts, mass updates, tags, related records, notes, attachments and
 * photos, the org, field metadata, notification channels, bulk jobs — and every JSON answer the emulator's CRM flavour
 * gives is checked against them.
 */
class ZohoCrmOpenApiConformanceTest extends ZohoCrmTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ZohoCrmOpenApiConformanceTest.class);

    private final int port = AvailablePortFinder.getNextAvailable();

    @TempDir
    Path work;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return LocalPlatformHttp.addTo(super.createCamelContext(), port);
    }

    @Test
    void everyRequestZohoCrmSendsAndEveryAnswerTheEmulatorGivesFitsZohosV8Specifications() throws Exception {
        BiginEmulator emulator = emulator();
        emulator.tuning().recordAnswers(true);
        List<String> ids = emulator.seed().records("Leads", 250, i -> Map.of("Last_Name", "Lead" + i, "Company", "Co" + i,
                "External_Lead_ID", "ext-" + i));
        emulator.seed().view("Leads", "4000000001", "(Company:equals:Co1)");

        // records
        template.requestBody(crm("Leads?operation=create&failOnRecordError=false"), List.of(Map.of("Last_Name", "Ada", "Company", "Engines"),
                Map.of("Company", "No name")), List.class);
        template.requestBody(crm("Leads?operation=list&fields=Last_Name,Company"), null, List.class);
        template.requestBody(crm("Leads?operation=list&maxRecords=10"), null, List.class); // every field: metadata
        template.requestBodyAndHeader(crm("Leads?operation=get&fields=Last_Name"), null, ZohoCrmConstants.RECORD_ID,
                ids.get(0));
        template.requestBodyAndHeader(crm("Leads?operation=get&fields=Last_Name&externalField=External_Lead_ID"),
                null, ZohoCrmConstants.RECORD_ID, "ext-2");
        template.requestBody(crm("Leads?operation=update"), Map.of("id", ids.get(1), "Company", "Renamed"));
        template.requestBody(crm("Leads?operation=upsert&duplicateCheckFields=Last_Name"),
                Map.of("Last_Name", "Lead3", "Company", "Upserted"));
        template.requestBody(crm("Leads?operation=search&criteria=(Company:equals:Co7)"), null, List.class);
        template.requestBodyAndHeader(crm("Leads?operation=delete"), null, ZohoCrmConstants.RECORD_IDS,
                List.of(ids.get(4), ids.get(5)));
        template.requestBody(crm("Leads?operation=deleted"), null, List.class);
        template.requestBody(crm("Leads?operation=count"), null, Long.class);
        template.requestBodyAndHeader(crm("Leads?operation=massUpdate"), Map.of("Lead_Status", "Contacted"),
                ZohoCrmConstants.RECORD_IDS, ids.subList(10, 20));
        template.requestBody(crm("Leads?operation=massUpdate&cvid=4000000001"), Map.of("Lead_Status", "Lost"));
        template.requestBodyAndHeader(crm("Leads?operation=addTags&tags=Hot"), null, ZohoCrmConstants.RECORD_IDS,
                ids.subList(20, 25));
        template.requestBodyAndHeader(crm("Leads?operation=removeTags&tags=Hot"), null, ZohoCrmConstants.RECORD_IDS,
                ids.subList(20, 22));
        // related records, notes, files, the org
        String account = emulator.seed().insert("Accounts", Map.of("Account_Name", "Engines Ltd"));
        String contact = emulator.seed().insert("Contacts", Map.of("Last_Name", "Babbage"));
        template.requestBodyAndHeader(crm("Accounts?operation=updateRelated&relatedList=Contacts"),
                Map.of("id", contact), ZohoCrmConstants.RECORD_ID, account);
        template.requestBodyAndHeader(crm("Accounts?operation=related&relatedList=Contacts&fields=Last_Name"), null,
                ZohoCrmConstants.RECORD_ID, account);
        template.requestBodyAndHeader(crm("Accounts?operation=delinkRelated&relatedList=Contacts"), List.of(contact),
                ZohoCrmConstants.RECORD_ID, account);
        List<?> notes = template.requestBodyAndHeader(crm("Contacts?operation=createNotes"),
                List.of(Map.of("Note_Title", "Call", "Note_Content", "Wants a demo")), ZohoCrmConstants.RECORD_ID,
                contact, List.class);
        String note = ((io.github.camelbigin.zoho.records.WriteResult) notes.get(0)).getId();
        template.requestBody(crm("Contacts?operation=notes&fields=Note_Title,Note_Content"), contact, List.class);
        template.requestBody(crm("Contacts?operation=updateNotes"), Map.of("id", note, "Note_Content", "Booked"));
        template.requestBody(crm("Contacts?operation=deleteNotes"), List.of(note));
        List<?> attached = template.requestBodyAndHeaders(crm("Contacts?operation=uploadAttachment"),
                "notes".getBytes(), Map.of(ZohoCrmConstants.RECORD_ID, contact, "CamelFileName", "notes.txt"),
                List.class);
        String attachment = ((io.github.camelbigin.zoho.records.WriteResult) attached.get(0)).getId();
        template.requestBody(crm("Contacts?operation=attachments"), contact, List.class);
        template.requestBodyAndHeaders(crm("Contacts?operation=deleteAttachment"), null,
                Map.of(ZohoCrmConstants.RECORD_ID, contact, ZohoCrmConstants.ATTACHMENT_ID, attachment));
        template.requestBodyAndHeaders(crm("Contacts?operation=uploadPhoto"), "png".getBytes(),
                Map.of(ZohoCrmConstants.RECORD_ID, contact, "CamelFileName", "face.png"));
        template.requestBody(crm("Contacts?operation=deletePhoto"), contact);
        template.requestBody(crm("Contacts?operation=org"), null, Map.class);
        // COQL
        template.requestBody(crm("Leads?operation=coql"), "select Last_Name from Leads where Company like 'Co%'",
                List.class);
        // bulk jobs
        template.requestBody(crm("Leads?operation=bulkRead&fields=Last_Name,Company"), null, List.class);
        template.requestBody(crm("Leads?operation=bulkWrite&bulkWorkDir=" + work), List.of(
                Map.of("Last_Name", "Bulk1", "Company", "B"), Map.of("Last_Name", "Bulk2", "Company", "B")),
                List.class);
        // notification channels: a push-mode consumer enables one, and deletes it when it stops
        MockEndpoint changes = getMockEndpoint("mock:changes");
        changes.expectedMinimumMessageCount(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(crm("Leads?fields=Last_Name&events=created,updated&notifyFields=Lead_Status,Email"
                         + "&notifications=true&reconcileInterval=3600000"
                         + "&notifyUrl=http://127.0.0.1:" + port + "/crm/leads")).routeId("push").to("mock:changes");
            }
        });
        awaitConsumerStarted("push");
        emulator.seed().insert("Leads", Map.of("Last_Name", "Pushed"));
        changes.assertIsSatisfied(10_000);
        context.getRouteController().stopRoute("push");

        OpenApiContract.Report report = new OpenApiContract("record.json", "coql.json", "record_count.json",
                "mass_update.json", "notifications.json", "bulk_read.json", "bulk_write.json", "tags.json",
                "related_records.json", "notes.json", "attachments.json", "record_photo.json", "org.json",
                "fields.json")
                .check(emulator.observe().apiRequests());
        LOG.info("Checked {} requests against Zoho's CRM v8 specifications: {} request shapes, {} answer shapes,"
                 + " {} operations", report.requests(), report.requestShapes(), report.answerShapes(),
                report.operations().size());

        assertThat(report.violations()).isEmpty();
        assertThat(report.operations()).anyMatch(o -> o.startsWith("record.json"))
                .anyMatch(o -> o.startsWith("coql.json")).anyMatch(o -> o.endsWith("/actions/mass_update"))
                .anyMatch(o -> o.endsWith("/actions/count"))
                .anyMatch(o -> o.startsWith("notifications.json")).anyMatch(o -> o.startsWith("bulk_read.json"))
                .anyMatch(o -> o.startsWith("bulk_write.json"));
        assertThat(report.operations()).hasSizeGreaterThanOrEqualTo(36);
        assertThat(report.requestShapes()).isGreaterThanOrEqualTo(14);
        assertThat(report.answerShapes()).isGreaterThanOrEqualTo(43);
    }
}
