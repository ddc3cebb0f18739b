package io.github.camelbigin.component;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Maton connection operations: a connection created, authorised, waited for, listed and deleted from routes. */
class BiginMatonConnectionsTest extends BiginTestSupport {

    private static final String KEY = "maton-key-of-the-routes";

    private String maton(String operation) {
        emulator().seed().matonKey(KEY);
        return "bigin:Contacts?operation=" + operation + "&apiKey=" + KEY + "&matonControlUrl="
               + emulator().matonControlUrl() + "&apiUrl=" + emulator().matonApiUrl();
    }

    @Test
    void aConnectionIsCreatedAuthorisedAwaitedListedAndDeletedFromRoutes() {
        Exchange created = send(maton("createConnection"), null);
        Map<?, ?> connection = created.getMessage().getBody(Map.class);
        String id = created.getMessage().getHeader(BiginConstants.CONNECTION_ID, String.class);
        assertThat(connection.get("status")).isEqualTo("PENDING");
        assertThat((String) connection.get("url")).contains(id);

        emulator().seed().authorizeMatonConnection(id);
        Map<?, ?> active = template.requestBodyAndHeader(maton("awaitConnection"), null, BiginConstants.CONNECTION_ID,
                id, Map.class);
        List<?> listed = template.requestBody(maton("listConnections") + "&connectionStatus=ACTIVE", null, List.class);
        List<?> contacts = template.requestBody(maton("list") + "&fields=Last_Name", null, List.class);
        template.requestBodyAndHeader(maton("deleteConnection"), null, BiginConstants.CONNECTION_ID, id);
        List<?> after = template.requestBody(maton("listConnections"), null, List.class);

        assertThat(active.get("status")).isEqualTo("ACTIVE");
        assertThat(listed).hasSize(1);
        assertThat(contacts).isEmpty();
        assertThat(after).isEmpty();
    }

    @Test
    void connectionOperationsNeedTheMatonKeyAndAConnectionId() {
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?operation=createConnection")))
                .rootCause().hasMessageContaining("needs the Maton API key (apiKey)");
        Exchange ex = send(maton("getConnection"), null);
        assertThat(ex.getException()).hasMessageContaining("CamelBiginConnectionId");
    }
}
