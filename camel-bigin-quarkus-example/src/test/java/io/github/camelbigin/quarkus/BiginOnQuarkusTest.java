package io.github.camelbigin.quarkus;

import java.util.List;
import java.util.Map;

import io.github.camelbigin.zoho.records.WriteResult;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The components on Camel Quarkus (JVM mode), against the emulators: bigin and zohocrm producer routes, a polling
 * consumer, a push-mode consumer served by Quarkus' HTTP server, and the Camel K Pipe of docs/camel-k with its
 * Kamelet.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
class BiginOnQuarkusTest {

    @Inject
    ProducerTemplate producer;

    @Inject
    ConsumerTemplate consumer;

    @Test
    void aProducerRouteCreatesAContact() {
        List<?> results = producer.requestBody("direct:new-contact", Map.of("Last_Name", "Quarkus",
                "Email", "quarkus@example.com"), List.class);

        assertThat(((WriteResult) results.get(0)).isSuccess()).isTrue();
        assertThat(EmulatorResource.emulator.observe().records("Contacts"))
                .anyMatch(r -> "quarkus@example.com".equals(r.get("Email")));
    }

    @Test
    void aYamlRouteOfTheApplicationListsContacts() {
        EmulatorResource.emulator.seed().insert("Contacts", Map.of("Last_Name", "Listed"));

        List<?> contacts = producer.requestBody("direct:list-contacts", null, List.class);

        assertThat(contacts).anySatisfy(c -> assertThat(((Map<?, ?>) c).get("Last_Name")).isEqualTo("Listed"));
    }

    @Test
    void aZohoCrmProducerRouteCreatesALead() {
        List<?> results = producer.requestBody("direct:new-lead", Map.of("Last_Name", "Quarkus", "Company", "Q"),
                List.class);

        assertThat(((WriteResult) results.get(0)).isSuccess()).isTrue();
        assertThat(EmulatorResource.crm.observe().records("Leads")).singleElement()
                .satisfies(r -> assertThat(r.get("Company")).isEqualTo("Q"));
    }

    @Test
    void thePollingConsumerDeliversANewContact() {
        String id = EmulatorResource.emulator.seed().insert("Contacts", Map.of("Last_Name", "Polled"));

        Exchange delivered = receive("seda:contacts", id);

        assertThat(delivered.getMessage().getBody(Map.class)).containsEntry("Last_Name", "Polled");
    }

    @Test
    void pushModeDeliversANewPipelineWhenBiginCallsBackOnQuarkusHttp() {
        String id = EmulatorResource.emulator.seed().insert("Pipelines", Map.of("Pipeline_Name", "Pushed",
                "Stage", "Qualification"));

        Exchange delivered = receive("seda:pipelines", id);

        assertThat(delivered.getMessage().getBody(Map.class)).containsEntry("Pipeline_Name", "Pushed");
        assertThat(EmulatorResource.emulator.observe().callbacks())
                .anyMatch(c -> c.ids().contains(id) && c.status() == 200);
    }

    @Test
    void theCamelKPipeUpsertsIncomingContactsIntoBigin() {
        producer.sendBody("direct:contacts", "{\"Last_Name\":\"Piped\",\"Email\":\"piped@example.com\"}");

        assertThat(EmulatorResource.emulator.observe().records("Contacts"))
                .anyMatch(r -> "piped@example.com".equals(r.get("Email")));
    }

    /** The exchange of this record from the endpoint, within 20 s (others delivered meanwhile are passed over). */
    private Exchange receive(String endpoint, String id) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            Exchange e = consumer.receive(endpoint, 1000);
            if (e != null && id.equals(e.getMessage().getHeader("CamelBiginRecordId"))) {
                return e;
            }
        }
        throw new AssertionError("record " + id + " never came to " + endpoint);
    }
}
