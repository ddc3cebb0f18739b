package io.github.camelbigin.examples.springboot;

import io.github.camelbigin.component.BiginConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Routes of the Spring Boot example; credentials and options come from the component's configuration. With
 * {@code bigin.notify-url} set (the public URL of this application's {@code /bigin/contacts}), the changes come by
 * push: Bigin's callbacks arrive through platform-http on Spring MVC, with a poll every 15 minutes as the safety net.
 * Without it the route polls every {@code bigin.poll.delay} ms.
 */
@Component
public class ContactRoutes extends RouteBuilder {

    /** Where the example's INFO lines go: one per change, so a newcomer sees it work. */
    static final String LOG = "io.github.camelbigin.examples.springboot";

    @Override
    public void configure() {
        boolean push = getContext().getPropertiesComponent().resolveProperty("bigin.notify-url")
                .filter(url -> !url.isBlank()).isPresent();
        String changes = push
                ? "bigin:Contacts?events=created,updated,deleted&notifications=true&notifyUrl=RAW({{bigin.notify-url}})"
                : "bigin:Contacts?events=created,updated,deleted&delay={{bigin.poll.delay:60000}}";
        from(changes).routeId("sb-contact-changes")
                .log(LoggingLevel.INFO, LOG, "${header." + BiginConstants.EVENT_TYPE + "} contact ${header."
                                             + BiginConstants.RECORD_ID + "} (${header." + BiginConstants.TRIGGER + "})")
                .to("{{bigin.changes.sink:log:bigin-changes}}");

        from("direct:create-contact").routeId("sb-create-contact")
                .to("bigin:Contacts?operation=create")
                .setBody(header(BiginConstants.RECORD_ID));
    }
}
