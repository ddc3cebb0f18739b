package io.github.camelbigin.zohocrm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.common.testing.LocalPlatformHttp;
import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.RecordedRequest;
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

    /**
     * Zoho CRM beyond records: lead conversion (one, and mass conversion), change of owner (by ids, and of a view),
     * blueprints, the recycle bin, mail from a record, composite calls — and the read of subform rows an update of a
     * Quote makes — against their specification files. Restoring from the recycle bin has no specification file in
     * zoho/crm-oas v8.0: it is left out of the check and named.
     */
    @Test
    void everyActionBeyondRecordsFitsZohosV8Specifications() throws Exception {
        BiginEmulator emulator = emulator();
        emulator.tuning().recordAnswers(true);
        String owner = emulator.seed().user("Grace Hopper", "grace@zylker.example");
        List<String> leads = emulator.seed().records("Leads", 4, i -> Map.of("Last_Name", "Lead" + i, "Company",
                "Co" + i));
        emulator.seed().view("Leads", "4000000002", "(Company:equals:Co3)");
        emulator.seed().blueprintTransition("Deals", "Stage", "7255024000000400001", "Qualify", "Qualification",
                "Needs Analysis", "Amount");
        String deal = emulator.seed().insert("Deals", Map.of("Deal_Name", "Big", "Stage", "Qualification"));
        String quote = emulator.seed().insert("Quotes", Map.of("Subject", "Gears", "Quoted_Items",
                List.of(Map.of("Quantity", 2))));

        template.requestBodyAndHeader(crm("Leads?operation=convertLead"), Map.of("overwrite", true, "Deals",
                Map.of("Deal_Name", "Won", "Stage", "Closed Won")), ZohoCrmConstants.RECORD_ID, leads.get(0));
        template.requestBodyAndHeader(crm("Leads?operation=convertLead"), Map.of("assign_to", Map.of("id", owner)),
                ZohoCrmConstants.RECORD_IDS, leads.subList(1, 3));
        template.requestBodyAndHeader(crm("Deals?operation=changeOwner"), Map.of("owner", Map.of("id", owner),
                "notify", false), ZohoCrmConstants.RECORD_IDS, List.of(deal));
        template.requestBody(crm("Leads?operation=changeOwner&cvid=4000000002"), Map.of("owner", Map.of("id", owner)));
        template.requestBodyAndHeader(crm("Deals?operation=blueprint"), null, ZohoCrmConstants.RECORD_ID, deal);
        template.requestBodyAndHeader(crm("Deals?operation=transition"), Map.of("transition_id",
                "7255024000000400001", "data", Map.of("Amount", 10)), ZohoCrmConstants.RECORD_ID, deal);
        template.requestBodyAndHeader(crm("Deals?operation=sendMail"), Map.of("from", Map.of("email",
                "grace@zylker.example"), "to", List.of(Map.of("email", "ada@example.com")), "subject", "Hello",
                "content", "<p>Hi</p>", "mail_format", "html"), ZohoCrmConstants.RECORD_ID, deal);
        template.requestBody(crm("Quotes?operation=update"), Map.of("id", quote, "Quoted_Items",
                List.of(Map.of("Quantity", 3))));
        template.requestBodyAndHeader(crm("Deals?operation=delete"), null, ZohoCrmConstants.RECORD_ID, deal);
        template.requestBody(crm("Deals?operation=recycleBin"), null, List.class);
        template.requestBody(crm("Deals?operation=restore"), List.of(deal));
        template.requestBodyAndHeader(crm("Deals?operation=delete"), null, ZohoCrmConstants.RECORD_ID, deal);
        template.requestBody(crm("Deals?operation=purge"), List.of(deal));
        template.requestBody(crm("Accounts?operation=composite&rollbackOnFail=true&failOnRecordError=false"), List.of(
                Map.of("sub_request_id", "account", "method", "POST", "uri", "/Accounts", "body",
                        Map.of("data", List.of(Map.of("Account_Name", "Engines Ltd")))),
                Map.of("method", "GET", "uri", "/Accounts", "params", Map.of("fields", "Account_Name")),
                Map.of("method", "POST", "uri", "/Deals", "body", Map.of("data", List.of(Map.of("Amount", 1))))));

        List<RecordedRequest> traffic = emulator.observe().apiRequests();
        List<String> unchecked = traffic.stream().filter(r -> r.path().endsWith("/actions/restore"))
                .map(r -> r.method() + " " + r.path()).toList();
        OpenApiContract.Report report = new OpenApiContract("record.json", "convert_lead.json", "mass_convert.json",
                "change_owner.json", "mass_change_owner.json", "blueprint.json", "recycle_bin.json",
                "composite_requests.json", "send_mail.json", "fields.json")
                .check(traffic.stream().filter(r -> !r.path().endsWith("/actions/restore")).toList());
        LOG.info("Checked {} requests of actions beyond records against Zoho's CRM v8 specifications: {} request"
                 + " shapes, {} answer shapes, {} operations; not checked (no specification file): {}",
                report.requests(), report.requestShapes(), report.answerShapes(), report.operations().size(), unchecked);

        assertThat(report.violations()).isEmpty();
        assertThat(report.operations()).anyMatch(o -> o.startsWith("convert_lead.json"))
                .anyMatch(o -> o.startsWith("mass_convert.json POST")).anyMatch(o -> o.startsWith("mass_convert.json GET"))
                .anyMatch(o -> o.startsWith("change_owner.json")).anyMatch(o -> o.startsWith("mass_change_owner.json"))
                .anyMatch(o -> o.startsWith("blueprint.json GET")).anyMatch(o -> o.startsWith("blueprint.json PUT"))
                .anyMatch(o -> o.startsWith("recycle_bin.json GET")).anyMatch(o -> o.startsWith("recycle_bin.json DELETE"))
                .anyMatch(o -> o.startsWith("composite_requests.json")).anyMatch(o -> o.startsWith("send_mail.json"));
        assertThat(unchecked).containsExactly("POST /crm/v8/settings/recycle_bin/actions/restore");
        assertThat(report.operations()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(report.requestShapes()).isGreaterThanOrEqualTo(6);
        assertThat(report.answerShapes()).isGreaterThanOrEqualTo(16);
    }
}
