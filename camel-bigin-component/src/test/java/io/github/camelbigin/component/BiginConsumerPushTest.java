package io.github.camelbigin.component;

import io.github.camelbigin.common.testing.LocalPlatformHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.emulator.Callback;
import io.github.camelbigin.emulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Push mode: a notification channel wakes the consumer, which then polls from its watermark as ever; polling every
 * reconcileInterval is the safety net. Callbacks reach the route through platform-http (Vert.x here).
 */
class BiginConsumerPushTest extends ConsumerTestSupport {

    private final int port = AvailablePortFinder.getNextAvailable();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return LocalPlatformHttp.addTo(super.createCamelContext(), port);
    }

    private String notifyUrl() {
        return "http://127.0.0.1:" + port + "/bigin/contacts";
    }

    private String push(String more) {
        return "Contacts?fields=Last_Name&events=created,updated&notifications=true&notifyUrl=" + notifyUrl() + more;
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(notifyUrl())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChangeArrivesWithinASecondOfItsCallbackAndIdleTicksCostNoCalls() throws Exception {
        consume("push", push("&reconcileInterval=3600000"));
        assertThat(emulator().observe().channelIds()).containsExactly(consumer("push").getChannelId());
        awaitTicks("push", 3); // three ticks with nothing due
        long idle = emulator().observe().apiCalls();
        awaitTicks("push", 3);
        assertThat(emulator().observe().apiCalls()).as("ticks without a callback make no call").isEqualTo(idle);

        long start = System.nanoTime();
        String id = emulator().seed().insert("Contacts", Map.of("Last_Name", "Pushed"));
        awaitDelivered(1);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(deliveredIds()).containsExactly(id);
        assertThat(delivered.peek().exchange().getIn().getHeader(BiginConstants.TRIGGER)).isEqualTo("notification");
        assertThat(emulator().observe().apiCalls() - idle).as("the one poll the callback woke").isEqualTo(1);
    }

    @Test
    void aLostCallbackCostsLatencyNotTheRecord() throws Exception {
        consume("push", push("&reconcileInterval=1000"));
        emulator().faults().dropNextCallbacks(1);

        String id = emulator().seed().insert("Contacts", Map.of("Last_Name", "Unannounced"));
        awaitDelivered(1);

        assertThat(deliveredIds()).containsExactly(id);
        assertThat(delivered.peek().exchange().getIn().getHeader(BiginConstants.TRIGGER)).isEqualTo("reconciliation");
        await(() -> emulator().observe().callbacks().stream().anyMatch(Callback::wasDropped), 5_000, "the dropped callback");
    }

    @Test
    void aBurstOfDoubledCallbacksDeliversEachRecordOnce() throws Exception {
        consume("push", push("&reconcileInterval=3600000"));
        emulator().faults().duplicateCallbacks(true);

        List<String> ids = List.of(emulator().seed().insert("Contacts", Map.of("Last_Name", "A")),
                emulator().seed().insert("Contacts", Map.of("Last_Name", "B")));
        String c = emulator().seed().insert("Contacts", Map.of("Last_Name", "C"));
        awaitDelivered(3);
        awaitTicks("push", 3); // the doubles wake polls that find nothing new

        assertThat(deliveredIds("created")).containsExactly(ids.get(0), ids.get(1), c);
        assertThat(delivered).hasSize(3);
        assertThat(emulator().observe().callbacks()).hasSizeGreaterThanOrEqualTo(2).allMatch(cb -> cb.status() == 200);
    }

    @Test
    void threeThousandRecordsDeletedAtOnceArriveAsThreeThousandDeleteEventsOnceEach() throws Exception {
        List<String> ids = emulator().seed().contacts(3000);
        consume("push", "Contacts?events=deleted&notifications=true&reconcileInterval=3600000&notifyUrl=" + notifyUrl());
        // the starting point at start, then the first poll (push mode's first tick comes at once): both done
        await(() -> calls().stream().filter("GET /Contacts/deleted"::equals).count() >= 2
                    && emulator().observe().apiRequests().stream().allMatch(io.github.camelbigin.emulator.RecordedRequest::isAnswered),
                10_000, "the first poll");
        // the callbacks come late, so that the next poll finds all 3,000 gone: beyond the deleted list's 2,000
        emulator().faults().delayCallbacks(Duration.ofMillis(800));

        for (String id : ids) {
            emulator().seed().delete("Contacts", id);
        }
        // the 2,000 listed wait 10 s after the oldest of them for the callbacks of the 1,000 older ones
        await(() -> delivered.size() >= 3000, 60_000, "3,000 deletions");
        awaitTicks("push", 5);

        assertThat(deliveredIds("deleted")).doesNotHaveDuplicates().hasSize(3000).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(deliveredIds().subList(0, 1000)).as("the oldest, from their callbacks, first")
                .containsExactlyInAnyOrderElementsOf(ids.subList(0, 1000));
        assertThat(delivered.peek().exchange().getIn().getHeader(BiginConstants.TRIGGER)).isEqualTo("notification");
        assertThat(consumer("push").getDeletionGaps()).as("the list could not reach back").isPositive();
    }

    @Test
    void announcedDeletionsSurviveARestartOfTheRoute() throws Exception {
        List<String> ids = emulator().seed().contacts(2050);
        consume("push", "Contacts?events=deleted&notifications=true&reconcileInterval=3600000&notifyUrl=" + notifyUrl()
                        + "&maxMessagesPerPoll=25");
        emulator().faults().delayCallbacks(Duration.ofMillis(300));
        for (String id : ids) {
            emulator().seed().delete("Contacts", id);
        }
        await(() -> announced() == 2050, 10_000, "every deletion announced");
        awaitDelivered(25);
        context.getRouteController().stopRoute("push"); // the announcements not yet delivered are in the state
        int before = delivered.size();
        context.getRouteController().startRoute("push");

        await(() -> delivered.size() >= 2050, 60_000, "2,050 deletions");
        awaitTicks("push", 3);
        assertThat(before).isLessThan(2050);
        assertThat(deliveredIds("deleted")).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    }

    /** How many deleted ids the callbacks the route answered announced. */
    private int announced() {
        return emulator().observe().callbacks().stream().filter(c -> c.status() == 200)
                .mapToInt(c -> ((List<?>) c.payload().get("ids")).size()).sum();
    }

    @Test
    void forgedAndMalformedCallbacksAreRefusedAndCauseNoCall() throws Exception {
        consume("push", push("&reconcileInterval=3600000"));
        awaitTicks("push", 2);
        long before = emulator().observe().apiCalls();
        String channel = consumer("push").getChannelId();

        HttpResponse<String> forged = post("{\"channel_id\":\"" + channel + "\",\"token\":\"guess\",\"module\":"
                                           + "\"Contacts\",\"ids\":[\"1\"],\"operation\":\"insert\"}");
        HttpResponse<String> otherChannel = post("{\"channel_id\":\"1\",\"module\":\"Contacts\",\"ids\":[]}");
        HttpResponse<String> malformed = post("not json");
        awaitTicks("push", 3);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(otherChannel.statusCode()).isEqualTo(403);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(forged.body()).isEmpty();
        assertThat(emulator().observe().apiCalls()).isEqualTo(before);
        assertThat(consumer("push").getCallbacksRefused()).isEqualTo(3);
        assertThat(delivered).isEmpty();
    }

    @Test
    void theChannelIsDeletedWhenTheRouteStopsUnlessKept() throws Exception {
        consume("push", push(""));
        String channel = consumer("push").getChannelId();
        context.getRouteController().stopRoute("push");
        assertThat(emulator().observe().channelIds()).doesNotContain(channel);

        consume("kept", push("&keepChannel=true&stateKey=kept"));
        String kept = consumer("kept").getChannelId();
        context.getRouteController().stopRoute("kept");
        assertThat(emulator().observe().channelIds()).contains(kept);
    }

    @Test
    void aRestartReusesTheChannelIdAndAChannelBiginLostIsEnabledAgain() throws Exception {
        consume("push", push("&reconcileInterval=1000"));
        String channel = consumer("push").getChannelId();
        context.getRouteController().stopRoute("push");
        context.getRouteController().startRoute("push");
        awaitStarted("push");
        assertThat(consumer("push").getChannelId()).isEqualTo(channel);

        emulator().faults().expireChannel(channel);
        // the list is checked every 4 reconcile intervals here (hourly by default)
        await(() -> emulator().observe().channelIds().contains(channel), 10_000, "the channel enabled again");

        String id = emulator().seed().insert("Contacts", Map.of("Last_Name", "After"));
        awaitDelivered(1);
        assertThat(deliveredIds()).containsExactly(id);
    }

    @Test
    void aChannelLostWhileBiginIsDownIsEnabledAgainOnceBiginIsBackAndNothingIsLostMeanwhile() throws Exception {
        consume("push", push("&reconcileInterval=1000")); // the list is checked every 4 s here
        String channel = consumer("push").getChannelId();
        emulator().faults().inject(Fault.status(503).on(null, "/actions/watch").always());
        emulator().faults().expireChannel(channel);

        String during = emulator().seed().insert("Contacts", Map.of("Last_Name", "WhileDown"));
        awaitDelivered(1);
        await(() -> emulator().observe().apiRequests().stream().filter(r -> r.path().contains("/actions/watch")).count() >= 2,
                15_000, "the check and the failed attempt to enable the channel again");
        assertThat(emulator().observe().channelIds()).isEmpty();

        emulator().faults().clear();
        await(() -> emulator().observe().channelIds().contains(channel), 15_000, "the channel enabled again");
        String after = emulator().seed().insert("Contacts", Map.of("Last_Name", "AfterOutage"));
        awaitDelivered(2);
        awaitTicks("push", 2);

        assertThat(deliveredIds("created")).containsExactly(during, after);
    }

    @Test
    void aLateCallbackWakesAPollThatFindsNothingNew() throws Exception {
        consume("push", push("&reconcileInterval=1000"));
        emulator().faults().delayCallbacks(Duration.ofMillis(2500));

        String id = emulator().seed().insert("Contacts", Map.of("Last_Name", "Late"));
        awaitDelivered(1); // by the reconciliation, before its callback
        await(() -> emulator().observe().callbacks().stream().anyMatch(c -> c.status() == 200), 10_000, "the late callback");
        awaitTicks("push", 3);

        assertThat(deliveredIds()).containsExactly(id);
        assertThat(delivered.peek().exchange().getIn().getHeader(BiginConstants.TRIGGER)).isEqualTo("reconciliation");
        assertThat(consumer("push").getCallbacksAccepted()).isEqualTo(1);
    }

    @Test
    void aChannelBiginRefusesStopsTheRouteFromStartingAndLeavesNoPathOpen() throws Exception {
        // Notes cannot be watched: Bigin refuses the channel's events
        org.apache.camel.builder.RouteBuilder route = new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(bigin("Notes?fields=Note_Title&notifications=true&notifyUrl=" + notifyUrl())).routeId("refused")
                        .to("log:x");
            }
        };

        assertThatThrownBy(() -> context.addRoutes(route)).rootCause()
                .hasMessageContaining("notification channel").hasMessageContaining("INVALID_DATA");
        assertThat(emulator().observe().channelIds()).isEmpty();
        assertThat(post("{}").statusCode()).as("nothing listens on the path").isEqualTo(404);
    }

    @Test
    void pushModeNeedsAPublicNotifyUrl() {
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?notifications=true")))
                .hasRootCauseMessage("notifications=true needs notifyUrl, the public http(s) URL Bigin POSTs its"
                                     + " callbacks to (e.g. https://hooks.example.com/bigin/contacts), not 'null'");
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?notifications=true&notifyUrl=/local")))
                .hasRootCauseMessage("notifications=true needs notifyUrl, the public http(s) URL Bigin POSTs its"
                                     + " callbacks to (e.g. https://hooks.example.com/bigin/contacts), not '/local'");
        assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?notifications=true&notifyUrl=" + notifyUrl()
                                                           + "&channelId=abc")))
                .rootCause().hasMessageContaining("channelId 'abc'");
    }
}
