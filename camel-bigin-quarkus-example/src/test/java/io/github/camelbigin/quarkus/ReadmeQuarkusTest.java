package io.github.camelbigin.quarkus;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's Camel Quarkus section shows this application's own application.properties, byte for byte. */
class ReadmeQuarkusTest {

    @Test
    void theReadmeShowsTheApplicationsOwnProperties() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("### Camel Quarkus"), readme.indexOf("### Kamelets"));
        String own = Files.readString(Path.of("src", "main", "resources", "application.properties"));

        assertThat(section).contains("```properties\n" + own + "```");
    }
}
