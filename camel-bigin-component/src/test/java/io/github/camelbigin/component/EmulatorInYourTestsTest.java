package io.github.camelbigin.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** README's "The emulator for your tests": the test it shows runs, and the README shows exactly this test. */
class EmulatorInYourTestsTest extends CamelTestSupport {

    // snippet-start
    @RegisterExtension
    static BiginEmulatorExtension bigin = new BiginEmulatorExtension();

    @Test
    void createsAContact() {
        BiginEmulator emulator = bigin.emulator();
        template.requestBody("bigin:Contacts?operation=create&accessToken=" + BiginEmulator.ACCESS_TOKEN
                             + "&apiUrl=" + emulator.apiUrl(), Map.of("Last_Name", "Lovelace"));
        assertThat(emulator.observe().count("Contacts")).isEqualTo(1);
        assertThat(emulator.observe().apiCalls()).isEqualTo(1);
    }
    // snippet-end

    @Test
    void theReadmeShowsThisTest() throws Exception {
        String source = Files.readString(Path.of("src/test/java/io/github/camelbigin/component/"
                                                 + "EmulatorInYourTestsTest.java"));
        String snippet = source.substring(source.indexOf('\n', source.indexOf("// snippet-start")) + 1,
                source.indexOf("    // snippet-end")).lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
                .collect(Collectors.joining("\n", "", "\n"));
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("### The emulator for your tests"));
        String block = section.substring(section.indexOf("```java\n") + 8, section.indexOf("```\n", section.indexOf("```java\n") + 8));

        assertThat(block).isEqualTo(snippet);
    }
}
