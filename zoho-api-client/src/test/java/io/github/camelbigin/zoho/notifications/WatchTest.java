package io.github.camelbigin.zoho.notifications;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import io.github.camelbigin.emulator.CallbackReceiver;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.StaticTokenAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.records.WriteOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Notification channels through the engine against the emulator's watch API, and the callbacks it sends. */
class WatchTest {

    @RegisterExtension
    static BiginEmulatorExtension extension = new BiginEmulatorExtension();

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final BiginEmulator emulator = extension.emulator();
    private ZohoClient client;
    private CallbackReceiver receiver;

    @BeforeEach
    void start() {
        client = ZohoClient.builder()
                .authenticator(new StaticTokenAuthenticator(ZohoApi.BIGIN_V2, BiginEmulator.ACCESS_TOKEN, null))
                .apiUrl(URI.create(emulator.apiUrl())).build();
        receiver = new CallbackReceiver();
    }

    @AfterEach
    void stop() {
        client.close();
        receiver.close();
    }

    private OffsetDateTime inAnHour() {
        return OffsetDateTime.ofInstant(emulator.clock().instant().plus(Duration.ofHours(1)), ZoneOffset.ofHours(-8));
    }

    private Channel channel(String id, String... events) {
        return new Channel(id, List.of(events), URI.create(receiver.url() + "?route=r1"), "tok-" + id, inAnHour());
    }

    private List<Map<String, Object>> contacts(int n) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(Map.of("Last_Name", "Watched " + i));
        }
        return records;
    }

    @Test
    void anEnabledChannelGetsOneCallbackWithEveryIdOfAWrite() throws Exception {
        WatchResult enabled = client.watch().enable(List.of(channel("1000000068001", "Contacts.create"))).get(0);
        assertThat(enabled.success()).isTrue();
        assertThat(emulator.observe().apiRequests().get(0).bodyJson().get("watch").get(0).get("notify_on_related_action")
                .asBoolean(true)).as("asks for no callbacks on related records (CRM's default is to send them)")
                .isFalse();

        List<String> ids = client.writes().create("Contacts", contacts(3), WriteOptions.create()).stream()
                .map(r -> r.getId()).toList();

        Map<String, Object> callback = receiver.next(WAIT);
        assertThat(callback).containsEntry("module", "Contacts").containsEntry("operation", "insert")
                .containsEntry("channel_id", "1000000068001").containsEntry("token", "tok-1000000068001")
                .containsEntry("query_params", Map.of("route", "r1"));
        assertThat(callback.get("ids")).isEqualTo(ids);
        Notification n = Notification.parse(new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsBytes(callback));
        assertThat(n.ids()).isEqualTo(ids);
        assertThat(n.operation()).isEqualTo(Operation.insert);
        assertThat(n.isFrom("1000000068001", "tok-1000000068001")).isTrue();
    }

    @Test
    void aRenewalOfAChannelBiginCollectedEnablesItAgain() {
        Channel c = channel("1000000068002", "Contacts.all");
        client.watch().enable(List.of(c));
        emulator.clock().advance(Duration.ofMinutes(61)); // expired: Bigin forgets it
        assertThat(client.watch().list("Contacts")).isEmpty();

        long before = emulator.observe().apiCalls();
        WatchResult renewed = client.watch().renew(c.expiring(inAnHour()));

        assertThat(renewed.success()).isTrue();
        assertThat(emulator.observe().apiCalls() - before).as("PUT answered NOT_SUBSCRIBED, then POST").isEqualTo(2);
        assertThat(client.watch().list("Contacts")).extracting(Channel::id).containsExactly("1000000068002");
    }

    @Test
    void aLiveChannelIsRenewedInOneCall() {
        Channel c = channel("1000000068003", "Contacts.edit");
        client.watch().enable(List.of(c));
        emulator.clock().advance(Duration.ofMinutes(50));

        long before = emulator.observe().apiCalls();
        OffsetDateTime expiry = inAnHour(); // once: a second boundary may pass before the assertion
        assertThat(client.watch().renew(c.expiring(expiry)).success()).isTrue();

        assertThat(emulator.observe().apiCalls() - before).isEqualTo(1);
        assertThat(client.watch().list(null).get(0).expiry().toInstant())
                .isEqualTo(expiry.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void anExpiryMoreThanADayAheadIsRefusedForThatChannelOnly() {
        Channel good = channel("1000000068004", "Contacts.create");
        Channel tooLong = channel("1000000068005", "Contacts.create").expiring(inAnHour().plusDays(1));

        List<WatchResult> results = client.watch().enable(List.of(good, tooLong));

        assertThat(results).extracting(WatchResult::channelId, WatchResult::success, WatchResult::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1000000068004", true, "SUCCESS"),
                        org.assertj.core.groups.Tuple.tuple("1000000068005", false, "INVALID_DATA"));
        assertThat(emulator.observe().channelIds()).containsExactly("1000000068004");
    }

    @Test
    void disabledEventsSendNoMoreCallbacks() throws Exception {
        client.watch().enable(List.of(channel("1000000068006", "Contacts.create", "Contacts.edit")));
        String id = emulator.seed().insert("Contacts", Map.of("Last_Name", "Before"));
        assertThat(receiver.next(WAIT)).containsEntry("operation", "insert");

        assertThat(client.watch().disableEvents("1000000068006", List.of("Contacts.edit")).success()).isTrue();
        emulator.seed().update("Contacts", id, Map.of("Last_Name", "After"));
        emulator.seed().delete("Contacts", id);
        emulator.seed().insert("Contacts", Map.of("Last_Name", "Again"));

        assertThat(receiver.next(WAIT)).containsEntry("operation", "insert");
        assertThat(receiver.drain()).isEmpty();
        assertThat(client.watch().list("Contacts").get(0).events()).containsExactly("Contacts.create");
    }

    @Test
    void deletingAChannelBiginDoesNotHaveAnswersNotSubscribed() {
        client.watch().enable(List.of(channel("1000000068007", "Contacts.delete")));

        List<WatchResult> results = client.watch().delete(List.of("1000000068007", "1000000069999"));

        assertThat(results.get(0).success()).isTrue();
        assertThat(results.get(1).notSubscribed()).isTrue();
        assertThat(emulator.observe().channelIds()).isEmpty();
    }

    @Test
    void moreThanAHundredChannelsAreEnabledInCallsOfAHundred() {
        List<Channel> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(channel(String.valueOf(2000000000000L + i), "Contacts.create"));
        }
        long before = emulator.observe().apiCalls();

        assertThat(client.watch().enable(many)).hasSize(101).allMatch(WatchResult::success);
        assertThat(emulator.observe().apiCalls() - before).isEqualTo(2);
        assertThat(client.watch().list("Contacts")).hasSize(101);
    }

    @Test
    void aListedChannelThisClientCannotReadIsLeftOutNotFatal() {
        client.watch().enable(List.of(channel("1000000068009", "Contacts.create"),
                channel("1000000068010", "Contacts.edit")));
        // another integration disabled every event of its channel: Bigin keeps listing it, with no events
        client.watch().disableEvents("1000000068010", List.of("Contacts.edit"));
        assertThat(emulator.observe().channelIds()).hasSize(2);

        assertThat(client.watch().list(null)).extracting(Channel::id).containsExactly("1000000068009");
    }

    @Test
    void aChannelsTokenStaysOutOfItsStringForm() {
        assertThat(channel("1000000068008", "Contacts.create").toString()).doesNotContain("tok-");
    }
}
