package io.github.camelbigin.component;

import java.net.URI;
import java.util.Map;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.StaticTokenAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An endpoint can be given a ready client, as camel-aws2-s3 takes an S3Client: by reference or autowired. */
class BiginClientOptionTest extends BiginTestSupport {

    private final ZohoClient client = ZohoClient.builder()
            .authenticator(new StaticTokenAuthenticator(ZohoApi.BIGIN_V2, BiginEmulator.ACCESS_TOKEN, null))
            .apiUrl(URI.create(EMULATOR.emulator().apiUrl())).build();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("myClient", client);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void aClientInTheRegistryIsAutowiredSoAnEndpointNeedsNoCredentials() throws Exception {
        Exchange ex = send("bigin:Contacts?operation=create", Map.of("Last_Name", "Autowired"));

        assertThat(ex.getException()).isNull();
        assertThat(emulator().observe().count("Contacts")).isEqualTo(1);
        assertThat(((BiginEndpoint) context.getEndpoints().stream().filter(e -> e instanceof BiginEndpoint)
                .findFirst().orElseThrow()).getClient()).isSameAs(client);
    }

    @Test
    void aGivenClientIsUsedAsIsAndNotClosedWhenTheEndpointStops() throws Exception {
        emulator().seed().contacts(2);
        CamelContext ctx = context;

        Exchange ex = send("bigin:Contacts?operation=list&fields=Last_Name&client=#myClient", null);
        ctx.stop();

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(java.util.List.class)).hasSize(2);
        // still usable: the user owns it
        assertThat(client.reads().list("Contacts", null).toList()).hasSize(2);
    }
}
