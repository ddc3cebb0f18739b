package io.github.camelbigin.examples;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.github.camelbigin.component.BiginConstants;
import io.github.camelbigin.zoho.records.WriteResult;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;

/**
 * Bigin ⇄ a SQL database, both ways:
 * <ul>
 * <li><b>bigin-to-db</b>: when a contact is created or updated in Bigin and has an email, look the email up in the
 * database; update the match, or create the row.</li>
 * <li><b>csv-to-bigin</b>: a CSV file dropped into the inbox folder is upserted into Bigin (matched on Email), 100
 * records a call; the file then moves to {@code .done} (or {@code .failed}).</li>
 * </ul>
 * Needs a {@code crm} DataSource and a {@code syncState} StateRepository in the registry, and the properties
 * {@code sync.delay} and {@code sync.inbox}.
 */
public class SyncRoutes extends RouteBuilder {

    /** Where the sync's own INFO lines go: one per contact synced, so a newcomer sees it work. */
    static final String LOG = "io.github.camelbigin.examples.sync";

    @Override
    public void configure() {
        from("bigin:Contacts?events=created,updated&fields=First_Name,Last_Name,Email,Phone"
             + "&stateRepository=#syncState&delay={{sync.delay}}&initialPosition={{sync.initialPosition:now}}")
                .routeId("bigin-to-db")
                // a contact the database refuses is parked, not a stop: it goes to the dead letter once, handled,
                // and the feed moves on; a passing failure is retried first
                .errorHandler(deadLetterChannel("{{sync.deadLetter:log:" + LOG + ".parked?level=WARN&showHeaders=true}}")
                        .maximumRedeliveries(2).redeliveryDelay(Long.parseLong(getContext().resolvePropertyPlaceholders(
                                "{{sync.redeliveryDelay:1000}}"))).useOriginalMessage()
                        .logExhaustedMessageHistory(false))
                .filter(simple("${body[Email]} != null && ${body[Email]} != ''"))
                    .to("sql:select id from crm_contact where lower(email) = lower(:#Email)"
                        + "?dataSource=#crm&outputType=SelectOne&outputHeader=crmId")
                    .choice()
                        .when(header("crmId").isNotNull())
                            .to("sql:update crm_contact set first_name = :#First_Name, last_name = :#Last_Name,"
                                + " phone = :#Phone, bigin_id = :#id, updated_at = CURRENT_TIMESTAMP"
                                + " where id = :#crmId?dataSource=#crm")
                            .log(LoggingLevel.INFO, LOG, "Bigin ${header." + BiginConstants.EVENT_TYPE + "} ${body[Email]}:"
                                 + " updated crm row ${header.crmId}")
                        .otherwise()
                            .to("sql:insert into crm_contact (email, first_name, last_name, phone, bigin_id, updated_at)"
                                + " values (:#Email, :#First_Name, :#Last_Name, :#Phone, :#id, CURRENT_TIMESTAMP)"
                                + "?dataSource=#crm")
                            .log(LoggingLevel.INFO, LOG, "Bigin ${header." + BiginConstants.EVENT_TYPE + "} ${body[Email]}:"
                                 + " created a crm row")
                    .end()
                .end();

        AggregationStrategy allResults = AggregationStrategies.flexible().accumulateInCollection(ArrayList.class);
        from("file:{{sync.inbox}}?include=.*\\.csv&move=.done/${file:name}&moveFailed=.failed/${file:name}"
             + "&readLock=changed&readLockCheckInterval=200&readLockMinAge=200")
                .routeId("csv-to-bigin")
                .process(e -> e.getMessage().setBody(CsvContacts.read(e.getMessage().getBody(InputStream.class))))
                .split(simple("${collate(100)}"), allResults)
                    .to("bigin:Contacts?operation=upsert&duplicateCheckFields=Email")
                .end()
                .process(e -> {
                    int inserted = 0;
                    int updated = 0;
                    for (Object batch : e.getMessage().getBody(List.class)) {
                        for (Object r : (List<?>) batch) {
                            if ("insert".equals(((WriteResult) r).getAction())) {
                                inserted++;
                            } else {
                                updated++;
                            }
                        }
                    }
                    e.getMessage().setHeader("inserted", inserted);
                    e.getMessage().setHeader("updated", updated);
                })
                .log(LoggingLevel.INFO, LOG, "${header.CamelFileName}: ${header.inserted} contacts created and"
                                             + " ${header.updated} updated in Bigin");
    }
}
