package io.github.camelbigin.examples.springboot;

import io.github.camelbigin.component.BiginConstants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Routes of the Spring Boot example; credentials and options come from the component's configuration. */
@Component
public class ContactRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("bigin:Contacts?events=created,updated&delay={{bigin.poll.delay:60000}}").routeId("sb-contact-changes")
                .log("${header." + BiginConstants.EVENT_TYPE + "} contact ${header." + BiginConstants.RECORD_ID
                     + "}: ${body[Last_Name]}")
                .to("{{bigin.changes.sink:log:bigin-changes}}");

        from("direct:create-contact").routeId("sb-create-contact")
                .to("bigin:Contacts?operation=create")
                .setBody(header(BiginConstants.RECORD_ID));
    }
}
