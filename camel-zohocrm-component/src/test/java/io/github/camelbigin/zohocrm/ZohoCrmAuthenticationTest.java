package io.github.camelbigin.zohocrm;

import java.util.List;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The three ways in, on Zoho CRM: OAuth with a refresh token, a static access token, Maton's gateway. */
class ZohoCrmAuthenticationTest extends ZohoCrmTestSupport {

    @Test
    void oauthMintsOneTokenAndCallsCrmV8OnTheTokensApiDomain() {
        String uri = "zohocrm:Leads?operation=list&fields=Last_Name&clientId=" + BiginEmulator.CLIENT_ID
                     + "&clientSecret=" + BiginEmulator.CLIENT_SECRET + "&refreshToken=" + BiginEmulator.REFRESH_TOKEN
                     + "&accountsUrl=" + emulator().accountsUrl();

        template.requestBody(uri, (Object) null);
        template.requestBody(uri.replace("Leads", "Deals").replace("Last_Name", "Deal_Name"), (Object) null);

        assertThat(emulator().observe().tokenRequests()).hasSize(1);
        assertThat(apiRequests()).extracting(RecordedRequest::path).containsExactly("/crm/v8/Leads", "/crm/v8/Deals");
        assertThat(apiRequests()).allSatisfy(r -> assertThat(r.header("Authorization")).startsWith("Zoho-oauthtoken"));
    }

    @Test
    void aStaticAccessTokenIsSentAsZohoOauthtoken() {
        template.requestBody(crm("Leads?operation=org"), (Object) null);

        assertThat(apiRequests().get(0).path()).isEqualTo("/crm/v8/org");
        assertThat(apiRequests().get(0).header("Authorization")).isEqualTo("Zoho-oauthtoken "
                                                                           + BiginEmulator.ACCESS_TOKEN);
    }

    @Test
    void aMatonKeyCallsTheGatewaysZohoCrmApp() {
        emulator().seed().matonKey("maton-crm", "crm-conn");

        template.requestBody("zohocrm:Leads?operation=count&apiKey=maton-crm&connectionId=crm-conn&apiUrl="
                             + emulator().matonApiUrl(), (Object) null);

        List<RecordedRequest> calls = apiRequests();
        assertThat(calls).extracting(RecordedRequest::kind).containsExactly(RecordedRequest.Kind.MATON);
        assertThat(calls.get(0).path()).isEqualTo("/zoho-crm/crm/v8/Leads/actions/count");
        assertThat(calls.get(0).header("Authorization")).isEqualTo("Bearer maton-crm");
        assertThat(calls.get(0).header("Maton-Connection")).isEqualTo("crm-conn");
    }

    @Test
    void aMissingScopeNamesZohoCrmsScopeToGrant() {
        emulator().seed().accessToken("records-only", "ZohoCRM.modules.ALL");

        Exchange ex = send("zohocrm:Leads?operation=modules&accessToken=records-only&apiUrl=" + emulator().apiUrl(),
                null, java.util.Map.of());

        assertThat(ex.getException()).hasMessageContaining("OAUTH_SCOPE_MISMATCH")
                .hasMessageContaining("ZohoCRM.settings.ALL").hasMessageContaining("Zoho CRM")
                .hasMessageNotContaining("ZohoBigin");
    }
}
