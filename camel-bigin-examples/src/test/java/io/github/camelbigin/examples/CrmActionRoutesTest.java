package io.github.camelbigin.examples;

import java.util.List;
import java.util.Map;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.zoho.records.WriteResult;
import io.github.camelbigin.zohocrm.ZohoCrmComponent;
import io.github.camelbigin.zohocrm.ZohoCrmConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's Zoho CRM action routes (CrmActionRoutes), each run against the emulator's Zoho CRM. */
class CrmActionRoutesTest {

    private final BiginEmulator crm = BiginEmulator.crm().start();
    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        ZohoCrmComponent zohocrm = new ZohoCrmComponent();
        zohocrm.getConfiguration().setAccessToken(BiginEmulator.ACCESS_TOKEN);
        zohocrm.getConfiguration().setApiUrl(crm.apiUrl());
        context.addComponent("zohocrm", zohocrm);
        context.addRoutes(new CrmActionRoutes());
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
        crm.stop();
    }

    private Map<String, Object> record(String module, String id) {
        return crm.observe().record(module, id).orElseThrow();
    }

    @Test
    void theReadmeShowsTheseRoutes() throws Exception {
        assertThat(ReadmeSnippetsTest.blocks("java")).contains(ReadmeSnippetsTest.javaSnippet("CrmActionRoutes"));
    }

    @Test
    void aLeadIsConvertedAndTheRouteAnswersTheNewDeal() {
        String lead = crm.seed().insert("Leads", Map.of("Last_Name", "Lovelace", "Company", "Engines Ltd"));

        String deal = template.requestBody("direct:convert-lead", Map.of("leadId", lead, "conversion",
                Map.of("Deals", Map.of("Deal_Name", "Engines", "Stage", "Qualification"))), String.class);

        assertThat(record("Deals", deal)).containsEntry("Deal_Name", "Engines");
        assertThat(crm.observe().records("Leads")).isEmpty();
    }

    @Test
    void aQuoteLineIsAddedAndTheOthersStay() {
        String quote = crm.seed().insert("Quotes", Map.of("Subject", "Gears", "Quoted_Items",
                List.of(Map.of("Quantity", 1), Map.of("Quantity", 2))));

        template.requestBody("direct:add-quote-line", Map.of("id", quote, "Quoted_Items", List.of(Map.of("Quantity",
                3))));

        assertThat((List<?>) record("Quotes", quote).get("Quoted_Items")).hasSize(3);
    }

    @Test
    void accountsAndTheirContactsGoToAnotherOwner() {
        String owner = crm.seed().user("Grace Hopper", "grace@zylker.example");
        String account = crm.seed().insert("Accounts", Map.of("Account_Name", "Engines Ltd"));
        String contact = crm.seed().insert("Contacts", Map.of("Last_Name", "Babbage", "Account_Name",
                Map.of("id", account)));

        template.requestBodyAndHeaders("direct:reassign-accounts", null, Map.of("newOwner", owner,
                ZohoCrmConstants.RECORD_IDS, List.of(account)));

        assertThat(record("Contacts", contact).get("Owner").toString()).contains(owner);
    }

    @Test
    void aDealTakesItsBlueprintTransition() {
        crm.seed().blueprintTransition("Deals", "Stage", "7255024000000400001", "Qualify", "Qualification",
                "Needs Analysis", "Amount");
        String deal = crm.seed().insert("Deals", Map.of("Deal_Name", "Big", "Stage", "Qualification"));

        Map<?, ?> blueprint = template.requestBodyAndHeader("direct:deal-next-steps", null,
                ZohoCrmConstants.RECORD_ID, deal, Map.class);
        assertThat((List<?>) blueprint.get("transitions")).hasSize(1);
        template.requestBodyAndHeader("direct:qualify-deal", Map.of("transition_id", "7255024000000400001", "data",
                Map.of("Amount", 900)), ZohoCrmConstants.RECORD_ID, deal);

        assertThat(record("Deals", deal)).containsEntry("Stage", "Needs Analysis");
    }

    @Test
    void deletedLeadsAreListedFromTheRecycleBinAndComeBackOrGoForGood() {
        String lead = crm.seed().insert("Leads", Map.of("Last_Name", "Gone"));
        String other = crm.seed().insert("Leads", Map.of("Last_Name", "Forgotten"));
        crm.seed().delete("Leads", lead);
        crm.seed().delete("Leads", other);

        List<?> bin = template.requestBody("direct:leads-in-bin", null, List.class);
        template.requestBody("direct:undelete-leads", List.of(lead));
        template.requestBody("direct:purge-leads", List.of(other));

        assertThat(bin).hasSize(2);
        assertThat(record("Leads", lead)).containsEntry("Last_Name", "Gone");
        assertThat(template.requestBody("direct:leads-in-bin", null, List.class)).isEmpty();
    }

    @Test
    void anAccountAndItsContactAreWrittenInOneCall() {
        List<?> results = template.requestBodyAndHeaders("direct:account-with-contact", null, Map.of("company",
                "Engines Ltd", "person", "Babbage"), List.class);

        assertThat(results).hasSize(2);
        assertThat(crm.observe().records("Contacts")).singleElement()
                .satisfies(c -> assertThat(c.get("Account_Name").toString()).contains("Engines Ltd"));
        assertThat(crm.observe().apiRequests()).hasSize(1);
    }

    @Test
    void aMailGoesOutFromAContact() {
        String contact = crm.seed().insert("Contacts", Map.of("Last_Name", "Babbage"));

        List<?> sent = template.requestBodyAndHeader("direct:mail-contact", Map.of("from", Map.of("email",
                "admin@emulator.example"), "to", List.of(Map.of("email", "charles@example.com")), "subject",
                "Your order", "content", "It ships today."), ZohoCrmConstants.RECORD_ID, contact, List.class);

        assertThat(((WriteResult) sent.get(0)).isSuccess()).isTrue();
        assertThat(crm.observe().mails()).singleElement().satisfies(m -> assertThat(m).containsEntry("subject",
                "Your order"));
    }
}
