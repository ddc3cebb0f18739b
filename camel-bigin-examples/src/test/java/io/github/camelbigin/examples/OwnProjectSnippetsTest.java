package io.github.camelbigin.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelbigin.component.JdbcStateRepository;
import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.OwnJvm;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** README's "Your own project", block by block, the way the section says to use it. */
class OwnProjectSnippetsTest {

    private static final String SECTION = "## Your own project";
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void theDependenciesShownAreOnTheExamplesRuntimeClasspathAtTheBuildsCamelVersion() throws Exception {
        String xml = ReadmeSnippetsTest.blocks(SECTION, "xml").get(0);
        String classpath = Files.readString(MODULE.resolve("target/runtime-classpath.txt"));
        Matcher artifacts = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(xml);
        int count = 0;
        while (artifacts.find()) {
            if (!artifacts.group(1).equals("camel-bom")) {
                assertThat(classpath).as(artifacts.group(1)).contains("/" + artifacts.group(1));
                count++;
            }
        }
        assertThat(count).isEqualTo(6);
        Matcher camel = Pattern.compile("<camel.version>([^<]+)</camel.version>")
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertThat(camel.find()).isTrue();
        assertThat(xml).contains("<version>" + camel.group(1) + "</version>");
    }

    @Test
    void theMainRunsTheYamlRouteWithItsFileStateAgainstTheEmulator(@TempDir Path project) throws Exception {
        try (BiginEmulator emulator = new BiginEmulator().start()) {
            // the one change: the emulator's port here is a free one, and the test cannot wait a minute a poll
            String properties = ReadmeSnippetsTest.blocks(SECTION, "properties").get(0)
                    .replace("http://127.0.0.1:8089/bigin/v2", emulator.apiUrl())
                    .replace("camel.component.bigin.delay=60000", "camel.component.bigin.delay=200");
            Files.writeString(project.resolve("application.properties"), properties);
            Files.createDirectories(project.resolve("routes"));
            Files.writeString(project.resolve("routes/contacts.camel.yaml"),
                    ReadmeSnippetsTest.blocks(SECTION, "yaml").get(0));

            try (OwnJvm app = OwnJvm.start(MODULE, project, "io.github.camelbigin.examples.OwnProjectMain", Map.of(),
                    "-pl", "file:application.properties")) {
                long deadline = System.currentTimeMillis() + 60_000;
                while (emulator.observe().apiCalls() < 2 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50); // the consumer takes its starting point, then polls
                }
                String id = emulator.seed().insert("Contacts", Map.of("Last_Name", "Lovelace", "Email", "ada@example.com"));

                // delivered: the watermark on file holds the record (the log line itself is INFO, which this
                // module's logging configuration leaves out); a failed exchange would log its exception
                Path state = project.resolve("bigin.state");
                deadline = System.currentTimeMillis() + 30_000;
                while (!(Files.exists(state) && Files.readString(state).contains(id))
                       && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(Files.readString(state)).as(String.join("\n", app.output())).contains(id);
                assertThat(app.output()).noneMatch(l -> l.contains("Exception"));
                assertThat(project.resolve("bigin.state")).isNotEmptyFile();
            }
        }
    }

    @Test
    void theJdbcStateBeansMakeASharedRepository(@TempDir Path project) throws Exception {
        String yaml = ReadmeSnippetsTest.blocks(SECTION, "yaml").get(1)
                .replace("jdbc:h2:./crm", "jdbc:h2:" + project.resolve("crm"));
        CamelContext context = new DefaultCamelContext();
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("state.camel.yaml", yaml));
        context.start();
        try {
            JdbcStateRepository state = context.getRegistry().lookupByNameAndType("biginState",
                    JdbcStateRepository.class);
            state.start(); // as the consumer that names it does: the table is made if missing
            state.setState("bigin:Contacts:created", "{\"version\":1}");

            assertThat(state.getState("bigin:Contacts:created")).isEqualTo("{\"version\":1}");
        } finally {
            context.stop();
        }
    }

    @Test
    void theReadmeShowsTheMainAsItIs() throws Exception {
        assertThat(ReadmeSnippetsTest.blocks(SECTION, "java")).isEqualTo(
                List.of(ReadmeSnippetsTest.javaSnippet("OwnProjectMain")));
    }
}
