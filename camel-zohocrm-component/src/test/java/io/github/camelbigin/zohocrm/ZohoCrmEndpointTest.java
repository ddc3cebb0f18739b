package io.github.camelbigin.zohocrm;

import java.util.Map;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** zohocrm: endpoints: what is refused at creation, Zoho CRM's own options, and their binding. */
class ZohoCrmEndpointTest extends ZohoCrmTestSupport {

    @Test
    void aBadModuleNameIsRefusedNamingCrmsModules() {
        assertThatThrownBy(() -> context.getEndpoint(crm("Le ads?operation=list")))
                .isInstanceOf(ResolveEndpointFailedException.class).rootCause()
                .hasMessageContaining("is not a Zoho CRM module API name")
                .hasMessageContaining("zohocrm:Leads, zohocrm:Contacts");
    }

    @Test
    void aQueryOfAnotherModuleIsRefusedNamingTheZohocrmEndpointToUse() {
        assertThatThrownBy(() -> context.getEndpoint(crm("Leads?operation=coql&query=select Last_Name from Deals")))
                .rootCause().hasMessageContaining("the endpoint is zohocrm:Leads: use zohocrm:Deals");
    }

    @Test
    void aCoqlLimitPastTwoThousandIsRefusedAtCreation() {
        assertThatThrownBy(() -> context.getEndpoint(crm("Leads?operation=coql&query=select id from Leads limit 2500")))
                .rootCause().hasMessageContaining("LIMIT 2500").hasMessageContaining("1 to 2000");
    }

    @Test
    void theServiceUrlIsCrmsAndNoSecretShowsInTheEndpointUri() {
        ZohoCrmEndpoint e = context.getEndpoint("zohocrm:Leads?operation=list&dataCenter=EU&clientId=id&clientSecret=s3cret"
                                                + "&refreshToken=r3fresh", ZohoCrmEndpoint.class);

        assertThat(e.getServiceUrl()).isEqualTo("https://www.zohoapis.eu/crm/v8");
        assertThat(e.toString()).doesNotContain("s3cret", "r3fresh");
        assertThat(e.api().product()).isEqualTo("Zoho CRM");
    }

    @Test
    void anEditionIsReadInAnyCaseAndAWrongOneNamesTheEditions() {
        emulator().seed().records("Leads", 1, i -> Map.of("Last_Name", "L"));

        long n = template.requestBody(crm("Leads?operation=count&edition=professional"), null, Long.class);

        assertThat(n).isEqualTo(1);
        assertThatThrownBy(() -> context.getEndpoint(crm("Leads?operation=count&edition=GOLD"))).rootCause()
                .hasMessageContaining("GOLD").hasMessageContaining("FREE, STANDARD, PROFESSIONAL, ENTERPRISE or ULTIMATE");
    }

    @Test
    void componentOptionsBindByTypeAsSpringBootAndCamelMainBindThem() {
        ZohoCrmComponent component = context.getComponent("zohocrm", ZohoCrmComponent.class);

        PropertyBindingSupport.build().withIgnoreCase(true).withMandatory(true).bind(context, component,
                new java.util.HashMap<>(Map.of("accessToken", "t0ken", "connections[eu].dataCenter", "EU")));

        assertThat(component.getConfiguration().getAccessToken()).isEqualTo("t0ken");
        assertThat(component.getConnections().get("eu").getDataCenter().name()).isEqualTo("EU");
    }

    @Test
    void endpointsOfOneOrgShareTheEditionsConcurrencyLimitWhateverTheirOtherOptions() throws Exception {
        emulator().seed().records("Leads", 1, i -> Map.of("Last_Name", "L"));
        emulator().faults().inject(io.github.camelbigin.emulator.Fault.delay(40).always()); // calls overlap
        String[] uris = {crm("Leads?operation=count&edition=FREE&socketTimeout=30000"),
                crm("Leads?operation=count&edition=FREE&socketTimeout=40000")};
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.List<java.util.concurrent.Future<Long>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String uri = uris[i % 2];
                calls.add(pool.submit(() -> template.requestBody(uri, null, Long.class)));
            }
            for (java.util.concurrent.Future<Long> f : calls) {
                assertThat(f.get()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(emulator().observe().apiCalls()).isEqualTo(32);
        assertThat(emulator().observe().peakConcurrency()).as("the Free edition's 5 calls at once, across both endpoints")
                .isBetween(2, 5);
    }
}
