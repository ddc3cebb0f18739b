package io.github.camelbigin.examples;

import java.util.List;
import java.util.Map;

import io.github.camelbigin.component.BiginComponent;
import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's Bigin → Zoho Books sync end to end on the emulator, which serves Bigin and that much of Books. */
class BooksSyncRoutesTest {

    private final BiginEmulator emulator = new BiginEmulator().start();
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        BiginComponent bigin = new BiginComponent();
        bigin.getConfiguration().setAccessToken(BiginEmulator.ACCESS_TOKEN);
        bigin.getConfiguration().setApiUrl(emulator.apiUrl());
        context.addComponent("bigin", bigin);
        context.getPropertiesComponent().addInitialProperty("books.organizationId", "700200001");
        context.getPropertiesComponent().addInitialProperty("books.delay", "100");
        context.getPropertiesComponent().addInitialProperty("books.initialPosition", "beginning");
        context.getPropertiesComponent().addInitialProperty("books.deadLetter", "mock:parked");
        context.getPropertiesComponent().addInitialProperty("books.redeliveryDelay", "10");
        context.addRoutes(new BooksSyncRoutes());
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        emulator.stop();
    }

    private void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).as("synced within 15 s; requests: %s", emulator.observe().requests()).isTrue();
    }

    @Test
    void aBiginContactIsCreatedInBooksThenUpdatedThereAndOneWithoutEmailIsLeftOut() throws Exception {
        String id = emulator.seed().insert("Contacts", Map.of("First_Name", "Ada", "Last_Name", "Lovelace",
                "Email", "ada+books@example.com", "Phone", "+44 20 1234"));
        emulator.seed().insert("Contacts", Map.of("Last_Name", "NoEmail"));
        await(() -> emulator.observe().booksContacts().size() == 1);

        emulator.seed().update("Contacts", id, Map.of("Phone", "+44 20 9999"));
        await(() -> "+44 20 9999".equals(emulator.observe().booksContacts().get(0).get("phone")));

        List<Map<String, Object>> books = emulator.observe().booksContacts();
        assertThat(books).hasSize(1);
        assertThat(books.get(0)).containsEntry("contact_name", "Ada Lovelace").containsEntry("email",
                "ada+books@example.com");
        assertThat((List<?>) books.get(0).get("contact_persons")).hasSize(1);
        assertThat(emulator.observe().requests()).filteredOn(r -> r.path().startsWith("/books/v3/"))
                .extracting(r -> r.method() + " " + r.status())
                .containsExactly("GET 200", "POST 201", "GET 200", "PUT 200");
        assertThat(emulator.observe().requests()).filteredOn(r -> r.path().startsWith("/books/v3/"))
                .allMatch(r -> ("Zoho-oauthtoken " + BiginEmulator.ACCESS_TOKEN).equals(r.header("Authorization")));
    }

    @Test
    void aContactBooksRefusesIsParkedInTheDeadLetterOnceAndTheSyncGoesOn() throws Exception {
        org.apache.camel.component.mock.MockEndpoint parked = context.getEndpoint("mock:parked",
                org.apache.camel.component.mock.MockEndpoint.class);
        emulator.seed().insert("Contacts", Map.of("First_Name", "Ada", "Last_Name", "Lovelace", "Email", "ada@example.com"));
        await(() -> emulator.observe().booksContacts().size() == 1);
        // Books keeps contact names unique: a second Ada Lovelace with another email is refused there
        String twin = emulator.seed().insert("Contacts", Map.of("First_Name", "Ada", "Last_Name", "Lovelace",
                "Email", "ada.twin@example.com"));
        emulator.seed().insert("Contacts", Map.of("First_Name", "Grace", "Last_Name", "Hopper", "Email", "grace@example.com"));

        await(() -> emulator.observe().booksContacts().size() == 2);
        Thread.sleep(300);
        assertThat(emulator.observe().booksContacts()).extracting(c -> c.get("email"))
                .containsExactlyInAnyOrder("ada@example.com", "grace@example.com");
        assertThat(parked.getReceivedExchanges()).singleElement().satisfies(e -> assertThat(
                e.getIn().getHeader(io.github.camelbigin.component.BiginConstants.RECORD_ID)).isEqualTo(twin));
        assertThat(emulator.observe().requests()).filteredOn(r -> r.path().startsWith("/books/v3/") && r.status() == 400)
                .hasSize(3); // the first try and two redeliveries, then parked
    }
}
