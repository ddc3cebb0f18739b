package io.github.camelbigin.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone emulator, started on its own runtime classpath as the README's command starts it. */
class EmulatorMainTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void helpListsTheOptions() throws Exception {
        try (OwnJvm jvm = OwnJvm.start(MODULE, EmulatorMain.class.getName(), Map.of(), "--help")) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(String.join("\n", jvm.output())).contains("--port N", "--contacts N", "--token-lifetime S");
        }
    }

    @Test
    void anUnknownArgumentIsNamedWithTheOptions() throws Exception {
        try (OwnJvm jvm = OwnJvm.start(MODULE, EmulatorMain.class.getName(), Map.of(), "--prot", "8089")) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(String.join("\n", jvm.output())).contains("Unknown argument --prot", "--port N");
        }
    }

    @Test
    void theStaticTokenExpiresAfterTheTokenLifetimeSoA401CanBeTried() throws Exception {
        try (OwnJvm jvm = OwnJvm.start(MODULE, EmulatorMain.class.getName(), Map.of(), "--port", "0",
                "--contacts", "3", "--token-lifetime", "2")) {
            assertThat(jvm.awaitLine(l -> l.startsWith("Try: curl"), Duration.ofSeconds(30)))
                    .as(String.join("\n", jvm.output())).isTrue();
            Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/bigin/v2)").matcher(String.join("\n", jvm.output()));
            assertThat(m.find()).isTrue();
            HttpRequest org = HttpRequest.newBuilder(URI.create(m.group(1) + "/org"))
                    .header("Authorization", "Zoho-oauthtoken " + BiginEmulator.ACCESS_TOKEN).build();
            HttpClient http = HttpClient.newHttpClient();

            assertThat(http.send(org, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(jvm.awaitLine(l -> l.startsWith("The static access token expired"), Duration.ofSeconds(10)))
                    .isTrue();
            HttpResponse<String> expired = http.send(org, HttpResponse.BodyHandlers.ofString());
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.body()).contains("INVALID_TOKEN");
        }
    }

    @Test
    void withCrmItServesZohoCrmsV8Api() throws Exception {
        try (OwnJvm jvm = OwnJvm.start(MODULE, EmulatorMain.class.getName(), Map.of(), "--crm", "--port", "0",
                "--contacts", "2")) {
            assertThat(jvm.awaitLine(l -> l.startsWith("Try: curl"), Duration.ofSeconds(30)))
                    .as(String.join("\n", jvm.output())).isTrue();
            assertThat(jvm.output()).contains("Zoho CRM emulator with 2 contacts").noneMatch(l -> l.contains("Bigin"))
                    .anyMatch(l -> l.startsWith("  Maton connections: http://127.0.0.1:"))
                    .anyMatch(l -> l.contains("Search finds a record 10 s after it was written"));
            Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/crm/v8)").matcher(String.join("\n", jvm.output()));
            assertThat(m.find()).isTrue();
            HttpResponse<String> count = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(m.group(1) + "/Contacts/actions/count")).header("Authorization", "Zoho-oauthtoken "
                    + BiginEmulator.ACCESS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(count.body()).isEqualTo("{\"count\":2}");
        }
    }

    @Test
    void theStandaloneMatonGatewayNeedsAnActiveConnectionAsMatonDoes() throws Exception {
        try (OwnJvm jvm = OwnJvm.start(MODULE, EmulatorMain.class.getName(), Map.of(), "--port", "0",
                "--contacts", "1")) {
            assertThat(jvm.awaitLine(l -> l.startsWith("Try: curl"), Duration.ofSeconds(30)))
                    .as(String.join("\n", jvm.output())).isTrue();
            String out = String.join("\n", jvm.output());
            Matcher gateway = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/zoho-bigin/bigin/v2)").matcher(out);
            Matcher control = Pattern.compile("Maton connections: (http://127\\.0\\.0\\.1:\\d+/connections)")
                    .matcher(out);
            assertThat(gateway.find()).isTrue();
            assertThat(control.find()).isTrue();
            HttpClient http = HttpClient.newHttpClient();
            String bearer = "Bearer " + BiginEmulator.MATON_KEY;
            HttpRequest org = HttpRequest.newBuilder(URI.create(gateway.group(1) + "/org")).header("Authorization",
                    bearer).build();
            assertThat(http.send(org, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(control.group(1)
                    + "?app=zoho-bigin&status=ACTIVE")).header("Authorization", bearer).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(listed.body()).contains(BiginEmulator.MATON_CONNECTION);
            http.send(HttpRequest.newBuilder(URI.create(control.group(1) + "/" + BiginEmulator.MATON_CONNECTION))
                    .header("Authorization", bearer).DELETE().build(), HttpResponse.BodyHandlers.ofString());

            HttpResponse<String> missing = http.send(org, HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).contains("MISSING_CONNECTION");
        }
    }

    @Test
    void recordIdsKeepGrowingAcrossRestarts() throws Exception {
        String first;
        try (BiginEmulator emulator = new BiginEmulator().start()) {
            first = emulator.seed().contacts(1).get(0);
        }
        Thread.sleep(5);
        try (BiginEmulator restarted = new BiginEmulator().start()) {
            String second = restarted.seed().contacts(1).get(0);
            assertThat(second).hasSize(first.length());
            assertThat(Long.parseLong(second)).isGreaterThan(Long.parseLong(first));
        }
    }
}
