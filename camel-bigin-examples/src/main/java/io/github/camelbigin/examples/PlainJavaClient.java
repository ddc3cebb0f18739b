package io.github.camelbigin.examples;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.DataCenter;
import io.github.camelbigin.zoho.auth.OAuthAuthenticator;
import io.github.camelbigin.zoho.auth.OAuthTokenProvider;
import io.github.camelbigin.zoho.auth.StaticTokenAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.Authenticator;
import io.github.camelbigin.zoho.records.RecordQuery;
import io.github.camelbigin.zoho.records.WriteOptions;
import io.github.camelbigin.zoho.records.WriteResult;

/**
 * The engine alone, without Camel: a plain {@code main} that writes three contacts, reads them back and deletes them
 * with a {@link ZohoClient}. With {@code BIGIN_CLIENT_ID}/{@code BIGIN_CLIENT_SECRET}/{@code BIGIN_REFRESH_TOKEN}
 * (and {@code BIGIN_DATA_CENTER}) it works on real Bigin; without, on an embedded emulator.
 * <pre>
 * ./mvnw -q -pl camel-bigin-examples -am -DskipTests install exec:java \
 *     -Dexec.mainClass=io.github.camelbigin.examples.PlainJavaClient
 * </pre>
 */
public final class PlainJavaClient {

    private PlainJavaClient() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out));
    }

    static int run(Map<String, String> env, PrintStream out) {
        BiginEmulator emulator = env.get("BIGIN_REFRESH_TOKEN") == null ? new BiginEmulator().start() : null;
        try {
            Authenticator auth = emulator != null
                    ? new StaticTokenAuthenticator(ZohoApi.BIGIN_V2, BiginEmulator.ACCESS_TOKEN, null)
                    : oauth(env);
            URI apiUrl = emulator != null ? URI.create(emulator.apiUrl()) : null;
            out.println("plain Java client on " + (emulator != null ? "the embedded emulator" : "real Bigin"));
            return useTheClient(auth, apiUrl, out);
        } finally {
            if (emulator != null) {
                emulator.stop();
            }
        }
    }

    private static Authenticator oauth(Map<String, String> env) {
        return new OAuthAuthenticator(ZohoApi.BIGIN_V2, new OAuthTokenProvider(
                DataCenter.parse(env.get("BIGIN_DATA_CENTER")), env.get("BIGIN_CLIENT_ID"),
                env.get("BIGIN_CLIENT_SECRET"), env.get("BIGIN_REFRESH_TOKEN")));
    }

    // snippet-start (README: "The engine alone")
    static int useTheClient(Authenticator auth, URI apiUrl, PrintStream out) {
        try (ZohoClient bigin = ZohoClient.builder().authenticator(auth).apiUrl(apiUrl).build()) {
            List<Map<String, Object>> contacts = List.of(
                    Map.of("Last_Name", "Lovelace", "Email", "ada@plain-java.example"),
                    Map.of("Last_Name", "Hopper", "Email", "grace@plain-java.example"),
                    Map.of("Last_Name", "Hamilton", "Email", "margaret@plain-java.example"));
            List<WriteResult> created = bigin.writes().create("Contacts", contacts, WriteOptions.create());
            List<String> ids = created.stream().map(WriteResult::getId).collect(Collectors.toList());

            bigin.reads().list("Contacts", RecordQuery.create().fields(List.of("Last_Name", "Email"))
                            .sortBy("Created_Time").sortOrder("desc").maxRecords(3))
                    .forEachRemaining(r -> out.println("  " + r.get("Last_Name") + " <" + r.get("Email") + ">"));

            bigin.writes().delete("Contacts", ids, WriteOptions.create());
            out.println(bigin.stats().getApiCalls() + " API calls, " + bigin.stats().getCredits() + " credits");
            return 0;
        }
    }
    // snippet-end
}
