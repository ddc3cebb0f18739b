package io.github.camelbigin.examples;

import java.util.List;
import java.util.Map;

import io.github.camelbigin.zohocrm.ZohoCrmConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Zoho CRM beyond records, each action a route from a {@code direct:} endpoint: converting a lead, fixing a quote's
 * line items, handing records to another owner, moving a deal through its blueprint, restoring from the recycle bin,
 * writing an account and its contact in one composite call, and mailing from a record. The README shows this class's
 * routes; CrmActionRoutesTest runs each against the emulator's Zoho CRM.
 */
public class CrmActionRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // snippet-start (README: "Zoho CRM: `zohocrm:`")
        // a qualified lead becomes a Contact, an Account and a Deal; the result names their ids
        from("direct:convert-lead")
                .setHeader(ZohoCrmConstants.RECORD_ID, simple("${body[leadId]}"))
                .setBody(simple("${body[conversion]}")) // e.g. {"Deals": {"Deal_Name": …, "Stage": …}}
                .to("zohocrm:Leads?operation=convertLead")
                .setBody(simple("${body[0].details[deal_id]}"));

        // a quote's new line; the lines it does not name stay (subformRows=keep, the default)
        from("direct:add-quote-line")
                .to("zohocrm:Quotes?operation=update");

        // the records in CamelZohoCrmRecordIds, and the contacts that look them up, go to another user
        from("direct:reassign-accounts")
                .setBody(simple("{\"owner\": {\"id\": \"${header.newOwner}\"}, \"notify\": true,"
                                + " \"related_modules\": [{\"api_name\": \"Contacts\"}]}"))
                .to("zohocrm:Accounts?operation=changeOwner");

        // what a deal can do next in its blueprint, and the transition a process decided, with the fields it needs
        from("direct:deal-next-steps")
                .to("zohocrm:Deals?operation=blueprint");
        from("direct:qualify-deal")
                .to("zohocrm:Deals?operation=transition");

        // what is in the recycle bin; what was deleted by mistake comes back, the rest goes for good
        from("direct:leads-in-bin")
                .to("zohocrm:Leads?operation=recycleBin");
        from("direct:undelete-leads")
                .to("zohocrm:Leads?operation=restore");
        from("direct:purge-leads")
                .to("zohocrm:Leads?operation=purge");

        // an account and its contact in one call, all or nothing
        from("direct:account-with-contact")
                .process(e -> e.getIn().setBody(List.of(
                        Map.of("sub_request_id", "account", "method", "POST", "uri", "/Accounts",
                                "body", Map.of("data", List.of(Map.of("Account_Name", e.getIn().getHeader("company"))))),
                        Map.of("sub_request_id", "contact", "method", "POST", "uri", "/Contacts",
                                "body", Map.of("data", List.of(Map.of("Last_Name", e.getIn().getHeader("person"),
                                        "Account_Name", Map.of("id", "@{account:$.data[0].details.id}"))))))))
                .to("zohocrm:Accounts?operation=composite&rollbackOnFail=true");

        // the route's last step: a mail from the record, kept in its history in Zoho CRM
        from("direct:mail-contact")
                .to("zohocrm:Contacts?operation=sendMail");
    // snippet-end
    }
}
