package io.github.camelbigin.zoho.notifications;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.StaticTokenAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A channel kept alive on the emulator's clock: renewed at half its life, enabled again when Bigin lost it. */
class ChannelKeeperTest {

    @RegisterExtension
    static BiginEmulatorExtension extension = new BiginEmulatorExtension();

    private final BiginEmulator emulator = extension.emulator();
    private ZohoClient client;
    private ChannelKeeper keeper;

    @BeforeEach
    void start() {
        emulator.clock().freezeAt(Instant.parse("2026-12-01T08:00:00Z"));
        client = ZohoClient.builder()
                .authenticator(new StaticTokenAuthenticator(ZohoApi.BIGIN_V2, BiginEmulator.ACCESS_TOKEN, null))
                .apiUrl(URI.create(emulator.apiUrl())).retryPolicy(RetryPolicy.NONE).build();
        keeper = new ChannelKeeper(client.watch(), ChannelKeeper.stableId("route-1"), List.of("Contacts.create"),
                URI.create("https://hooks.example.com/bigin"), () -> emulator.clock().instant(), Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private long calls(Runnable r) {
        long before = emulator.observe().apiCalls();
        r.run();
        return emulator.observe().apiCalls() - before;
    }

    @Test
    void aStableIdIsTheSameForTheSameKeyAndFitsZoho() {
        assertThat(ChannelKeeper.stableId("route-1")).isEqualTo(ChannelKeeper.stableId("route-1"))
                .isNotEqualTo(ChannelKeeper.stableId("route-2")).hasSize(18).doesNotStartWith("0");
    }

    @Test
    void theChannelIsRenewedAtHalfItsLifeAndCostsNothingBefore() {
        keeper.open();
        emulator.clock().advance(Duration.ofMinutes(30));
        assertThat(calls(keeper::maintain)).as("nothing due").isZero();

        emulator.clock().advance(Duration.ofHours(11));
        assertThat(calls(keeper::maintain)).as("renewed: one PUT").isEqualTo(1);

        emulator.clock().advance(Duration.ofHours(20)); // past the first expiry, within the renewed one
        assertThat(emulator.observe().channelIds()).containsExactly(keeper.channelId());
    }

    @Test
    void aChannelBiginLostIsEnabledAgainAtTheNextCheck() {
        keeper.open();
        emulator.faults().expireChannel(keeper.channelId());

        emulator.clock().advance(Duration.ofMinutes(61));
        assertThat(calls(keeper::maintain)).as("the list, then POST").isEqualTo(2);
        assertThat(emulator.observe().channelIds()).containsExactly(keeper.channelId());
    }

    @Test
    void aFailedRenewalIsTriedAgainAMinuteLater() {
        keeper.open();
        emulator.clock().advance(Duration.ofHours(12));
        emulator.stop();
        keeper.maintain(); // logged, not thrown
        emulator.start();

        emulator.clock().advance(Duration.ofSeconds(30));
        assertThat(calls(keeper::maintain)).isZero();
        emulator.clock().advance(Duration.ofSeconds(31));
        assertThat(calls(keeper::maintain)).isEqualTo(1);
    }

    @Test
    void closingDeletesTheChannelAndAChannelAlreadyGoneCountsAsDeleted() {
        keeper.open();
        keeper.close();
        assertThat(emulator.observe().channelIds()).isEmpty();
        keeper.close(); // NOT_SUBSCRIBED: nothing to do, nothing thrown
    }
}
