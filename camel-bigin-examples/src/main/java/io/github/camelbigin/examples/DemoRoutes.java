package io.github.camelbigin.examples;

import java.util.ArrayList;
import java.util.List;

import io.github.camelbigin.zoho.records.WriteResult;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's routes, in the Java DSL: load a CSV in batches, list, search, update and delete contacts — on Bigin or,
 * the same routes with another scheme, on Zoho CRM.
 */
public class DemoRoutes extends RouteBuilder {

    private final String scheme;

    /** The routes on {@code bigin:}. */
    public DemoRoutes() {
        this("bigin");
    }

    /** The routes on the component of this scheme: {@code bigin} or {@code zohocrm}. */
    public DemoRoutes(String scheme) {
        this.scheme = scheme;
    }

    @Override
    public void configure() {
        // CSV rows → records → groups of 100 → one create call per group; the results of all groups come back
        AggregationStrategy allResults = AggregationStrategies.flexible().accumulateInCollection(ArrayList.class);
        from("direct:load-csv").routeId("load-csv")
                .process(e -> e.getMessage().setBody(CsvContacts.read(e.getMessage().getBody(java.io.InputStream.class))))
                .split(simple("${collate(100)}"), allResults)
                    .to(scheme + ":Contacts?operation=create")
                .end()
                .process(e -> {
                    List<WriteResult> flat = new ArrayList<>();
                    for (Object batch : e.getMessage().getBody(List.class)) {
                        for (Object r : (List<?>) batch) {
                            flat.add((WriteResult) r);
                        }
                    }
                    e.getMessage().setBody(flat);
                });

        from("direct:list").routeId("list")
                .to(scheme + ":Contacts?operation=list&fields=First_Name,Last_Name,Email,Title"
                    + "&sortBy=Created_Time&sortOrder=desc&maxRecords=200");

        from("direct:search-by-email").routeId("search-by-email")
                .to(scheme + ":Contacts?operation=search&fields=First_Name,Last_Name,Email");

        from("direct:update").routeId("update")
                .to(scheme + ":Contacts?operation=update");

        from("direct:delete").routeId("delete")
                .to(scheme + ":Contacts?operation=delete");
    }
}
