package io.github.camelbigin.component;

import io.github.camelbigin.common.testing.CapturedLogs;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Maton's gateway as a user meets it: several connections behind one key, a wrong key, a key with no connection. */
class BiginMatonGatewayTest extends BiginTestSupport {

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs(Level.WARN);

    private String gateway(String key, String operation) {
        return "bigin:Contacts?operation=" + operation + "&fields=Last_Name&apiKey=" + key + "&matonControlUrl="
               + emulator().matonControlUrl() + "&apiUrl=" + emulator().matonApiUrl();
    }

    @Test
    void twoActiveConnectionsWithoutAConnectionIdAreSaidOnceAtStartNamingTheOneMatonUses() {
        emulator().seed().matonKey("key-of-two-orgs", "c-sandbox", "c-production");

        send(gateway("key-of-two-orgs", "list"), null);
        send(gateway("key-of-two-orgs", "list") + "&perPage=10", null); // a second endpoint of the same key

        assertThat(logs.messages()).filteredOn(w -> w.contains("ACTIVE zoho-bigin connections")).singleElement()
                .asString().contains("uses the oldest, c-sandbox").contains("c-production").contains("connectionId")
                .doesNotContain("key-of-two-orgs");
    }

    @Test
    void oneActiveConnectionOrAConnectionIdIsNotWarnedAbout() {
        emulator().seed().matonKey("key-of-one-org", "c-only");
        emulator().seed().matonKey("key-of-two-orgs", "c-sandbox", "c-production");

        send(gateway("key-of-one-org", "list"), null);
        send(gateway("key-of-two-orgs", "list") + "&connectionId=c-production", null);

        assertThat(logs.messages()).noneMatch(w -> w.contains("ACTIVE zoho-bigin connections"));
    }

    @Test
    void aKeyMatonRefusesGetsMatonAdviceNotOAuthAdviceAndNeverTheKey() {
        Exchange ex = send(gateway("not-a-maton-key", "list"), null);

        assertThat(ex.getException()).hasMessageContaining("HTTP 401").hasMessageContaining("Maton refused the API key")
                .hasMessageContaining("apiKey").hasMessageNotContaining("An access token lives one hour")
                .hasMessageNotContaining("dataCenter").hasMessageNotContaining("not-a-maton-key");
    }

    @Test
    void aKeyWhoseLastConnectionWasDeletedGetsMissingConnection() {
        emulator().seed().matonKey("key-of-one-org", "c-only");
        send(gateway("key-of-one-org", "deleteConnection") + "&connectionId=c-only", null);

        Exchange ex = send(gateway("key-of-one-org", "list"), null);

        assertThat(ex.getException()).hasMessageContaining("HTTP 400").hasMessageContaining("MISSING_CONNECTION")
                .hasMessageContaining("createConnection");
    }
}
