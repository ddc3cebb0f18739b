package io.github.camelbigin.kamelets;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.camelbigin.common.consumer.ZohoConsumer;
import io.github.camelbigin.common.testing.LocalPlatformHttp;
import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The three Kamelets, in YAML routes and in the Pipe and Integration resources docs/camel-k shows, on the emulator. */
class KameletsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private BiginEmulator emulator;
    private BiginEmulator crm;
    private CamelContext context;

    @BeforeEach
    void start() {
        emulator = new BiginEmulator().start();
        crm = BiginEmulator.crm().start();
        context = new DefaultCamelContext();
        // what a Camel K Secret holds: each Kamelet's credentials (here the emulators' OAuth client)
        for (String kamelet : List.of("bigin-source", "bigin-sink", "bigin-search-action", "zohocrm-source",
                "zohocrm-sink")) {
            BiginEmulator server = kamelet.startsWith("zohocrm") ? crm : emulator;
            String prefix = "camel.kamelet." + kamelet + ".";
            context.getPropertiesComponent().addInitialProperty(prefix + "clientId", BiginEmulator.CLIENT_ID);
            context.getPropertiesComponent().addInitialProperty(prefix + "clientSecret", BiginEmulator.CLIENT_SECRET);
            context.getPropertiesComponent().addInitialProperty(prefix + "refreshToken", BiginEmulator.REFRESH_TOKEN);
            context.getPropertiesComponent().addInitialProperty(prefix + "accountsUrl", server.accountsUrl());
            context.getPropertiesComponent().addInitialProperty(prefix + "apiUrl", server.apiUrl());
        }
    }

    @AfterEach
    void stop() {
        context.stop();
        emulator.stop();
        crm.stop();
    }

    private void load(String name, String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(name, yaml));
    }

    /**
     * Waits until every bigin consumer has taken its starting point: with initialPosition=now, a record written
     * before that is not new.
     */
    private void awaitConsumersStarted() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!consumersStarted() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(consumersStarted()).as("the bigin consumers took their starting point").isTrue();
    }

    private boolean consumersStarted() {
        List<ZohoConsumer> consumers = context.getRoutes().stream().map(r -> r.getConsumer())
                .filter(ZohoConsumer.class::isInstance).map(ZohoConsumer.class::cast).toList();
        return !consumers.isEmpty() && consumers.stream().allMatch(c -> c.getState() != null);
    }

    @Test
    void bigInSourceEmitsNewRecordsAsJson() throws Exception {
        load("source.camel.yaml", """
                - route:
                    from:
                      uri: kamelet:bigin-source
                      parameters:
                        module: Contacts
                        events: created
                        delay: 100
                      steps:
                        - to: mock:records
                """);
        MockEndpoint records = context.getEndpoint("mock:records", MockEndpoint.class);
        records.expectedMessageCount(2);
        context.start();
        awaitConsumersStarted();

        emulator.seed().contacts(2);

        records.assertIsSatisfied(10_000);
        JsonNode first = new ObjectMapper().readTree(records.getExchanges().get(0).getIn().getBody(String.class));
        assertThat(first.get("Last_Name").asText()).isEqualTo("Number0");
        assertThat(records.getExchanges().get(0).getIn().getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(records.getExchanges().get(0).getIn().getHeader("CamelBiginEventType")).isEqualTo("created");
    }

    @Test
    void zohocrmSourceEmitsNewLeadsAsJsonWithZohoCrmHeaders() throws Exception {
        load("crm-source.camel.yaml", """
                - route:
                    from:
                      uri: kamelet:zohocrm-source
                      parameters:
                        module: Leads
                        events: created
                        delay: 100
                      steps:
                        - to: mock:leads
                """);
        MockEndpoint leads = context.getEndpoint("mock:leads", MockEndpoint.class);
        leads.expectedMessageCount(1);
        context.start();
        awaitConsumersStarted();

        crm.seed().insert("Leads", Map.of("Last_Name", "Lovelace", "Company", "Engines"));

        leads.assertIsSatisfied(10_000);
        JsonNode lead = new ObjectMapper().readTree(leads.getExchanges().get(0).getIn().getBody(String.class));
        assertThat(lead.get("Company").asText()).isEqualTo("Engines");
        assertThat(leads.getExchanges().get(0).getIn().getHeader("CamelZohoCrmEventType")).isEqualTo("created");
        assertThat(crm.observe().apiRequests()).allSatisfy(r -> assertThat(r.path()).startsWith("/crm/v8/"));
        assertThat(emulator.observe().apiCalls()).isZero();
    }

    @Test
    void zohocrmSinkWritesIncomingJsonToAZohoCrmModule() throws Exception {
        load("crm-sink.camel.yaml", """
                - route:
                    from:
                      uri: direct:in
                      steps:
                        - to:
                            uri: kamelet:zohocrm-sink
                            parameters:
                              module: Deals
                              edition: STANDARD
                """);
        context.start();

        context.createProducerTemplate().sendBody("direct:in",
                "[{\"Deal_Name\":\"Engine order\",\"Stage\":\"Qualification\"},{\"Deal_Name\":\"Spares\",\"Stage\":\"Closed Won\"}]");

        assertThat(crm.observe().count("Deals")).isEqualTo(2);
        assertThat(crm.observe().apiRequests()).extracting(r -> r.method() + " " + r.path()).containsExactly("POST /crm/v8/Deals");
    }

    @Test
    void zohocrmSinkConvertsTheIncomingLeadIntoAContactAnAccountAndADeal() throws Exception {
        String lead = crm.seed().insert("Leads", Map.of("Last_Name", "Lovelace", "Company", "Engines Ltd"));
        load("crm-convert.camel.yaml", """
                - route:
                    from:
                      uri: direct:qualified
                      steps:
                        - to:
                            uri: kamelet:zohocrm-sink
                            parameters:
                              module: Leads
                              operation: convertLead
                              dealName: Engines
                """);
        context.start();

        context.createProducerTemplate().sendBody("direct:qualified", "{\"id\":\"" + lead
                                                                       + "\",\"Last_Name\":\"Lovelace\"}");

        assertThat(crm.observe().count("Leads")).isZero();
        assertThat(crm.observe().count("Contacts")).isEqualTo(1);
        assertThat(crm.observe().records("Deals")).singleElement()
                .satisfies(d -> assertThat(d.get("Deal_Name")).isEqualTo("Engines"));
        assertThat(crm.observe().apiRequests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /crm/v8/Leads/" + lead + "/actions/convert");
    }

    @Test
    void misspelledRequiredPropertiesFailInsteadOfBeingIgnored() throws Exception {
        load("typo.camel.yaml", """
                - route:
                    from:
                      uri: kamelet:bigin-source
                      parameters:
                        modul: Pipelines
                        evnts: created
                      steps:
                        - to: mock:records
                """);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.start())
                .hasStackTraceContaining("the following mandatory parameters must be provided: module, events");
        assertThat(emulator.observe().apiCalls()).isZero();
    }

    @Test
    void aSinkWritesThroughANamedConnectionUnderACreditBudget() throws Exception {
        // the credentials live in a named connection; the Kamelet only names it (and its own would clash with it)
        context = new DefaultCamelContext(); // without the Kamelets' own credentials of start()
        io.github.camelbigin.component.BiginConnection orgB = new io.github.camelbigin.component.BiginConnection();
        orgB.setAccessToken(BiginEmulator.ACCESS_TOKEN);
        orgB.setApiUrl(emulator.apiUrl());
        context.getRegistry().bind("orgB", orgB);
        load("sink.camel.yaml", """
                - route:
                    from:
                      uri: direct:in
                      steps:
                        - to:
                            uri: kamelet:bigin-sink
                            parameters:
                              module: Contacts
                              connection: orgB
                              creditBudget: 500
                """);
        context.start();

        context.createProducerTemplate().sendBody("direct:in", "[{\"Last_Name\":\"Lovelace\"}]");

        assertThat(emulator.observe().records("Contacts")).extracting(r -> r.get("Last_Name")).containsExactly("Lovelace");
        assertThat(context.getEndpoints()).filteredOn(io.github.camelbigin.common.ZohoEndpoint.class::isInstance)
                .map(e -> ((io.github.camelbigin.common.ZohoEndpoint) e).getCreditBudget()).containsExactly(500L);
        assertThat(emulator.observe().apiRequests()).allMatch(r -> ("Zoho-oauthtoken " + BiginEmulator.ACCESS_TOKEN)
                .equals(r.header("Authorization")));
    }

    @Test
    void bigInSinkUpsertsIncomingJson() throws Exception {
        emulator.seed().insert("Contacts", Map.of("Last_Name", "Old", "Email", "ada@example.com"));
        load("sink.camel.yaml", """
                - route:
                    from:
                      uri: direct:in
                      steps:
                        - to:
                            uri: kamelet:bigin-sink
                            parameters:
                              module: Contacts
                              operation: upsert
                              duplicateCheckFields: Email
                """);
        context.start();

        context.createProducerTemplate().sendBody("direct:in",
                "[{\"Last_Name\":\"Lovelace\",\"Email\":\"ada@example.com\"},{\"Last_Name\":\"Hopper\",\"Email\":\"grace@example.com\"}]");

        assertThat(emulator.observe().records("Contacts")).extracting(r -> r.get("Last_Name"))
                .containsExactlyInAnyOrder("Lovelace", "Hopper");
        assertThat(emulator.observe().apiRequests()).extracting(r -> r.apiPath()).containsExactly("/Contacts/upsert");
    }

    @Test
    void bigInSearchActionAnswersTheMatchesAsAJsonArray() throws Exception {
        emulator.seed().contacts(3);
        load("search.camel.yaml", """
                - route:
                    from:
                      uri: direct:search
                      steps:
                        - to:
                            uri: kamelet:bigin-search-action
                            parameters:
                              module: Contacts
                              searchBy: Email
                              fields: Last_Name,Email
                """);
        context.start();

        String found = context.createProducerTemplate().requestBody("direct:search", "contact2@example.com", String.class);
        String none = context.createProducerTemplate().requestBody("direct:search", "nobody@example.com", String.class);

        JsonNode json = new ObjectMapper().readTree(found);
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("Last_Name").asText()).isEqualTo("Number2");
        assertThat(none).isEqualTo("[]");
        assertThat(emulator.observe().apiRequests().get(0).query()).containsEntry("email", "contact2@example.com");
    }

    @Test
    void bigInSourceInPushModeDeliversAChangeAsSoonAsBiginCallsBack() throws Exception {
        int port = LocalPlatformHttp.freePort();
        LocalPlatformHttp.addTo(context, port);
        load("push.camel.yaml", """
                - route:
                    from:
                      uri: kamelet:bigin-source
                      parameters:
                        module: Contacts
                        events: created
                        notifications: true
                        notifyUrl: http://127.0.0.1:%d/bigin/contacts
                        reconcileInterval: 3600000
                      steps:
                        - to: mock:pushed
                """.formatted(port));
        MockEndpoint pushed = context.getEndpoint("mock:pushed", MockEndpoint.class);
        pushed.expectedMessageCount(1);
        context.start();
        awaitConsumersStarted();
        assertThat(emulator.observe().channelIds()).hasSize(1);
        // the starting point at start, then the first poll (push mode's first tick comes at once)
        for (long until = System.currentTimeMillis() + 10_000; emulator.observe().apiRequests().stream()
                .filter(r -> r.apiPath().equals("/Contacts") && r.isAnswered()).count() < 2
                && System.currentTimeMillis() < until;) {
            Thread.sleep(20);
        }

        String id = emulator.seed().insert("Contacts", Map.of("Last_Name", "Pushed"));

        pushed.assertIsSatisfied(5_000);
        assertThat(pushed.getExchanges().get(0).getIn().getBody(String.class)).contains("\"id\":\"" + id + "\"");
        assertThat(pushed.getExchanges().get(0).getIn().getHeader("CamelBiginTrigger")).isEqualTo("notification");
    }

    @Test
    void theDocumentedSourcePipeRunsAsIs() throws Exception {
        // the Kamelet polls once a minute by default; the test cannot wait that long
        context.getPropertiesComponent().addInitialProperty("camel.kamelet.bigin-source.delay", "100");
        load("bigin-contacts-pipe.yaml", Files.readString(Path.of("..", "docs", "camel-k", "bigin-contacts-pipe.yaml")));
        AdviceWith.adviceWith(context, "bigin-contacts", a -> a.interceptSendToEndpoint("log:bigin-contacts")
                .to("mock:pipe"));
        MockEndpoint pipe = context.getEndpoint("mock:pipe", MockEndpoint.class);
        pipe.expectedMessageCount(1);
        context.start();
        awaitConsumersStarted();

        String id = emulator.seed().insert("Contacts", Map.of("Last_Name", "Piped"));

        pipe.assertIsSatisfied(10_000);
        assertThat(pipe.getExchanges().get(0).getIn().getBody(String.class)).contains("\"id\":\"" + id + "\"");
        assertThat(emulator.observe().tokenRequests()).hasSize(1); // the Secret's OAuth credentials were used
    }

    @Test
    void theDocumentedSinkPipeRunsAsIs() throws Exception {
        load("bigin-upsert-pipe.yaml", Files.readString(Path.of("..", "docs", "camel-k", "bigin-upsert-pipe.yaml")));
        context.start();

        context.createProducerTemplate().sendBody("direct:contacts", "{\"Last_Name\":\"Sunk\",\"Email\":\"s@example.com\"}");

        assertThat(emulator.observe().records("Contacts")).extracting(r -> r.get("Email")).containsExactly("s@example.com");
    }

    @Test
    void theDocumentedIntegrationRunsAsIs() throws Exception {
        emulator.seed().insert("Contacts", Map.of("Last_Name", "Known", "Email", "known@example.com"));
        // what the Camel K operator does with an Integration: run its flows
        JsonNode integration = YAML.readTree(Path.of("..", "docs", "camel-k", "bigin-lookup-integration.yaml").toFile());
        load("bigin-lookup.camel.yaml", YAML.writeValueAsString(integration.get("spec").get("flows")));
        context.start();

        String answer = context.createProducerTemplate().requestBody("direct:lookup", "known@example.com", String.class);

        assertThat(answer).contains("\"Last_Name\":\"Known\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bigin-source", "bigin-sink", "bigin-search-action", "zohocrm-source", "zohocrm-sink" })
    void everyPropertyHasATitleADescriptionAndIsUsedAndSecretsAreMarked(String name) throws Exception {
        JsonNode kamelet;
        try (InputStream in = getClass().getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
            kamelet = YAML.readTree(in);
        }
        assertThat(kamelet.get("metadata").get("labels").get("camel.apache.org/kamelet.type").asText())
                .isEqualTo(name.endsWith("source") ? "source" : name.endsWith("sink") ? "sink" : "action");
        String template = kamelet.get("spec").get("template").toString();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = kamelet.get("spec").get("definition").get("properties").fields();
             it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getValue().has("title") || !p.getValue().has("description")) {
                problems.add(p.getKey() + " lacks a title or description");
            }
            if (!template.contains("{{" + p.getKey() + "}}") && !template.contains("{{?" + p.getKey() + "}}")) {
                problems.add(p.getKey() + " is not used by the template");
            }
            boolean secret = List.of("clientId", "clientSecret", "refreshToken", "accessToken", "apiKey").contains(p.getKey());
            if (secret != "password".equals(p.getValue().path("format").asText())) {
                problems.add(p.getKey() + (secret ? " is a secret without format: password" : " is marked a password"));
            }
        }
        assertThat(problems).isEmpty();
    }
}
