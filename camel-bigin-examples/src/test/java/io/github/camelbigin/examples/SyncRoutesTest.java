package io.github.camelbigin.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.github.camelbigin.component.BiginComponent;
import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync example end to end: the emulator as Bigin, H2 as the other system. */
class SyncRoutesTest {

    @TempDir
    Path dir;

    private BiginEmulator emulator;
    private CamelContext context;
    private JdbcTemplate db;

    @BeforeEach
    void start() throws Exception {
        emulator = new BiginEmulator().start();
        DataSource crm = CrmDatabase.open("jdbc:h2:mem:sync-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        db = new JdbcTemplate(crm);
        BiginComponent bigin = new BiginComponent();
        bigin.getConfiguration().setAccessToken(BiginEmulator.ACCESS_TOKEN);
        bigin.getConfiguration().setApiUrl(emulator.apiUrl());
        context = new DefaultCamelContext();
        context.addComponent("bigin", bigin);
        context.getRegistry().bind("crm", crm);
        context.getRegistry().bind("syncState", new MemoryStateRepository());
        context.getPropertiesComponent().addInitialProperty("sync.delay", "100");
        context.getPropertiesComponent().addInitialProperty("sync.inbox", dir.resolve("inbox").toString());
        context.getPropertiesComponent().addInitialProperty("sync.deadLetter", "mock:parked");
        context.getPropertiesComponent().addInitialProperty("sync.redeliveryDelay", "10");
        context.addRoutes(new SyncRoutes());
        context.start();
        await(() -> emulator.observe().apiCalls() >= 2, "the consumer to take its starting point");
    }

    @AfterEach
    void stop() {
        context.stop();
        emulator.stop();
    }

    private Map<String, Object> row(String email) {
        List<Map<String, Object>> rows = db.queryForList("select * from crm_contact where email = ?", email);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Test
    void aContactCreatedInBiginIsCreatedInTheDatabaseAndItsUpdatesUpdateThatRow() {
        String id = emulator.seed().insert("Contacts", Map.of("First_Name", "Ada", "Last_Name", "Lovelace",
                "Email", "ada@example.com"));
        await(() -> row("ada@example.com") != null, "the new contact in the database");
        assertThat(row("ada@example.com")).containsEntry("LAST_NAME", "Lovelace").containsEntry("BIGIN_ID", id);

        emulator.seed().update("Contacts", id, Map.of("Last_Name", "King", "Phone", "+44 20 7946 0000"));

        await(() -> "King".equals(row("ada@example.com").get("LAST_NAME")), "the change in the database");
        assertThat(db.queryForObject("select count(*) from crm_contact", Integer.class)).isEqualTo(1);
        assertThat(row("ada@example.com")).containsEntry("PHONE", "+44 20 7946 0000");
    }

    @Test
    void anExistingDatabaseRowWithTheSameEmailIsUpdatedNotDuplicated() {
        db.update("insert into crm_contact (email, last_name) values ('GRACE@example.com', 'Old')");

        emulator.seed().insert("Contacts", Map.of("Last_Name", "Hopper", "Email", "grace@example.com"));

        await(() -> "Hopper".equals(row("GRACE@example.com").get("LAST_NAME")), "the matched row updated");
        assertThat(db.queryForObject("select count(*) from crm_contact", Integer.class)).isEqualTo(1);
    }

    @Test
    void aContactWithoutEmailIsNotSynced() {
        emulator.seed().insert("Contacts", Map.of("Last_Name", "NoEmail"));
        String withEmail = "later@example.com";
        emulator.seed().insert("Contacts", Map.of("Last_Name", "Later", "Email", withEmail));

        await(() -> row(withEmail) != null, "the contact with an email");
        assertThat(db.queryForObject("select count(*) from crm_contact", Integer.class)).isEqualTo(1);
    }

    @Test
    void aCsvDroppedInTheInboxIsUpsertedIntoBiginInBatchesOf100AndFlowsOnToTheDatabase() throws Exception {
        emulator.seed().insert("Contacts", Map.of("Last_Name", "Existing", "Email", "person7@example.com"));
        String csv = "First_Name,Last_Name,Email\n" + IntStream.range(0, 250)
                .mapToObj(i -> "P,Person" + i + ",person" + i + "@example.com").collect(Collectors.joining("\n"));
        emulator.observe().clearRequests();
        Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(dir.resolve("inbox/contacts.csv"), csv);

        await(() -> Files.exists(dir.resolve("inbox/.done/contacts.csv")), "the CSV to be processed");
        List<String> upserts = emulator.observe().apiRequests().stream().filter(r -> r.apiPath().equals("/Contacts/upsert"))
                .map(r -> r.bodyJson().get("data").size() + "").collect(Collectors.toList());
        assertThat(upserts).containsExactly("100", "100", "50");
        assertThat(emulator.observe().count("Contacts")).isEqualTo(250);
        assertThat(emulator.observe().records("Contacts").stream().filter(r -> "person7@example.com".equals(r.get("Email"))))
                .singleElement().extracting(r -> r.get("Last_Name")).isEqualTo("Person7");

        await(() -> db.queryForObject("select count(*) from crm_contact", Integer.class) == 250,
                "all 250 contacts in the database");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aContactTheDatabaseRefusesIsParkedInTheDeadLetterOnceAndTheSyncGoesOn() throws Exception {
        org.apache.camel.component.mock.MockEndpoint parked = context.getEndpoint("mock:parked",
                org.apache.camel.component.mock.MockEndpoint.class);
        String refused = emulator.seed().insert("Contacts", Map.of("Last_Name", "TooLong", "Email", "long@example.com",
                "Phone", "+1".repeat(30))); // 60 characters: the phone column takes 50
        emulator.seed().insert("Contacts", Map.of("Last_Name", "After", "Email", "after@example.com"));

        await(() -> row("after@example.com") != null, "the contact after the refused one");
        Thread.sleep(300);
        assertThat(parked.getReceivedExchanges()).singleElement().satisfies(e -> assertThat(
                e.getIn().getHeader(io.github.camelbigin.component.BiginConstants.RECORD_ID)).isEqualTo(refused));
        assertThat(row("long@example.com")).isNull();
    }
}
