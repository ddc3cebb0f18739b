package io.github.camelbigin.component;

import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * operation=authorize: the connection's token for a call to another Zoho API (Zoho Books, say) through camel-http —
 * minted once and shared with the Bigin calls, no Bigin call made.
 */
class BiginAuthorizeTest extends BiginTestSupport {

    private String oauth(String operation) {
        return "bigin:Contacts?operation=" + operation + "&clientId=" + BiginEmulator.CLIENT_ID + "&clientSecret="
               + BiginEmulator.CLIENT_SECRET + "&refreshToken=" + BiginEmulator.REFRESH_TOKEN + "&accountsUrl="
               + emulator().accountsUrl() + "&apiUrl=" + emulator().apiUrl();
    }

    @Test
    void theConnectionsTokenIsHandedToTheNextCallWithTheApiDomainAndNoBiginCall() {
        long minted = emulator().observe().tokensMinted();
        Exchange first = template.send(oauth("authorize"), e -> { });
        Exchange second = template.send(oauth("authorize"), e -> { });
        template.requestBody(oauth("list") + "&fields=Last_Name", (Object) null);

        String authorization = first.getMessage().getHeader("Authorization", String.class);
        assertThat(authorization).startsWith("Zoho-oauthtoken ");
        assertThat(second.getMessage().getHeader("Authorization")).isEqualTo(authorization);
        assertThat(first.getMessage().getHeader(BiginConstants.API_DOMAIN))
                .isEqualTo(emulator().apiUrl().replace("/bigin/v2", ""));
        assertThat(emulator().observe().tokensMinted() - minted).as("at most one token for both and for the Bigin call")
                .isLessThanOrEqualTo(1);
        assertThat(emulator().observe().apiCalls()).as("only the list").isEqualTo(1);
        assertThat(emulator().observe().apiRequests().get(0).header("Authorization")).isEqualTo(authorization);
    }

    @Test
    void withAMatonKeyTheGatewaysHeadersAreHandedOver() {
        emulator().seed().matonKey("maton-authorize-key", "conn-1");
        Exchange ex = template.send("bigin:Contacts?operation=authorize&apiKey=maton-authorize-key&connectionId=conn-1",
                e -> { });

        assertThat(ex.getMessage().getHeader("Authorization")).isEqualTo("Bearer maton-authorize-key");
        assertThat(ex.getMessage().getHeader("Maton-Connection")).isEqualTo("conn-1");
        assertThat(ex.getMessage().getHeader(BiginConstants.API_DOMAIN))
                .isEqualTo("https://gateway.maton.ai/zoho-bigin");
    }
}
