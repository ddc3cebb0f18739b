package io.github.camelbigin.component;

import java.util.List;
import java.util.Map;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.RecordedRequest;
import io.github.camelbigin.zoho.auth.ZohoAuthenticationException;
import io.github.camelbigin.zoho.http.ZohoApiException;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BiginAuthenticationTest extends BiginTestSupport {

    private String oauth(String moduleAndOptions) {
        return "bigin:" + moduleAndOptions + "&clientId=" + BiginEmulator.CLIENT_ID + "&clientSecret="
               + BiginEmulator.CLIENT_SECRET + "&refreshToken=" + BiginEmulator.REFRESH_TOKEN + "&accountsUrl="
               + emulator().accountsUrl() + "&retryInitialDelay=10";
    }

    @Test
    void oauthMintsOneTokenFromTheRefreshTokenAndUsesItsApiDomain() {
        emulator().seed().contacts(1);

        template.requestBody(oauth("Contacts?operation=list&fields=Last_Name"), (Object) null);
        template.requestBody(oauth("Contacts?operation=list&fields=Email"), (Object) null);

        List<RecordedRequest> tokens = emulator().observe().tokenRequests();
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).method()).isEqualTo("POST");
        assertThat(tokens.get(0).body()).contains("grant_type=refresh_token", "client_id=1000.EMULATORCLIENTID",
                "refresh_token=1000.emulator-refresh-token");
        assertThat(apiRequests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.path()).startsWith("/bigin/v2/");
            assertThat(r.header("Authorization")).startsWith("Zoho-oauthtoken 1000.");
        });
    }

    @Test
    void endpointsWithTheSameRefreshTokenShareOneAccessToken() {
        template.requestBody(oauth("Contacts?operation=org"), (Object) null);
        template.requestBody(oauth("Accounts?operation=fields&socketTimeout=5000"), (Object) null);

        assertThat(emulator().observe().tokenRequests()).hasSize(1);
        assertThat(apiRequests().stream().map(r -> r.header("Authorization")).distinct()).hasSize(1);
    }

    @Test
    void anExpiredTokenIsRefreshedAndTheCallReplayedOnce() {
        template.requestBody(oauth("Contacts?operation=org"), (Object) null);
        emulator().faults().expireTokens();

        Exchange ex = send(oauth("Contacts?operation=org"), null);

        assertThat(ex.getException()).isNull();
        assertThat(emulator().observe().tokenRequests()).hasSize(2);
        assertThat(apiRequests()).extracting(RecordedRequest::status).containsExactly(200, 401, 200);
    }

    @Test
    void aRevokedRefreshTokenGivesAClearErrorAndIsNotRetried() {
        String uri = "bigin:Contacts?operation=org&clientId=" + BiginEmulator.CLIENT_ID + "&clientSecret="
                     + BiginEmulator.CLIENT_SECRET + "&refreshToken=1000.revoked&accountsUrl=" + emulator().accountsUrl();

        Exchange first = send(uri, null);
        Exchange second = send(uri, null);

        assertThat(first.getException()).isInstanceOf(ZohoAuthenticationException.class)
                .hasMessageContaining("rejected the refresh token").hasMessageNotContaining("1000.revoked");
        assertThat(((ZohoApiException) first.getException()).getCode()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(second.getException()).hasMessageContaining("No new token is requested before");
        assertThat(emulator().observe().tokenRequests()).hasSize(1);
        assertThat(apiRequests()).isEmpty();
    }

    @Test
    void aWrongClientSecretSaysToCheckTheClient() {
        String uri = "bigin:Contacts?operation=org&clientId=" + BiginEmulator.CLIENT_ID
                     + "&clientSecret=wrong-secret&refreshToken=" + BiginEmulator.REFRESH_TOKEN + "&accountsUrl="
                     + emulator().accountsUrl();

        Exchange ex = send(uri, null);

        assertThat(ex.getException()).isInstanceOf(ZohoAuthenticationException.class)
                .hasMessageContaining("check clientId and clientSecret").hasMessageNotContaining("wrong-secret");
    }

    @Test
    void staticAccessTokenIsSentAsZohoOauthtoken() {
        template.requestBody(bigin("Contacts?operation=org"), (Object) null);

        assertThat(apiRequests().get(0).header("Authorization")).isEqualTo("Zoho-oauthtoken emulator-access-token");
        assertThat(emulator().observe().tokenRequests()).isEmpty();
    }

    @Test
    void aRejectedStaticTokenFailsWithInvalidTokenAndIsNotReplayed() {
        Exchange ex = send("bigin:Contacts?operation=org&accessToken=stale&apiUrl=" + emulator().apiUrl(), null);

        assertThat(ex.getException()).isInstanceOf(ZohoApiException.class).hasMessageContaining("INVALID_TOKEN")
                .hasMessageNotContaining("stale");
        assertThat(((ZohoApiException) ex.getException()).getStatusCode()).isEqualTo(401);
        assertThat(apiRequests()).hasSize(1);
    }

    @Test
    void theRejectedCredentialsHintNamesTokenLifeDataCenterAndMatonKeys() {
        Exchange ex = send("bigin:Contacts?operation=org&accessToken=stale&apiUrl=" + emulator().apiUrl(), null);

        assertThat(ex.getException()).hasMessageContaining("An access token lives one hour")
                .hasMessageContaining("set dataCenter").hasMessageContaining("A Maton API key works only at Maton's");
    }

    @Test
    void matonKeyIsSentAsBearerWithTheChosenConnection() {
        emulator().seed().matonKey("maton-2", "conn-a", "conn-b");

        template.requestBody("bigin:Contacts?operation=org&apiKey=maton-2&connectionId=conn-b&apiUrl="
                             + emulator().matonApiUrl(), (Object) null);
        template.requestBody("bigin:Contacts?operation=org&apiKey=" + BiginEmulator.MATON_KEY + "&apiUrl="
                             + emulator().matonApiUrl(), (Object) null);

        List<RecordedRequest> calls = apiRequests();
        assertThat(calls).extracting(RecordedRequest::kind).containsOnly(RecordedRequest.Kind.MATON);
        assertThat(calls.get(0).path()).isEqualTo("/zoho-bigin/bigin/v2/org");
        assertThat(calls.get(0).header("Authorization")).isEqualTo("Bearer maton-2");
        assertThat(calls.get(0).header("Maton-Connection")).isEqualTo("conn-b");
        assertThat(calls.get(1).header("Maton-Connection")).isNull();
    }

    @Test
    void aMatonKeyWithoutConnectionGetsTheGatewaysError() {
        emulator().seed().matonKey("lonely-key");

        Exchange ex = send("bigin:Contacts?operation=org&apiKey=lonely-key&apiUrl=" + emulator().matonApiUrl(), null);

        assertThat(ex.getException()).hasMessageContaining("MISSING_CONNECTION")
                .hasMessageContaining("ctrl.maton.ai/connections").hasMessageNotContaining("lonely-key");
    }

    @Test
    void aMissingScopeNamesTheScopeToGrant() {
        emulator().seed().accessToken("records-only", "ZohoBigin.modules.ALL");

        Exchange ex = send("bigin:Contacts?operation=modules&accessToken=records-only&apiUrl=" + emulator().apiUrl(),
                null);

        assertThat(ex.getException()).hasMessageContaining("OAUTH_SCOPE_MISMATCH")
                .hasMessageContaining("ZohoBigin.settings.ALL");
    }

    @Test
    void missingCredentialsFailAtEndpointCreationNamingTheOptions() {
        assertThatThrownBy(() -> context.getEndpoint("bigin:Contacts?operation=list"))
                .isInstanceOf(ResolveEndpointFailedException.class).rootCause()
                .hasMessageContaining("No Zoho credentials for bigin:Contacts")
                .hasMessageContaining("clientId, clientSecret and refreshToken").hasMessageContaining("accessToken")
                .hasMessageContaining("apiKey");
    }

    @Test
    void contradictoryCredentialsFailAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("bigin:Contacts?operation=list&accessToken=a&apiKey=b"))
                .rootCause().hasMessageContaining("Contradictory Zoho credentials")
                .hasMessageContaining("accessToken and apiKey").hasMessageNotContaining("=a");
    }

    @Test
    void incompleteOauthCredentialsNameWhatIsMissing() {
        assertThatThrownBy(() -> context.getEndpoint("bigin:Contacts?operation=list&clientId=x&refreshToken=y"))
                .rootCause().hasMessageContaining("set clientSecret too");
    }

    @Test
    void aConnectionIdWithoutMatonKeyIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("bigin:Contacts?accessToken=t&connectionId=c"))
                .rootCause().hasMessageContaining("connectionId is a Maton gateway option");
    }

    @Test
    void componentLevelCredentialsApplyToEveryEndpoint() throws Exception {
        BiginComponent component = context.getComponent("bigin", BiginComponent.class);
        component.getConfiguration().setAccessToken(BiginEmulator.ACCESS_TOKEN);
        component.getConfiguration().setApiUrl(emulator().apiUrl());

        Map<String, Object> org = template.requestBody("bigin:Contacts?operation=org", null, Map.class);

        assertThat(org).containsKey("company_name");
        assertThatThrownBy(() -> context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:x").to("bigin:Contacts?operation=list&apiKey=other");
            }
        })).isInstanceOf(FailedToCreateRouteException.class).rootCause()
                .hasMessageContaining("Contradictory Zoho credentials");
    }
}
