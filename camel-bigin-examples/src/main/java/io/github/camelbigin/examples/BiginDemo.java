package io.github.camelbigin.examples;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelbigin.common.ZohoComponent;
import io.github.camelbigin.common.ZohoEndpoint;
import io.github.camelbigin.component.BiginComponent;
import io.github.camelbigin.zoho.http.ClientStats;
import io.github.camelbigin.zoho.records.WriteResult;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * The demo: a Camel Main application whose Java DSL routes ({@link DemoRoutes}) load the contacts of a CSV file in
 * batches, list them, search one by email, update and delete them, and print what each step cost in API calls.
 * <p>
 * Without credentials it starts the embedded emulator; with {@code BIGIN_CLIENT_ID}/{@code BIGIN_CLIENT_SECRET}/
 * {@code BIGIN_REFRESH_TOKEN} (or {@code BIGIN_ACCESS_TOKEN}, or {@code MATON_API_KEY}) it talks to real Bigin — and
 * deletes the contacts it created before it ends. With the argument {@code crm} the same routes run on
 * {@code zohocrm:} against Zoho CRM (variables {@code ZOHOCRM_…}), or its emulator.
 */
public final class BiginDemo {

    private final PrintStream out;
    private final Product product;
    private final Map<String, Long> callsPerStep = new LinkedHashMap<>();

    BiginDemo(PrintStream out) {
        this(out, Product.BIGIN);
    }

    BiginDemo(PrintStream out, Product product) {
        this.out = out;
        this.product = product;
    }

    /** No argument: Bigin; {@code crm}: Zoho CRM ({@code -Dexec.args=crm}). */
    public static void main(String[] args) throws Exception {
        int exit = new BiginDemo(System.out, Product.of(args)).run(System.getenv());
        System.exit(exit);
    }

    /** Runs the demo; returns 0 when every step worked. */
    int run(Map<String, String> env) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new DemoRoutes(product.scheme));
        ZohoComponent<?> component = product.newComponent();
        main.bind(product.scheme, component);
        try (BiginConnection connection = BiginConnection.configure(component, env, product)) {
            out.println("camel-bigin demo: talking to " + connection.description());
            main.start();
            try {
                return steps(main.getCamelContext(), connection);
            } finally {
                main.stop();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private int steps(CamelContext context, BiginConnection connection) throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        ClientStats stats = context.getEndpoint(product.scheme + ":Contacts?operation=create", ZohoEndpoint.class)
                .getClientStats();

        // 1. load the CSV: 25 contacts, one create call per 100
        List<WriteResult> created;
        try (InputStream csv = BiginDemo.class.getResourceAsStream("/contacts.csv")) {
            created = step(stats, "load CSV (create)", () -> template.requestBody("direct:load-csv", csv, List.class));
        }
        List<String> ids = created.stream().map(WriteResult::getId).collect(Collectors.toList());
        out.printf("  created %d contacts from contacts.csv%n", ids.size());
        try {
            // 2. list the newest contacts
            List<Map<String, Object>> listed = step(stats, "list",
                    () -> template.requestBody("direct:list", null, List.class));
            long ours = listed.stream().filter(r -> ids.contains(String.valueOf(r.get("id")))).count();
            out.printf("  listed %d contacts, %d of them from the CSV%n", listed.size(), ours);

            // 3. search one by email (real Bigin indexes new records for search after a few seconds)
            String email = "grace.hopper@camel-bigin-demo.example";
            List<Map<String, Object>> found = step(stats, "search by email", () -> {
                List<Map<String, Object>> result = List.of();
                for (int attempt = 0; attempt < (connection.isEmulated() ? 1 : 10) && result.isEmpty(); attempt++) {
                    if (attempt > 0) {
                        Thread.sleep(3000);
                    }
                    result = template.requestBodyAndHeader("direct:search-by-email", null, product.header("Email"),
                            email, List.class);
                }
                return result;
            });
            out.printf("  search for %s found %s%n", email,
                    found.stream().map(r -> r.get("First_Name") + " " + r.get("Last_Name")).collect(Collectors.toList()));

            // 4. update: give every created contact a new title, in one call
            List<Map<String, Object>> changes = new ArrayList<>();
            for (String id : ids) {
                changes.add(Map.of("id", id, "Title", "Camel rider"));
            }
            List<WriteResult> updated = step(stats, "update", () -> template.requestBody("direct:update", changes, List.class));
            out.printf("  updated %d contacts%n", updated.stream().filter(WriteResult::isSuccess).count());
        } finally {
            // 5. delete what the demo created, even when a step failed
            List<WriteResult> deleted = step(stats, "delete", () -> template.requestBody("direct:delete", ids, List.class));
            out.printf("  deleted %d contacts%n", deleted.stream().filter(WriteResult::isSuccess).count());
        }

        out.println();
        out.println("  step                 API calls");
        callsPerStep.forEach((step, calls) -> out.printf("  %-20s %9d%n", step, calls));
        out.printf("  %-20s %9d   (%d credits by %s's table; a one-record-per-call integration spends %d calls)%n",
                "total", stats.getApiCalls(), stats.getCredits(), product.name, 3 * ids.size() + 2);
        if (connection.isEmulated()) {
            out.printf("  the emulator counted %d API calls%n", connection.emulator().observe().apiCalls());
        }
        return 0;
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T step(ClientStats stats, String name, Step<T> step) throws Exception {
        long before = stats.getApiCalls();
        try {
            return step.run();
        } finally {
            callsPerStep.put(name, stats.getApiCalls() - before);
        }
    }
}
