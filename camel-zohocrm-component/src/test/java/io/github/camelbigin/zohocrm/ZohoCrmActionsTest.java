package io.github.camelbigin.zohocrm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.records.WriteResult;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zoho CRM beyond records, each on the emulator's CRM flavour with what Zoho then holds checked: lead conversion (one
 * lead, and many by jobs of 50), change of owner, blueprint transitions, the recycle bin, mail from a record and
 * composite calls.
 */
class ZohoCrmActionsTest extends ZohoCrmTestSupport {

    @SuppressWarnings("unchecked")
    private static List<WriteResult> results(Exchange ex) {
        assertThat(ex.getException()).isNull();
        return ex.getMessage().getBody(List.class);
    }

    /** The record as Zoho holds it now. */
    private Map<String, Object> record(String module, String id) {
        return emulator().observe().record(module, id).orElseThrow(() -> new AssertionError(module + " " + id
                                                                                            + " is not there"));
    }

    @Test
    void convertingALeadMakesAContactAnAccountAndADealAndTheLeadLeavesLeads() {
        String lead = emulator().seed().insert("Leads", Map.of("First_Name", "Ada", "Last_Name", "Lovelace",
                "Company", "Engines Ltd", "Email", "ada@engines.example"));
        emulator().seed().insert("Notes", Map.of("Note_Content", "Met at the fair", "Parent_Id", Map.of("id", lead),
                "$se_module", "Leads"));

        List<WriteResult> converted = results(send(crm("Leads?operation=convertLead"), Map.of("Deals", Map.of(
                "Deal_Name", "Engines for Ada", "Stage", "Qualification", "Amount", 5000)),
                Map.of(ZohoCrmConstants.RECORD_ID, lead)));

        WriteResult r = converted.get(0);
        assertThat(r.isSuccess()).isTrue();
        String contact = (String) r.getDetails().get("contact_id");
        String account = (String) r.getDetails().get("account_id");
        String deal = (String) r.getDetails().get("deal_id");
        assertThat(List.of(contact, account, deal)).doesNotContainNull();
        assertThat(record("Contacts", contact)).containsEntry("Last_Name", "Lovelace")
                .containsEntry("Email", "ada@engines.example");
        assertThat(record("Accounts", account)).containsEntry("Account_Name", "Engines Ltd");
        assertThat(record("Deals", deal).get("Contact_Name").toString()).contains(contact);
        assertThat(emulator().observe().records("Leads")).isEmpty();
        assertThat(emulator().observe().records("Notes")).singleElement()
                .satisfies(n -> assertThat(n.get("Parent_Id").toString()).contains(contact));
        assertThat(calls()).containsExactly("POST /Leads/" + lead + "/actions/convert");
    }

    @Test
    void aLeadConvertedTwiceIsRefusedWithZohosIdAlreadyConverted() {
        String lead = emulator().seed().insert("Leads", Map.of("Last_Name", "Once", "Company", "Once Ltd"));
        results(send(crm("Leads?operation=convertLead"), null, Map.of(ZohoCrmConstants.RECORD_ID, lead)));

        Exchange again = send(crm("Leads?operation=convertLead"), null, Map.of(ZohoCrmConstants.RECORD_ID, lead));

        assertThat(again.getException()).hasMessageContaining("ID_ALREADY_CONVERTED");
    }

    @Test
    void convertingMoreLeadsThanOneMassConversionTakesRunsAJobForEveryFifty() {
        List<String> leads = emulator().seed().records("Leads", 120, i -> Map.of("Last_Name", "Lead" + i,
                "Company", "Co" + i));
        String owner = emulator().seed().user("Grace Hopper", "grace@zylker.example");

        Exchange ex = send(crm("Leads?operation=convertLead"), Map.of("assign_to", Map.of("id", owner)),
                Map.of(ZohoCrmConstants.RECORD_IDS, leads));

        assertThat(ex.getException()).isNull();
        Map<?, ?> body = ex.getMessage().getBody(Map.class);
        assertThat(body.get("converted")).isEqualTo(120L);
        assertThat((List<?>) body.get("jobs")).hasSize(3);
        assertThat(ex.getMessage().getHeader(ZohoCrmConstants.RECORD_COUNT)).isEqualTo(120L);
        assertThat(calls()).filteredOn(c -> c.equals("POST /Leads/actions/mass_convert")).hasSize(3);
        assertThat(emulator().observe().records("Leads")).isEmpty();
        assertThat(emulator().observe().records("Contacts")).hasSize(120)
                .allSatisfy(c -> assertThat(c.get("Owner").toString()).contains(owner));
    }

    @Test
    void convertingManyLeadsWithoutTheUserTheyGoToIsRefusedBeforeAnyCall() {
        List<String> leads = emulator().seed().records("Leads", 2, i -> Map.of("Last_Name", "Lead" + i));

        Exchange ex = send(crm("Leads?operation=convertLead"), null, Map.of(ZohoCrmConstants.RECORD_IDS, leads));

        assertThat(ex.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("assign_to");
        assertThat(calls()).isEmpty();
    }

    @Test
    void settingsGivenAsSeveralObjectsAreRefusedBeforeAnyCallNamingTheIdsHeader() {
        String lead = emulator().seed().insert("Leads", Map.of("Last_Name", "Twice"));

        Exchange ex = send(crm("Leads?operation=convertLead"), List.of(Map.of("overwrite", true),
                Map.of("overwrite", false)), Map.of(ZohoCrmConstants.RECORD_ID, lead));

        assertThat(ex.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one object of settings").hasMessageContaining(ZohoCrmConstants.RECORD_IDS);
        assertThat(calls()).isEmpty();
    }

    @Test
    void anUpdateOfAQuoteThatDoesNotNameItsLineItemsKeepsThemAndSaysSo() {
        String product = emulator().seed().insert("Products", Map.of("Product_Name", "Gear"));
        String quote = emulator().seed().insert("Quotes", Map.of("Subject", "Gears", "Quoted_Items", List.of(
                Map.of("Product_Name", Map.of("id", product), "Quantity", 2),
                Map.of("Product_Name", Map.of("id", product), "Quantity", 5))));

        List<WriteResult> updated = results(send(crm("Quotes?operation=update"), Map.of("id", quote, "Quoted_Items",
                List.of(Map.of("Product_Name", Map.of("id", product), "Quantity", 9)))));

        assertThat(updated.get(0).isSuccess()).isTrue();
        assertThat(updated.get(0).getDetails()).containsEntry("subform_rows_kept", Map.of("Quoted_Items", 2));
        assertThat((List<?>) record("Quotes", quote).get("Quoted_Items")).hasSize(3);
        assertThat(calls()).containsExactly("GET /settings/fields", "GET /Quotes", "PUT /Quotes");
    }

    @Test
    void subformRowsReplaceSendsOnlyTheGivenRowsAndADeleteMarkRemovesOneRow() {
        String quote = emulator().seed().insert("Quotes", Map.of("Subject", "Gears", "Quoted_Items", List.of(
                Map.of("Quantity", 2), Map.of("Quantity", 5))));
        List<?> rows = (List<?>) record("Quotes", quote).get("Quoted_Items");
        String first = ((Map<?, ?>) rows.get(0)).get("id").toString();

        results(send(crm("Quotes?operation=update"), Map.of("id", quote, "Quoted_Items", List.of(
                Map.of("id", first, "_delete", true)))));
        List<?> afterDelete = (List<?>) record("Quotes", quote).get("Quoted_Items");
        results(send(crm("Quotes?operation=update&subformRows=replace"), Map.of("id", quote, "Quoted_Items",
                List.of(Map.of("Quantity", 1)))));
        List<?> afterReplace = (List<?>) record("Quotes", quote).get("Quoted_Items");

        assertThat(afterDelete).singleElement().satisfies(r -> assertThat(((Map<?, ?>) r).get("Quantity"))
                .isEqualTo(5));
        assertThat(afterReplace).singleElement().satisfies(r -> assertThat(((Map<?, ?>) r).get("Quantity"))
                .isEqualTo(1));
    }

    @Test
    void anUpdateThatLinksOneMoreRecordByAMultiSelectLookupKeepsTheOtherLinks() {
        List<String> rivals = emulator().seed().records("Accounts", 3, i -> Map.of("Account_Name", "Rival" + i));
        String deal = emulator().seed().insert("Deals", Map.of("Deal_Name", "Big", "Stage", "Qualification",
                "Competitors", List.of(Map.of("Competitor", Map.of("id", rivals.get(0))),
                        Map.of("Competitor", Map.of("id", rivals.get(1))))));
        String firstLink = ((Map<?, ?>) ((List<?>) record("Deals", deal).get("Competitors")).get(0)).get("id")
                .toString();

        List<WriteResult> linked = results(send(crm("Deals?operation=update"), Map.of("id", deal, "Competitors",
                List.of(Map.of("Competitor", Map.of("id", rivals.get(2)))))));
        results(send(crm("Deals?operation=update"), Map.of("id", deal, "Competitors", List.of(Map.of("id", firstLink,
                "_delete", true)))));

        assertThat(linked.get(0).getDetails()).containsEntry("subform_rows_kept", Map.of("Competitors", 2));
        assertThat((List<?>) record("Deals", deal).get("Competitors"))
                .extracting(l -> (Object) ((Map<?, ?>) ((Map<?, ?>) l).get("Competitor")).get("id"))
                .containsExactlyInAnyOrder(rivals.get(1), rivals.get(2));
    }

    @Test
    void aMultiSelectLookupLinkToNoRecordIsTheRecordsErrorNamingTheField() {
        String deal = emulator().seed().insert("Deals", Map.of("Deal_Name", "Big", "Stage", "Qualification"));

        List<WriteResult> refused = results(send(crm("Deals?operation=update&failOnRecordError=false"), Map.of("id",
                deal, "Competitors", List.of(Map.of("Competitor", Map.of("id", "7255024000999999999"))))));

        assertThat(refused.get(0).isSuccess()).isFalse();
        assertThat(refused.get(0).getDetails()).containsEntry("api_name", "Competitors");
    }

    @Test
    void aRecordAndAPageWiderThanARequestAreReadInOneCompositeCallEach() {
        List<String> ids = emulator().seed().records("Contacts", 250, i -> Map.of("Last_Name", "Wide" + i,
                "Renewal_Date", "2027-01-0" + (1 + i % 9)));

        List<?> all = template.requestBody(crm("Contacts?operation=list"), null, List.class);
        Map<?, ?> one = template.requestBodyAndHeader(crm("Contacts?operation=get"), null,
                ZohoCrmConstants.RECORD_ID, ids.get(7), Map.class);

        assertThat(all).hasSize(250).allSatisfy(r -> assertThat(((Map<?, ?>) r).get("Renewal_Date")).isNotNull());
        assertThat(one.get("Last_Name")).isEqualTo("Wide7");
        assertThat(one.get("Renewal_Date")).isEqualTo("2027-01-08");
        // the module's fields once, then one call a page of 200 (two chunks of fields each) and one for the record
        assertThat(calls()).containsExactly("GET /settings/fields", "POST /__composite_requests",
                "POST /__composite_requests", "POST /__composite_requests");
        assertThat(emulator().observe().credits()).isEqualTo(4);
    }

    @Test
    void changeOwnerGivesTheRecordsAndTheirRelatedRecordsToAnotherUser() {
        String owner = emulator().seed().user("Grace Hopper", "grace@zylker.example");
        String account = emulator().seed().insert("Accounts", Map.of("Account_Name", "Engines Ltd"));
        String contact = emulator().seed().insert("Contacts", Map.of("Last_Name", "Babbage", "Account_Name",
                Map.of("id", account)));

        List<WriteResult> changed = results(send(crm("Accounts?operation=changeOwner&failOnRecordError=false"), Map.of("owner",
                Map.of("id", owner), "notify", true, "related_modules", List.of(Map.of("api_name", "Contacts"))),
                Map.of(ZohoCrmConstants.RECORD_IDS, List.of(account, "7255024000999999999"))));

        assertThat(changed).extracting(WriteResult::isSuccess).containsExactly(true, false);
        assertThat(record("Accounts", account).get("Owner").toString()).contains(owner);
        assertThat(record("Contacts", contact).get("Owner").toString()).contains(owner);
    }

    @Test
    void changeOwnerOfACustomViewRunsOneJobAndCountsWhatItChanged() {
        String owner = emulator().seed().user("Grace Hopper", "grace@zylker.example");
        emulator().seed().records("Leads", 7, i -> Map.of("Last_Name", "Lead" + i, "Company", i < 4 ? "Hot" : "Cold"));
        emulator().seed().view("Leads", "4000000009", "(Company:equals:Hot)");

        Exchange ex = send(crm("Leads?operation=changeOwner&cvid=4000000009"), Map.of("owner", Map.of("id", owner)));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(Map.class)).containsEntry("updated", 4L);
        assertThat(emulator().observe().records("Leads")).filteredOn(r -> r.get("Owner").toString().contains(owner))
                .hasSize(4);
    }

    @Test
    void aBlueprintListsTheTransitionsARecordCanTakeAndATransitionMovesIt() {
        emulator().seed().blueprintTransition("Deals", "Stage", "7255024000000400001", "Qualify", "Qualification",
                "Needs Analysis", "Amount");
        String deal = emulator().seed().insert("Deals", Map.of("Deal_Name", "Big", "Stage", "Qualification"));

        Map<?, ?> blueprint = template.requestBodyAndHeader(crm("Deals?operation=blueprint"), null,
                ZohoCrmConstants.RECORD_ID, deal, Map.class);
        List<WriteResult> moved = results(send(crm("Deals?operation=transition"), Map.of("transition_id",
                "7255024000000400001", "data", Map.of("Amount", 1200)), Map.of(ZohoCrmConstants.RECORD_ID, deal)));

        assertThat((List<?>) blueprint.get("transitions")).singleElement()
                .satisfies(t -> assertThat(((Map<?, ?>) t).get("name")).isEqualTo("Qualify"));
        assertThat(moved.get(0).isSuccess()).isTrue();
        assertThat(record("Deals", deal)).containsEntry("Stage", "Needs Analysis")
                .containsEntry("Amount", 1200);
    }

    @Test
    void aTransitionZohoRefusesIsAPerRecordErrorNamingTheMissingField() {
        emulator().seed().blueprintTransition("Deals", "Stage", "7255024000000400002", "Qualify", "Qualification",
                "Needs Analysis", "Amount");
        String deal = emulator().seed().insert("Deals", Map.of("Deal_Name", "Big", "Stage", "Qualification"));

        List<WriteResult> refused = results(send(crm("Deals?operation=transition&failOnRecordError=false"),
                Map.of("transition_id", "7255024000000400002"), Map.of(ZohoCrmConstants.RECORD_ID, deal)));
        Exchange failing = send(crm("Deals?operation=transition"), Map.of("transition_id", "7255024000000400002"),
                Map.of(ZohoCrmConstants.RECORD_ID, deal));

        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.isSuccess()).isFalse();
            assertThat(r.getDetails()).containsEntry("api_name", "Amount");
        });
        assertThat(failing.getException()).hasMessageContaining("Amount");
        assertThat(record("Deals", deal)).containsEntry("Stage", "Qualification");
    }

    @Test
    void theRecycleBinListsDeletedRecordsRestoresOneAndDeletesAnotherForGood() {
        List<String> ids = emulator().seed().records("Leads", 3, i -> Map.of("Last_Name", "Gone" + i));
        emulator().seed().delete("Leads", ids.get(0));
        emulator().seed().delete("Leads", ids.get(1));
        emulator().seed().insert("Contacts", Map.of("Last_Name", "Elsewhere"));

        List<?> bin = template.requestBody(crm("Leads?operation=recycleBin"), null, List.class);
        List<WriteResult> restored = results(send(crm("Leads?operation=restore"), List.of(ids.get(0))));
        List<WriteResult> purged = results(send(crm("Leads?operation=purge"), List.of(ids.get(1))));

        assertThat(bin).extracting(e -> (Object) ((Map<?, ?>) e).get("id")).containsExactlyInAnyOrder(ids.get(0),
                ids.get(1));
        assertThat(restored).singleElement().satisfies(r -> assertThat(r.isSuccess()).isTrue());
        assertThat(purged).singleElement().satisfies(r -> assertThat(r.isSuccess()).isTrue());
        assertThat(record("Leads", ids.get(0))).containsEntry("Last_Name", "Gone0");
        assertThat(template.requestBody(crm("Leads?operation=recycleBin"), null, List.class)).isEmpty();
    }

    @Test
    void aMailSentFromARecordReachesZohoWithItsAddressesNamed() {
        String contact = emulator().seed().insert("Contacts", Map.of("Last_Name", "Babbage"));

        List<WriteResult> sent = results(send(crm("Contacts?operation=sendMail"), Map.of(
                "from", Map.of("email", "admin@emulator.example"), "to", List.of(Map.of("email", "charles@example.com")),
                "subject", "Your engine", "content", "It is ready."), Map.of(ZohoCrmConstants.RECORD_ID, contact)));

        assertThat(sent.get(0).isSuccess()).isTrue();
        assertThat(sent.get(0).getDetails()).containsKey("message_id");
        assertThat(emulator().observe().mails()).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("record_id", contact).containsEntry("subject", "Your engine");
            assertThat(m.get("to").toString()).contains("user_name=charles@example.com");
        });
    }

    @Test
    void aMailWithoutSubjectOrTemplateIsRefusedBeforeAnyCall() {
        String contact = emulator().seed().insert("Contacts", Map.of("Last_Name", "Babbage"));

        Exchange ex = send(crm("Contacts?operation=sendMail"), Map.of("from", Map.of("email", "a@b.example"), "to",
                List.of(Map.of("email", "c@d.example"))), Map.of(ZohoCrmConstants.RECORD_ID, contact));

        assertThat(ex.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        assertThat(calls()).isEmpty();
    }

    @Test
    void aCompositeWhoseThirdRequestFailsRollsBackTheFirstTwo() {
        List<Map<String, Object>> subs = List.of(
                Map.of("sub_request_id", "account", "method", "POST", "uri", "/Accounts", "body",
                        Map.of("data", List.of(Map.of("Account_Name", "Engines Ltd")))),
                Map.of("sub_request_id", "contact", "method", "POST", "uri", "/Contacts", "body",
                        Map.of("data", List.of(Map.of("Last_Name", "Babbage", "Account_Name",
                                Map.of("id", "@{account:$.data[0].details.id}"))))),
                Map.of("sub_request_id", "deal", "method", "POST", "uri", "/Deals", "body",
                        Map.of("data", List.of(Map.of("Amount", 10)))));

        Exchange ex = send(crm("Accounts?operation=composite&rollbackOnFail=true&failOnRecordError=false"), subs);

        assertThat(ex.getException()).isNull();
        List<?> results = ex.getMessage().getBody(List.class);
        assertThat(results).extracting(r -> (Object) ((Map<?, ?>) r).get("status")).containsOnly("error");
        assertThat(results).extracting(r -> (Object) ((Map<?, ?>) r).get("code"))
                .containsExactly("ROLLBACK_PERFORMED", "ROLLBACK_PERFORMED", "SUCCESS");
        assertThat(emulator().observe().records("Accounts")).isEmpty();
        assertThat(emulator().observe().records("Contacts")).isEmpty();
        assertThat(calls()).containsExactly("POST /__composite_requests");
    }

    @Test
    void aCompositeWritesAParentAndItsChildInOneCallUsingTheParentsNewId() {
        List<Map<String, Object>> subs = new ArrayList<>();
        subs.add(Map.of("sub_request_id", "account", "method", "POST", "uri", "/Accounts", "body",
                Map.of("data", List.of(Map.of("Account_Name", "Engines Ltd")))));
        subs.add(Map.of("method", "POST", "uri", "/Contacts", "body", Map.of("data", List.of(Map.of("Last_Name",
                "Babbage", "Account_Name", Map.of("id", "@{account:$.data[0].details.id}"))))));

        List<?> results = template.requestBody(crm("Accounts?operation=composite&rollbackOnFail=true"), subs,
                List.class);

        assertThat(results).extracting(r -> (Object) ((Map<?, ?>) r).get("status")).containsOnly("success");
        String account = emulator().observe().records("Accounts").get(0).get("id").toString();
        assertThat(emulator().observe().records("Contacts")).singleElement()
                .satisfies(c -> assertThat(c.get("Account_Name").toString()).contains(account));
    }

    @Test
    void aCompositeThatFailsFailsTheExchangeNamingTheSubRequestUnlessFailOnRecordErrorIsOff() {
        List<Map<String, Object>> subs = List.of(Map.of("sub_request_id", "deal", "method", "POST", "uri", "/Deals",
                "body", Map.of("data", List.of(Map.of("Amount", 10)))));

        Exchange ex = send(crm("Deals?operation=composite"), subs);

        assertThat(ex.getException()).hasMessageContaining("sub-request deal").hasMessageContaining("1 of 1");
    }

    @Test
    void moreThanFiveSubRequestsAreRefusedBeforeAnyCall() {
        List<Map<String, Object>> subs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            subs.add(Map.of("method", "GET", "uri", "/Leads", "params", Map.of("fields", "Last_Name")));
        }

        Exchange ex = send(crm("Leads?operation=composite"), subs);

        assertThat(ex.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6");
        assertThat(calls()).isEmpty();
    }
}
