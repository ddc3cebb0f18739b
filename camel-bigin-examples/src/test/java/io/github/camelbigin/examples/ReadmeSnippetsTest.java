package io.github.camelbigin.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelbigin.common.testing.LocalPlatformHttp;
import io.github.camelbigin.component.BiginComponent;
import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every YAML route the README shows loads, starts and runs against the emulator. */
class ReadmeSnippetsTest {

    static List<String> blocks(String language) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> snippets = new ArrayList<>();
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            snippets.add(m.group(1));
        }
        return snippets;
    }

    /** The blocks of one language in the README section that starts with {@code heading}. */
    static List<String> blocks(String heading, String language) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("\n" + heading + "\n");
        int end = readme.indexOf("\n## ", start + heading.length() + 2);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> snippets = new ArrayList<>();
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (m.find()) {
            snippets.add(m.group(1));
        }
        return snippets;
    }

    /**
     * The code between {@code // snippet-start} and {@code // snippet-end} of an example's source, one level of
     * indentation less: what the README shows of it.
     */
    static String javaSnippet(String exampleClass) throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/github/camelbigin/examples/" + exampleClass
                                                 + ".java"));
        String snippet = source.substring(source.indexOf('\n', source.indexOf("// snippet-start")) + 1,
                source.indexOf("    // snippet-end"));
        return snippet.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    /**
     * Route snippets; Pipes are Camel K resources, checked against the tested files by CamelKDocsTest, and the "Your
     * own project" files (with beans) are run by OwnProjectSnippetsTest in a project folder of their own.
     */
    static List<String> yamlSnippets() throws Exception {
        List<String> routes = new ArrayList<>();
        for (String s : blocks("yaml")) {
            if (!s.contains("kind: Pipe") && !s.contains("- beans:")) {
                routes.add(s);
            }
        }
        return routes;
    }

    @Test
    void theSpringBootPropertiesShownAreTheExampleApplicationsOwn() throws Exception {
        String own = Files.readString(Path.of("src", "main", "resources", "config", "application.properties"));

        assertThat(blocks("properties")).contains(own);
    }

    @Test
    void theHealthJmxAndConsolePropertiesShownTurnThemOn() throws Exception {
        String shown = blocks("properties").stream().filter(b -> b.contains("camel.health.enabled")).findFirst()
                .orElseThrow();
        try (BiginEmulator emulator = new BiginEmulator().start()) {
            org.apache.camel.main.Main main = new org.apache.camel.main.Main();
            main.setDefaultPropertyPlaceholderLocation("false");
            for (String line : shown.split("\\n")) {
                if (line.contains("=")) {
                    main.addInitialProperty(line.substring(0, line.indexOf('=')).trim(),
                            line.substring(line.indexOf('=') + 1).trim());
                }
            }
            main.addInitialProperty("camel.component.bigin.access-token", BiginEmulator.ACCESS_TOKEN);
            main.addInitialProperty("camel.component.bigin.api-url", emulator.apiUrl());
            main.configure().addRoutesBuilder(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:org").to("bigin:Contacts?operation=org");
                }
            });
            main.start();
            try {
                CamelContext context = main.getCamelContext();
                context.createProducerTemplate().requestBody("direct:org", (Object) null);

                // "full": one result per check (the default exposure level folds UP checks into one)
                assertThat(org.apache.camel.health.HealthCheckHelper.invokeReadiness(context, "full"))
                        .filteredOn(r -> r.getCheck().getId().startsWith("bigin-Contacts-")).singleElement()
                        .extracting(r -> r.getState()).isEqualTo(org.apache.camel.health.HealthCheck.State.UP);
                assertThat(context.getManagementStrategy().getManagementAgent()).isNotNull();
                assertThat(PluginHelper.getDevConsoleResolver(context).resolveDevConsole("bigin")).isNotNull();
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void everyYamlRouteInTheReadmeLoadsAndStarts() throws Exception {
        List<String> snippets = yamlSnippets();
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(9);
        try (BiginEmulator emulator = new BiginEmulator().start(); BiginEmulator crm = BiginEmulator.crm().start()) {
            emulator.seed().contacts(3);
            crm.seed().records("Leads", 3, n -> java.util.Map.of("Last_Name", "Lead" + n, "Lead_Status",
                    n == 0 ? "New" : "Contacted", "External_Lead_ID", "erp-" + n));
            for (int i = 0; i < snippets.size(); i++) {
                CamelContext context = new DefaultCamelContext();
                // the push-mode route: its callbacks come to 127.0.0.1 through platform-http, served by Vert.x
                int port = LocalPlatformHttp.freePort();
                LocalPlatformHttp.addTo(context, port);
                context.getPropertiesComponent().addInitialProperty("bigin.notify-url",
                        "http://127.0.0.1:" + port + "/bigin/contacts");
                BiginComponent bigin = new BiginComponent();
                boolean maton = snippets.get(i).contains("Connections");
                if (maton) { // the Maton connection operations: the component has a Maton key, as their text says
                    emulator.seed().matonKey("readme-maton-key");
                    bigin.getConfiguration().setApiKey("readme-maton-key");
                    bigin.getConfiguration().setApiUrl(emulator.matonApiUrl());
                    bigin.getConfiguration().setMatonControlUrl(emulator.matonControlUrl());
                } else {
                    bigin.getConfiguration().setAccessToken(BiginEmulator.ACCESS_TOKEN);
                    bigin.getConfiguration().setApiUrl(emulator.apiUrl());
                }
                context.addComponent("bigin", bigin);
                io.github.camelbigin.zohocrm.ZohoCrmComponent zohocrm = new io.github.camelbigin.zohocrm.ZohoCrmComponent();
                zohocrm.getConfiguration().setAccessToken(BiginEmulator.ACCESS_TOKEN);
                zohocrm.getConfiguration().setApiUrl(crm.apiUrl());
                context.addComponent("zohocrm", zohocrm);
                // the named-connection route: sales-eu is the emulator, as properties or a bean would define it
                io.github.camelbigin.component.BiginConnection salesEu = new io.github.camelbigin.component.BiginConnection();
                salesEu.setAccessToken(BiginEmulator.ACCESS_TOKEN);
                salesEu.setApiUrl(emulator.apiUrl());
                bigin.getConnections().put("sales-eu", salesEu);
                PluginHelper.getRoutesLoader(context)
                        .loadRoutes(ResourceHelper.fromString("readme-" + i + ".camel.yaml", snippets.get(i)));
                context.start();
                try {
                    assertThat(context.getRoutes()).as("snippet %d:%n%s", i, snippets.get(i)).isNotEmpty();
                    String from = context.getRoutes().get(0).getEndpoint().getEndpointUri();
                    if (maton) {
                        assertThat(context.createProducerTemplate().requestBody(from, null, java.util.List.class))
                                .isEmpty();
                    } else if (from.equals("direct://new-contact")) {
                        context.createProducerTemplate().requestBody("direct:new-contact",
                                "{\"Last_Name\":\"FromReadme\"}");
                        assertThat(emulator.observe().records("Contacts")).anyMatch(r -> "FromReadme".equals(r.get("Last_Name")));
                    } else if (snippets.get(i).contains("notifications: true")) {
                        String id = emulator.seed().insert("Contacts", java.util.Map.of("Last_Name", "Pushed"));
                        long deadline = System.nanoTime() + 10_000_000_000L;
                        while (emulator.observe().callbacks().stream().noneMatch(c -> c.ids().contains(id) && c.status() == 200)
                               && System.nanoTime() < deadline) {
                            Thread.sleep(20);
                        }
                        assertThat(emulator.observe().callbacks()).as("the route received Bigin's callback")
                                .anyMatch(c -> c.ids().contains(id) && c.status() == 200);
                    } else if (from.equals("direct://count-contacted")) {
                        assertThat(context.createProducerTemplate().requestBody("direct:count-contacted", null,
                                Long.class)).isEqualTo(2);
                        assertThat(context.createProducerTemplate().requestBody("direct:lead-by-erp-id", "erp-1",
                                java.util.Map.class).get("Last_Name")).isEqualTo("Lead1");
                    } else if (from.equals("direct://convert-lead")) {
                        String lead = crm.seed().insert("Leads", java.util.Map.of("Last_Name", "Converted",
                                "Company", "Readme Ltd"));
                        List<?> converted = context.createProducerTemplate().requestBodyAndHeader(
                                "direct:convert-lead", java.util.Map.of("Deals", java.util.Map.of("Deal_Name",
                                        "Readme deal", "Stage", "Qualification")), "CamelZohoCrmRecordId", lead,
                                List.class);
                        assertThat(((io.github.camelbigin.zoho.records.WriteResult) converted.get(0)).getDetails())
                                .containsKeys("contact_id", "account_id", "deal_id");
                        List<?> composite = context.createProducerTemplate().requestBody(
                                "direct:account-with-contact", List.of(java.util.Map.of("method", "POST", "uri",
                                        "/Accounts", "body", java.util.Map.of("data", List.of(java.util.Map.of(
                                                "Account_Name", "Composite Ltd"))))), List.class);
                        assertThat(composite).singleElement().satisfies(r -> assertThat(((java.util.Map<?, ?>) r)
                                .get("status")).isEqualTo("success"));
                        String gone = crm.seed().insert("Leads", java.util.Map.of("Last_Name", "Undeleted"));
                        crm.seed().delete("Leads", gone);
                        context.createProducerTemplate().requestBody("direct:undelete-leads", List.of(gone));
                        assertThat(crm.observe().record("Leads", gone)).isPresent();
                        crmActions(context.createProducerTemplate(), crm);
                    } else if (from.equals("direct://find")) {
                        List<?> found = context.createProducerTemplate().requestBody("direct:find",
                                "contact1@example.com", List.class);
                        assertThat(found).hasSize(1);
                    }
                } finally {
                    context.stop();
                }
            }
        }
    }

    /** The README's YAML routes of Zoho CRM's actions beyond records, each run once with what Zoho then holds checked. */
    private static void crmActions(org.apache.camel.ProducerTemplate t, BiginEmulator crm) {
        String quote = crm.seed().insert("Quotes", java.util.Map.of("Subject", "Gears", "Quoted_Items",
                List.of(java.util.Map.of("Quantity", 1))));
        t.requestBody("direct:add-quote-line", java.util.Map.of("id", quote, "Quoted_Items",
                List.of(java.util.Map.of("Quantity", 2))));
        assertThat((List<?>) crm.observe().record("Quotes", quote).orElseThrow().get("Quoted_Items")).hasSize(2);

        String owner = crm.seed().user("Readme Owner", "owner@readme.example");
        String account = crm.seed().insert("Accounts", java.util.Map.of("Account_Name", "Readme Accounts"));
        t.requestBodyAndHeader("direct:reassign-accounts", java.util.Map.of("owner", java.util.Map.of("id", owner)),
                "CamelZohoCrmRecordIds", List.of(account));
        assertThat(crm.observe().record("Accounts", account).orElseThrow().get("Owner").toString()).contains(owner);

        crm.seed().blueprintTransition("Deals", "Stage", "7255024000000409001", "Qualify", "Qualification",
                "Needs Analysis");
        String deal = crm.seed().insert("Deals", java.util.Map.of("Deal_Name", "Readme", "Stage", "Qualification"));
        java.util.Map<?, ?> blueprint = t.requestBodyAndHeader("direct:deal-next-steps", null, "CamelZohoCrmRecordId",
                deal, java.util.Map.class);
        assertThat((List<?>) blueprint.get("transitions")).hasSize(1);
        t.requestBodyAndHeader("direct:qualify-deal", java.util.Map.of("transition_id", "7255024000000409001"),
                "CamelZohoCrmRecordId", deal);
        assertThat(crm.observe().record("Deals", deal).orElseThrow()).containsEntry("Stage", "Needs Analysis");

        String gone = crm.seed().insert("Leads", java.util.Map.of("Last_Name", "Purged"));
        crm.seed().delete("Leads", gone);
        assertThat(t.requestBody("direct:leads-in-bin", null, List.class)).isNotEmpty();
        t.requestBody("direct:purge-leads", List.of(gone));
        assertThat(crm.observe().record("Leads", gone)).isEmpty();

        String contact = crm.seed().insert("Contacts", java.util.Map.of("Last_Name", "Mailed"));
        t.requestBodyAndHeader("direct:mail-contact", java.util.Map.of("from", java.util.Map.of("email",
                "admin@emulator.example"), "to", List.of(java.util.Map.of("email", "reader@example.com")), "subject",
                "From the README", "content", "Hello"), "CamelZohoCrmRecordId", contact);
        assertThat(crm.observe().mails()).anyMatch(m -> "From the README".equals(m.get("subject")));
    }
}
