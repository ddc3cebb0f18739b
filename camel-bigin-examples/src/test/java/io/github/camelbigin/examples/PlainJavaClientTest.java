package io.github.camelbigin.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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
        assertThat(ReadmeSnippetsTest.blocks("java")).contains(ReadmeSnippetsTest.javaSnippet("PlainJavaClient"));
    }
}
