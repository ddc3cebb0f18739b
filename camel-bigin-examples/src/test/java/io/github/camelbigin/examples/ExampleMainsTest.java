package io.github.camelbigin.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.OwnJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example main starts the way its docs start it: in a JVM of its own, on the module's runtime classpath (what
 * {@code exec:java} gives it), not on the test classpath. No credentials in the environment: the emulator.
 */
class ExampleMainsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Duration STARTUP = Duration.ofSeconds(60);

    @Test
    void theDemoRunsToTheEndInFiveCalls() throws Exception {
        try (OwnJvm demo = OwnJvm.start(MODULE, "io.github.camelbigin.examples.BiginDemo", Map.of())) {
            assertThat(demo.awaitExit(STARTUP)).as(String.join("\n", demo.output())).isZero();
            assertThat(demo.output()).anyMatch(l -> l.matches("\\s+total\\s+5 .*"));
        }
    }

    @Test
    void theDemoRunsOnZohoCrmsEmulatorInFiveCallsWithTheCrmArgument() throws Exception {
        try (OwnJvm demo = OwnJvm.start(MODULE, "io.github.camelbigin.examples.BiginDemo", Map.of(), "crm")) {
            assertThat(demo.awaitExit(STARTUP)).as(String.join("\n", demo.output())).isZero();
            assertThat(demo.output()).anyMatch(l -> l.contains("the embedded Zoho CRM emulator at http://127.0.0.1:")
                                                    && l.contains("/crm/v8"))
                    .anyMatch(l -> l.matches("\\s+total\\s+5 .*Zoho CRM's table.*"));
        }
    }

    @Test
    void thePlainJavaClientRunsToTheEnd() throws Exception {
        try (OwnJvm plain = OwnJvm.start(MODULE, "io.github.camelbigin.examples.PlainJavaClient", Map.of())) {
            assertThat(plain.awaitExit(STARTUP)).as(String.join("\n", plain.output())).isZero();
            assertThat(plain.output()).contains("3 API calls, 3 credits");
        }
    }

    @Test
    void theSyncAppStartsAndKeepsItsDataInTheDirectoryItIsGiven(@TempDir Path dir) throws Exception {
        try (OwnJvm sync = OwnJvm.start(MODULE, "io.github.camelbigin.examples.SyncApp",
                Map.of("SYNC_DIR", dir.toString(), "SYNC_DELAY", "200"))) {
            assertThat(sync.awaitLine(l -> l.startsWith("Syncing Bigin contacts with jdbc:h2:" + dir), STARTUP))
                    .as(String.join("\n", sync.output())).isTrue();
            long deadline = System.currentTimeMillis() + 20_000;
            while (!dir.resolve("inbox").toFile().isDirectory() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50); // the file route makes it when it starts
            }
            assertThat(dir.resolve("inbox")).isDirectory();
            assertThat(dir.resolve("crm.mv.db")).exists();
        }
    }

    @Test
    void theBooksSyncAppStartsOnTheEmbeddedEmulatorAsTheReadmeCommandStartsIt() throws Exception {
        try (OwnJvm books = OwnJvm.start(MODULE, "io.github.camelbigin.examples.BooksSyncApp",
                Map.of("BOOKS_DELAY", "200"))) {
            assertThat(books.awaitLine(l -> l.startsWith("Syncing Bigin contacts to Zoho Books"), STARTUP))
                    .as(String.join("\n", books.output())).isTrue();
            // each sync step at INFO: the sample contact looked up in Books, then created there
            assertThat(books.awaitLine(l -> l.contains("INFO") && l.contains("ada@example.com: created a Books contact"),
                    STARTUP)).as(String.join("\n", books.output())).isTrue();
            assertThat(books.output()).anyMatch(l -> l.contains("INFO") && l.contains("looking it up in Books"));
        }
    }

    @Test
    void theSpringBootExampleStartsAgainstTheEmulatorAsTheReadmeCommandStartsIt() throws Exception {
        try (BiginEmulator emulator = new BiginEmulator().start();
             OwnJvm boot = OwnJvm.start(MODULE, "io.github.camelbigin.examples.springboot.BiginSpringBootApplication",
                     Map.of(), "--camel.component.bigin.api-url=" + emulator.apiUrl(),
                     "--camel.component.bigin.access-token=" + BiginEmulator.ACCESS_TOKEN, "--bigin.poll.delay=200",
                     "--server.port=0")) {
            assertThat(boot.awaitLine(l -> l.contains("Started BiginSpringBootApplication"), STARTUP))
                    .as(String.join("\n", boot.output())).isTrue();
            long deadline = System.currentTimeMillis() + 30_000;
            while (emulator.observe().apiCalls() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50); // the consumer takes its starting point, then polls
            }
            assertThat(emulator.observe().apiCalls()).as(String.join("\n", boot.output())).isGreaterThanOrEqualTo(2);
            String id = emulator.seed().insert("Contacts", Map.of("Last_Name", "Lovelace"));
            assertThat(boot.awaitLine(l -> l.contains("INFO") && l.contains("created contact " + id), STARTUP))
                    .as("a change logged at INFO: " + String.join("\n", boot.output())).isTrue();
            assertThat(boot.output()).noneMatch(l -> l.contains("NoClassDefFoundError"));
        }
    }
}
