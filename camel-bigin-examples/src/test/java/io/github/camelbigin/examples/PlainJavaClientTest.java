package io.github.camelbigin.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine works without Camel: the README's plain-main example runs, in three calls. */
class PlainJavaClientTest {

    @Test
    void thePlainMainWritesReadsAndDeletesInThreeCallsOnTheEmulator() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int exit = PlainJavaClient.run(Map.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(out).contains("plain Java client on the embedded emulator")
                .contains("Hamilton <margaret@plain-java.example>").contains("Lovelace <ada@plain-java.example>")
                .contains("3 API calls, 3 credits");
    }

    @Test
    void theReadmeShowsTheExamplesCodeAsItIs() throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/github/camelbigin/examples/PlainJavaClient.java"));
        String snippet = source.substring(source.indexOf('\n', source.indexOf("// snippet-start")) + 1,
                source.indexOf("    // snippet-end"));

        String unindented = snippet.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
                .collect(Collectors.joining("\n", "", "\n"));

        assertThat(ReadmeSnippetsTest.blocks("java")).contains(unindented);
    }
}
