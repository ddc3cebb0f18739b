package io.github.camelbigin.quarkus;

import org.apache.camel.builder.RouteBuilder;

/**
 * A Camel Quarkus application's routes (Camel Quarkus finds a RouteBuilder by itself): bigin producers and a zohocrm
 * one, a polling consumer, and a push-mode consumer whose callbacks Quarkus' own HTTP server receives (platform-http).
 * The components are configured in application.properties ({@code camel.component.bigin.*},
 * {@code camel.component.zohocrm.*}).
 */
public class BiginRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // a contact in, a Bigin contact out: the body's fields, the per-record result back
        from("direct:new-contact").routeId("new-contact")
                .to("bigin:Contacts?operation=create");

        // new and changed contacts, a poll every bigin.delay milliseconds
        from("bigin:Contacts?events=created,updated&fields=Last_Name,Email&initialPosition=now"
             + "&delay={{bigin.delay:60000}}").routeId("contacts-feed")
                .to("seda:contacts");

        // a lead into Zoho CRM: the zohocrm component of the same family, configured as camel.component.zohocrm.*
        from("direct:new-lead").routeId("new-lead")
                .to("zohocrm:Leads?operation=create");

        // new pipelines as soon as Bigin calls back at bigin.notify-url (this application's /bigin/pipelines)
        from("bigin:Pipelines?events=created&fields=Pipeline_Name&notifications=true"
             + "&notifyUrl={{bigin.notify-url}}").routeId("pipelines-push")
                .to("seda:pipelines");
    }
}
