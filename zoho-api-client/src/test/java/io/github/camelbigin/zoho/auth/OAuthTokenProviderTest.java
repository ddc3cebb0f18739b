package io.github.camelbigin.zoho.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiResponse;
import io.github.camelbigin.zoho.http.Authenticator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OAuthTokenProviderTest {

    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> answers = new ArrayList<>();

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final OAuthTokenProvider provider = new OAuthTokenProvider(URI.create("https://accounts.zoho.eu"),
            DataCenter.EU.apiDomain(), "1000.CLIENT", "client-secret", "1000.refresh", clock);

    private final Authenticator.TokenEndpoint endpoint = (url, form) -> {
        int n = requests.incrementAndGet();
        assertThat(url.toString()).isEqualTo("https://accounts.zoho.eu/oauth/v2/token");
        assertThat(form).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "1000.refresh");
        String body = answers.isEmpty()
                ? "{\"access_token\":\"token-" + n + "\",\"expires_in\":100,\"api_domain\":\"https://www.zohoapis.eu\"}"
                : answers.remove(0);
        return new ApiResponse(body.contains("Access Denied") ? 400 : 200, Map.of("content-type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    };

    @Test
    void sixteenThreadsMeetingNoTokenCauseOneRefresh() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tokens.add(pool.submit(() -> {
                start.await();
                return provider.token(endpoint).value();
            }));
        }
        start.countDown();
        for (Future<String> f : tokens) {
            assertThat(f.get()).isEqualTo("token-1");
        }
        pool.shutdown();
        assertThat(requests).hasValue(1);
    }

    @Test
    void theTokenIsReusedUntilATenthOfItsLifeIsLeftThenRefreshedAhead() {
        OAuthTokenProvider.AccessToken first = provider.token(endpoint);
        assertThat(first.apiDomain()).hasToString("https://www.zohoapis.eu");
        assertThat(new OAuthAuthenticator(ZohoApi.BIGIN_V2, provider).credentials(endpoint).apiUrl())
                .hasToString("https://www.zohoapis.eu/bigin/v2");

        now = now.plusSeconds(89);
        assertThat(provider.token(endpoint).value()).isEqualTo("token-1");
        now = now.plusSeconds(2);
        assertThat(provider.token(endpoint).value()).isEqualTo("token-2");
        assertThat(requests).hasValue(2);
    }

    @Test
    void invalidatingAnOldTokenDoesNotDropANewerOne() {
        OAuthTokenProvider.AccessToken first = provider.token(endpoint);
        provider.invalidate(first);
        OAuthTokenProvider.AccessToken second = provider.token(endpoint);

        provider.invalidate(first);

        assertThat(provider.token(endpoint)).isSameAs(second);
        assertThat(requests).hasValue(2);
    }

    @Test
    void throttlingIsRecognisedAndPausesMintingInsteadOfStorming() {
        answers.add("{\"error_description\":\"You have made too many requests continuously.\",\"error\":\"Access Denied\",\"status\":\"failure\"}");

        assertThatThrownBy(() -> provider.token(endpoint)).isInstanceOf(ZohoAuthenticationException.class)
                .hasMessageContaining("too many token requests").extracting("code").isEqualTo("TOKEN_THROTTLED");
        assertThatThrownBy(() -> provider.token(endpoint)).hasMessageContaining("No new token is requested before");
        assertThat(requests).hasValue(1);

        now = now.plus(Duration.ofSeconds(31));
        assertThat(provider.token(endpoint).value()).isEqualTo("token-2");
    }

    @Test
    void aRefusalWhileTheCurrentTokenIsStillValidKeepsUsingIt() {
        provider.token(endpoint);
        now = now.plusSeconds(95);
        answers.add("{\"error\":\"Access Denied\"}");

        assertThat(provider.token(endpoint).value()).isEqualTo("token-1");
        assertThat(provider.token(endpoint).value()).isEqualTo("token-1");
        assertThat(requests).hasValue(2);
    }

    @Test
    void invalidCodeAnsweredWithHttp200IsAnErrorThatNeverShowsTheSecrets() {
        answers.add("{\"error\":\"invalid_code\"}");

        assertThatThrownBy(() -> provider.token(endpoint)).isInstanceOf(ZohoAuthenticationException.class)
                .hasMessageContaining("rejected the refresh token").hasMessageNotContaining("1000.refresh")
                .hasMessageNotContaining("client-secret");
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(provider.toString()).doesNotContain("client-secret", "1000.refresh", "1000.CLIENT");
        assertThat(provider.token(endpoint).toString()).doesNotContain("token-1");
    }
}
