package io.github.camelbigin.examples;

import java.util.List;
import java.util.Map;

import io.github.camelbigin.component.BiginConnection;
import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Named connections in Camel Main: two Bigin orgs in one application, from properties and from a bean. */
class NamedConnectionsTest {

    private final BiginEmulator sales = new BiginEmulator().start();
    private final BiginEmulator support = new BiginEmulator().start();
    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        sales.stop();
        support.stop();
    }

    private Main start(Map<String, String> properties) throws Exception {
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false");
        properties.forEach(main::addInitialProperty);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sales").to("bigin:Contacts?operation=list&fields=Last_Name&connection=sales-eu");
                from("direct:support").to("bigin:Contacts?operation=list&fields=Last_Name&connection=support-us");
            }
        });
        main.start();
        return main;
    }

    @Test
    void twoOrgsInOneApplicationFromPropertiesAndABean() throws Exception {
        sales.seed().insert("Contacts", Map.of("Last_Name", "SalesOrg"));
        support.seed().insert("Contacts", Map.of("Last_Name", "SupportOrg"));
        BiginConnection bean = new BiginConnection();
        bean.setAccessToken(BiginEmulator.ACCESS_TOKEN);
        bean.setApiUrl(support.apiUrl());
        main = null;
        Main m = new Main();
        m.bind("support-us", bean);
        m.setDefaultPropertyPlaceholderLocation("false");
        m.addInitialProperty("camel.component.bigin.connections[sales-eu].access-token", BiginEmulator.ACCESS_TOKEN);
        m.addInitialProperty("camel.component.bigin.connections[sales-eu].api-url", sales.apiUrl());
        m.addInitialProperty("camel.component.bigin.connections[sales-eu].data-center", "EU");
        m.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sales").to("bigin:Contacts?operation=list&fields=Last_Name&connection=sales-eu");
                from("direct:support").to("bigin:Contacts?operation=list&fields=Last_Name&connection=support-us");
            }
        });
        m.start();
        main = m;

        List<?> fromSales = main.getCamelTemplate().requestBody("direct:sales", null, List.class);
        List<?> fromSupport = main.getCamelTemplate().requestBody("direct:support", null, List.class);

        assertThat(fromSales).extracting(r -> (Object) ((Map<?, ?>) r).get("Last_Name")).containsExactly("SalesOrg");
        assertThat(fromSupport).extracting(r -> (Object) ((Map<?, ?>) r).get("Last_Name")).containsExactly("SupportOrg");
        assertThat(sales.observe().apiCalls()).isEqualTo(1);
        assertThat(support.observe().apiCalls()).isEqualTo(1);
    }

    @Test
    void anUnknownConnectionIsNamedWithTheWaysToDefineIt() {
        assertThatThrownBy(() -> start(Map.of("camel.component.bigin.access-token", "x")))
                .hasStackTraceContaining("connection=sales-eu names no connection")
                .hasStackTraceContaining("camel.component.bigin.connections[sales-eu].client-id");
    }

    @Test
    void bigInAndZohoCrmInOneCamelMainApplicationEachFromItsOwnProperties() throws Exception {
        BiginEmulator crm = BiginEmulator.crm().start();
        try {
            sales.seed().insert("Contacts", Map.of("Last_Name", "BiginContact"));
            crm.seed().records("Leads", 2, i -> Map.of("Last_Name", "Lead" + i));
            main = new Main();
            main.setDefaultPropertyPlaceholderLocation("false");
            main.addInitialProperty("camel.component.bigin.access-token", BiginEmulator.ACCESS_TOKEN);
            main.addInitialProperty("camel.component.bigin.api-url", sales.apiUrl());
            main.addInitialProperty("camel.component.zohocrm.access-token", BiginEmulator.ACCESS_TOKEN);
            main.addInitialProperty("camel.component.zohocrm.api-url", crm.apiUrl());
            main.addInitialProperty("camel.component.zohocrm.edition", "PROFESSIONAL");
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:bigin").to("bigin:Contacts?operation=list&fields=Last_Name");
                    from("direct:crm").to("zohocrm:Leads?operation=count");
                }
            });
            main.start();

            List<?> contacts = main.getCamelTemplate().requestBody("direct:bigin", null, List.class);
            long leads = main.getCamelTemplate().requestBody("direct:crm", null, Long.class);

            assertThat(contacts).extracting(r -> (Object) ((Map<?, ?>) r).get("Last_Name"))
                    .containsExactly("BiginContact");
            assertThat(leads).isEqualTo(2);
            assertThat(crm.observe().apiRequests()).extracting(r -> r.path()).containsExactly("/crm/v8/Leads/actions/count");
        } finally {
            crm.stop();
        }
    }
}
