package io.github.camelbigin.zoho.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import io.github.camelbigin.emulator.Fault;
import io.github.camelbigin.emulator.RecordedRequest;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.StaticTokenAuthenticator;
import io.github.camelbigin.zoho.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transport's retry decisions against the emulator, with a fake clock: no test here waits. */
class HttpTransportTest {

    @RegisterExtension
    static BiginEmulatorExtension extension = new BiginEmulatorExtension();

    private final BiginEmulator emulator = extension.emulator();
    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final ClientStats stats = new ClientStats();
    private final HttpTransport transport = new HttpTransport(ZohoApi.BIGIN_V2, new TransportSettings(),
            new StaticTokenAuthenticator(ZohoApi.BIGIN_V2, BiginEmulator.ACCESS_TOKEN, null),
            URI.create(emulator.apiUrl()), new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofSeconds(30)), stats, clock, clock.sleeper());

    @AfterEach
    void close() throws Exception {
        transport.close();
    }

    private static ApiRequest create() {
        return ApiRequest.post("/Contacts").json("{\"data\":[{\"Last_Name\":\"Once\"}]}".getBytes(StandardCharsets.UTF_8))
                .operation("create", "Contacts").recordResults().build();
    }

    private List<Integer> statuses() {
        return emulator.observe().apiRequests().stream().map(RecordedRequest::status).toList();
    }

    @Test
    void aTooManyRequestsAnswerIsRetriedEvenForAPostAfterItsRetryAfter() {
        emulator.faults().inject(Fault.tooManyRequests(2).on("POST", "/Contacts"));

        assertThat(transport.execute(create()).status()).isEqualTo(201);

        assertThat(statuses()).containsExactly(429, 201);
        assertThat(clock.sleeps()).containsExactly(2000L);
        assertThat(emulator.observe().count("Contacts")).isEqualTo(1);
        assertThat(stats.getRetries()).isEqualTo(1);
        assertThat(stats.getCredits()).isEqualTo(1); // a refused call costs nothing
    }

    @Test
    void serverErrorsOnAReadAreRetriedWithJitteredBackoff() {
        emulator.faults().inject(Fault.status(503).on("GET", "/org").times(2));

        assertThat(transport.execute(ApiRequest.get("/org").operation("org", null).build()).status()).isEqualTo(200);

        assertThat(statuses()).containsExactly(503, 503, 200);
        assertThat(clock.sleeps()).hasSize(2);
        assertThat(clock.sleeps().get(0)).isBetween(0L, 100L);
        assertThat(clock.sleeps().get(1)).isBetween(0L, 200L);
    }

    @Test
    void aServerErrorOnAPostIsNotRetried() {
        emulator.faults().inject(Fault.status(500).on("POST", "/Contacts"));

        assertThatThrownBy(() -> transport.execute(create())).isInstanceOf(ZohoApiException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("not retried");

        assertThat(statuses()).containsExactly(500);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void aRetryAfterBeyondTheDeadlineFailsAtOnceWithoutWaiting() {
        emulator.faults().inject(Fault.tooManyRequests(3600).on("GET", "/org"));

        assertThatThrownBy(() -> transport.execute(ApiRequest.get("/org").operation("org", null).build()))
                .isInstanceOf(ZohoApiException.class).hasMessageContaining("Retry-After asked for 3600 s");

        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDateOnTheClock() {
        ApiResponse seconds = new ApiResponse(429, Map.of("retry-after", "7"), null);
        ApiResponse date = new ApiResponse(429, Map.of("retry-after", "Mon, 30 Nov 2026 10:00:05 GMT"), null);
        ApiResponse junk = new ApiResponse(429, Map.of("retry-after", "soon"), null);

        assertThat(transport.retryAfterMillis(seconds)).isEqualTo(7000L);
        assertThat(transport.retryAfterMillis(date)).isEqualTo(5000L);
        assertThat(transport.retryAfterMillis(junk)).isNull();
    }

    @Test
    void theServersClockGoesOnFromItsLastDateHeaderByTheLocalClock() {
        assertThat(transport.serverTime()).isEqualTo(clock.instant()); // before any answer: the local clock

        transport.execute(ApiRequest.get("/org").operation("org", null).build());
        Instant answered = transport.serverTime();
        clock.advance(Duration.ofSeconds(42));

        assertThat(transport.serverTime()).isEqualTo(answered.plusSeconds(42));
    }
}
