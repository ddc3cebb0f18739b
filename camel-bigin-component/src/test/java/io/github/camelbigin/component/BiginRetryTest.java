package io.github.camelbigin.component;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.Fault;
import io.github.camelbigin.emulator.RecordedRequest;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.StaticTokenAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.ZohoApiException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The component owns its retries: what is retried, how often, and what never is. */
class BiginRetryTest extends BiginTestSupport {

    @Test
    void aTooManyRequestsAnswerIsRetriedAfterItsRetryAfter() {
        emulator().faults().inject(Fault.tooManyRequests(1).on("GET", "/org"));
        List<Long> waits = new ArrayList<>();
        // the wait is asked of the client's sleeper, which records it instead of sleeping a real second
        try (ZohoClient client = ZohoClient.builder()
                .authenticator(new StaticTokenAuthenticator(ZohoApi.BIGIN_V2, BiginEmulator.ACCESS_TOKEN, null))
                .apiUrl(URI.create(emulator().apiUrl())).sleeper(waits::add).build()) {
            context.getRegistry().bind("recordingSleeper", client);

            Exchange ex = send("bigin:Contacts?operation=org&client=#recordingSleeper", null);

            assertThat(ex.getException()).isNull();
        }
        assertThat(apiRequests()).extracting(RecordedRequest::status).containsExactly(429, 200);
        assertThat(waits).containsExactly(1000L);
    }

    @Test
    void aRetryAfterBeyondTheDeadlineFailsAtOnceInsteadOfStallingTheRoute() {
        emulator().faults().inject(Fault.tooManyRequests(3600).on("GET", "/org"));
        long start = System.nanoTime();

        Exchange ex = send(bigin("Contacts?operation=org&retryDeadline=10s"), null);

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
        assertThat(ex.getException()).isInstanceOf(ZohoApiException.class)
                .hasMessageContaining("HTTP 429").hasMessageContaining("Retry-After asked for 3600 s");
        assertThat(apiRequests()).hasSize(1);
    }

    @Test
    void aTooManyRequestsAnswerToACreateIsRetriedBecauseBiginDidNotProcessIt() {
        emulator().faults().inject(Fault.tooManyRequests(0).on("POST", "/Contacts"));

        Exchange ex = send(bigin("Contacts?operation=create"), Map.of("Last_Name", "Once"));

        assertThat(ex.getException()).isNull();
        assertThat(apiRequests()).extracting(RecordedRequest::status).containsExactly(429, 201);
        assertThat(emulator().observe().count("Contacts")).isEqualTo(1);
    }

    @Test
    void serverErrorsOnReadsAreRetriedWithBackoff() {
        emulator().seed().contacts(3);
        emulator().faults().inject(Fault.status(503).on("GET", "/Contacts").times(2));

        List<?> records = template.requestBody(bigin("Contacts?operation=list&fields=Last_Name"), (Object) null, List.class);

        assertThat(records).hasSize(3);
        assertThat(apiRequests()).extracting(RecordedRequest::status).containsExactly(503, 503, 200);
    }

    @Test
    void serverErrorsOnCreateAreNotRetriedSoNoRecordIsWrittenTwice() {
        emulator().faults().inject(Fault.status(500).on("POST", "/Contacts"));

        Exchange ex = send(bigin("Contacts?operation=create"), Map.of("Last_Name", "Maybe"));

        assertThat(ex.getException()).isInstanceOf(ZohoApiException.class).hasMessageContaining("HTTP 500")
                .hasMessageContaining("not retried");
        assertThat(apiRequests()).hasSize(1);
    }

    @Test
    void aConnectionLostAfterBiginProcessedACreateIsNotResentAndSaysTheOutcomeIsUnknown() {
        emulator().faults().inject(Fault.dropAfterProcessing().on("POST", "/Contacts"));

        Exchange ex = send(bigin("Contacts?operation=create"), Map.of("Last_Name", "Written"));

        assertThat(ex.getException()).isInstanceOf(ZohoApiException.class)
                .hasMessageContaining("may or may not have processed it");
        assertThat(((ZohoApiException) ex.getException()).getStatusCode()).isZero();
        assertThat(apiRequests()).hasSize(1);
        assertThat(emulator().observe().count("Contacts")).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionOnAReadIsRetried() {
        emulator().faults().inject(Fault.dropConnection().on("GET", "/org"));

        Exchange ex = send(bigin("Contacts?operation=org"), null);

        assertThat(ex.getException()).isNull();
        assertThat(apiRequests()).hasSize(2);
    }

    @Test
    void anAnswerCutOffMidBodyOnAReadIsRetried() {
        emulator().seed().contacts(50);
        emulator().faults().inject(Fault.cutBody().on("GET", "/Contacts"));

        List<?> records = template.requestBody(bigin("Contacts?operation=list&fields=Last_Name"), (Object) null, List.class);

        assertThat(records).hasSize(50);
        assertThat(apiRequests()).hasSize(2);
    }

    @Test
    void anAnswerSlowerThanTheSocketTimeoutIsRetriedOnReads() {
        emulator().faults().inject(Fault.delay(1500).on("GET", "/org"));

        Exchange ex = send(bigin("Contacts?operation=org&socketTimeout=300"), null);

        assertThat(ex.getException()).isNull();
        assertThat(apiRequests()).hasSize(2);
    }

    @Test
    void anHtmlErrorPageFromAProxyIsNamedAsSuch() {
        emulator().faults().inject(Fault.htmlPage(502).on("GET", "/org").always());

        Exchange ex = send(bigin("Contacts?operation=org&maxRetries=1"), null);

        assertThat(ex.getException()).isInstanceOf(ZohoApiException.class)
                .hasMessageContaining("HTTP 502").hasMessageContaining("an HTML page titled \"502 Bad Gateway\"")
                .hasMessageContaining("gave up after 1 retries");
        assertThat(apiRequests()).hasSize(2);
    }

    @Test
    void malformedJsonFromTheServerIsAClearError() {
        emulator().faults().inject(Fault.malformedJson().on("GET", "/org"));

        Exchange ex = send(bigin("Contacts?operation=org"), null);

        assertThat(ex.getException()).isInstanceOf(ZohoApiException.class)
                .hasMessageContaining("INVALID_RESPONSE").hasMessageContaining("not Bigin JSON");
    }

    @Test
    void maxRetriesZeroNeverRetries() {
        emulator().faults().inject(Fault.status(503).on("GET", "/org"));

        Exchange ex = send(bigin("Contacts?operation=org&maxRetries=0"), null);

        assertThat(ex.getException()).hasMessageContaining("not retried: maxRetries is 0");
        assertThat(apiRequests()).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForCreateBecauseNothingWasSent() {
        String uri = "bigin:Contacts?operation=create&accessToken=t&apiUrl=http://127.0.0.1:1/bigin/v2"
                     + "&maxRetries=2&retryInitialDelay=10";

        Exchange ex = send(uri, Map.of("Last_Name", "x"));

        assertThat(ex.getException()).isInstanceOf(ZohoApiException.class)
                .hasMessageContaining("could not connect after 3 attempts");
        assertThat(((ZohoApiException) ex.getException()).getCode()).isEqualTo("CONNECT_FAILED");
    }
}
