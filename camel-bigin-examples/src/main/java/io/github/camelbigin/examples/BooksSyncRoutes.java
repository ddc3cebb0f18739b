package io.github.camelbigin.examples;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbigin.component.BiginConstants;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The seed's Bigin → Zoho Books sync, done as the seed does it: a contact created or updated in Bigin with an email is
 * looked up in Books by that email ({@code GET /books/v3/contacts?search_text=…&organization_id=…}), updated there
 * when found ({@code PUT /books/v3/contacts/{id}}) and created otherwise ({@code POST /books/v3/contacts}), the contact
 * as the form field {@code JSONString}. Bigin through {@code bigin:}; Books through camel-http with the same
 * connection's token ({@code operation=authorize}) — no hand-written OAuth. Needs {@code books.organizationId} (and
 * the refresh token's Books scope, ZohoBooks.fullaccess.ALL or ZohoBooks.contacts.ALL).
 */
public class BooksSyncRoutes extends RouteBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the sync's own INFO lines go: one per contact synced, so a newcomer sees it work. */
    static final String LOG = "io.github.camelbigin.examples.books";

    @Override
    public void configure() {
        // a contact Books refuses (a duplicate name, a bad field) is parked, not a stop: it goes to the dead letter
        // once, handled, and the feed moves on to the next contact; a passing failure is retried first
        errorHandler(deadLetterChannel("{{books.deadLetter:log:" + LOG + ".parked?level=WARN&showHeaders=true}}")
                .maximumRedeliveries(2).redeliveryDelay(Long.parseLong(getContext()
                        .resolvePropertyPlaceholders("{{books.redeliveryDelay:1000}}"))).useOriginalMessage()
                .logExhaustedMessageHistory(false));

        from("bigin:Contacts?events=created,updated&fields=First_Name,Last_Name,Email,Phone,Mobile"
             + "&stateKey=bigin-to-books&delay={{books.delay:60000}}&initialPosition={{books.initialPosition:now}}")
                .routeId("bigin-to-books")
                .filter(simple("${body[Email]} != null && ${body[Email]} != ''"))
                    .log(LoggingLevel.INFO, LOG, "Bigin ${header." + BiginConstants.EVENT_TYPE + "} contact"
                         + " ${header." + BiginConstants.RECORD_ID + "} (${body[Email]}): looking it up in Books")
                    .setProperty("contact", body())
                    .to("bigin:Contacts?operation=authorize") // Authorization and CamelBiginApiDomain
                    .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                    .process(e -> e.getIn().setHeader(Exchange.HTTP_QUERY, "organization_id="
                            + encode(e.getContext().resolvePropertyPlaceholders("{{books.organizationId}}"))
                            + "&search_text=" + encode(contact(e).get("Email"))))
                    .setBody(constant(null))
                    .toD("${header." + BiginConstants.API_DOMAIN + "}/books/v3/contacts")
                    .process(BooksSyncRoutes::matchAndForm)
                    .choice()
                        .when(header("booksContactId").isNotNull())
                            .setHeader(Exchange.HTTP_METHOD, constant("PUT"))
                            .toD("${header." + BiginConstants.API_DOMAIN + "}/books/v3/contacts/${header.booksContactId}")
                            .log(LoggingLevel.INFO, LOG, "Bigin ${header." + BiginConstants.EVENT_TYPE + "}"
                                 + " ${exchangeProperty.contact[Email]}: updated Books contact ${header.booksContactId}")
                        .otherwise()
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .toD("${header." + BiginConstants.API_DOMAIN + "}/books/v3/contacts")
                            .log(LoggingLevel.INFO, LOG, "Bigin ${header." + BiginConstants.EVENT_TYPE + "}"
                                 + " ${exchangeProperty.contact[Email]}: created a Books contact")
                    .end()
                .end();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contact(Exchange e) {
        return e.getProperty("contact", Map.class);
    }

    /** Finds the Books contact with the same email, and writes the Books contact as the form field JSONString. */
    private static void matchAndForm(Exchange e) throws Exception {
        Map<String, Object> contact = contact(e);
        String email = String.valueOf(contact.get("Email"));
        JsonNode answer = JSON.readTree(e.getIn().getBody(String.class));
        e.getIn().removeHeader("booksContactId");
        for (JsonNode c : answer.path("contacts")) {
            if (email.equalsIgnoreCase(c.path("email").asText())) {
                e.getIn().setHeader("booksContactId", c.path("contact_id").asText());
                break;
            }
        }
        String name = (contact.get("First_Name") == null ? "" : contact.get("First_Name") + " ") + contact.get("Last_Name");
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("last_name", contact.get("Last_Name"));
        person.put("first_name", contact.get("First_Name"));
        person.put("email", email);
        person.put("phone", contact.get("Phone"));
        person.put("mobile", contact.get("Mobile"));
        person.put("is_primary_contact", true);
        Map<String, Object> books = new LinkedHashMap<>();
        books.put("contact_name", name);
        books.put("email", email);
        books.put("phone", contact.get("Phone"));
        books.put("mobile", contact.get("Mobile"));
        books.put("contact_persons", List.of(person));
        e.getIn().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
        e.getIn().setHeader(Exchange.HTTP_QUERY, "organization_id="
                + encode(e.getContext().resolvePropertyPlaceholders("{{books.organizationId}}")));
        e.getIn().setBody("JSONString=" + encode(JSON.writeValueAsString(books)));
    }

    private static String encode(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }
}
