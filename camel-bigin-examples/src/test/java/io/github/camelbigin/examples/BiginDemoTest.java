package io.github.camelbigin.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BiginDemoTest {

    @Test
    void theDemoRunsEveryStepOnTheEmulatorInFiveCallsAndSaysItUsesTheEmulator() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int exit = new BiginDemo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(Map.of());

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(out).contains("talking to the embedded Bigin emulator")
                .contains("created 25 contacts from contacts.csv")
                .contains("listed 25 contacts, 25 of them from the CSV")
                .contains("found [Grace Hopper]")
                .contains("updated 25 contacts")
                .contains("deleted 25 contacts")
                .containsPattern("total\\s+5 ")
                .contains("the emulator counted 5 API calls");
    }
}
