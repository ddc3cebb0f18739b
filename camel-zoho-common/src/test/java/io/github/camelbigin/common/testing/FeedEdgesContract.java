package io.github.camelbigin.common.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

import io.github.camelbigin.common.ZohoComponent;
import io.github.camelbigin.common.consumer.StuckRecord;
import io.github.camelbigin.common.consumer.ZohoConsumer;
import io.github.camelbigin.common.options.Header;
import io.github.camelbigin.zoho.testing.FakeClock;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The change feed at its edges — the second after the start, a busy second before it, a created-only feed under edits
 * of old records, a record whose exchange always fails, a schedule that makes no sense — on each component, in
 * polling and push mode. {@code bigin:} and {@code zohocrm:} each run it on their emulator flavour.
 */
public abstract class FeedEdgesContract extends EmulatorTestSupport {

    private final int port = LocalPlatformHttp.freePort();
    /** What the route delivered: "type id". */
    protected final ConcurrentLinkedQueue<String> delivered = new ConcurrentLinkedQueue<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return withHealthChecks(LocalPlatformHttp.addTo(super.createCamelContext(), port));
    }

    /** The options that put a consumer in push mode, or none for polling. */
    private String mode(boolean push) {
        return push ? "&notifications=true&reconcileInterval=3600000&notifyUrl=http://127.0.0.1:" + port + "/feed" : "";
    }

    private void consume(String moduleAndOptions) throws Exception {
        String uri = uri(moduleAndOptions);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("feed").process(e -> delivered.add(
                        e.getIn().getHeader(FeedEdgesContract.this.header(Header.EVENT_TYPE)) + " "
                        + e.getIn().getHeader(FeedEdgesContract.this.header(Header.RECORD_ID))));
            }
        });
    }

    /** The feed's reads of the module the emulator answered. */
    private long contactsReads() {
        return emulator().observe().apiRequests().stream().filter(r -> r.apiPath().equals("/Contacts")
                                                                        && r.isAnswered()).count();
    }

    private ZohoConsumer feedConsumer() {
        return (ZohoConsumer) context.getRoute("feed").getConsumer();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (long until = System.currentTimeMillis() + 20_000; !condition.getAsBoolean();) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @ParameterizedTest(name = "push mode: {0}")
    @ValueSource(booleans = {false, true})
    void aRecordCreatedJustAfterTheRouteStartedArrivesThoughTheFirstPollComesLater(boolean push) throws Exception {
        emulator().seed().records("Contacts", 3, i -> Map.of("Last_Name", "Old" + i));
        consume("Contacts?fields=Last_Name&initialDelay=3000&delay=50" + mode(push));
        Thread.sleep(300);
        String fresh = emulator().seed().insert("Contacts", Map.of("Last_Name", "JustAfterTheStart"));

        await(() -> !delivered.isEmpty(), "the record made 300 ms after the start");
        awaitTicks("feed", 3); // more polls find nothing else
        assertThat(List.copyOf(delivered)).containsExactly("created " + fresh);
    }

    @ParameterizedTest(name = "push mode: {0}")
    @ValueSource(booleans = {false, true})
    void aBusySecondJustBeforeTheStartIsHeldWholeSoNothingOldArrives(boolean push) throws Exception {
        Instant busy = Instant.now().plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        emulator().clock().freezeAt(busy);
        emulator().seed().records("Contacts", 2300, i -> Map.of("Last_Name", "Busy" + i));
        List<String> doomed = emulator().seed().records("Contacts", 252, i -> Map.of("Last_Name", "Doomed" + i));
        for (String id : doomed.subList(0, 251)) {
            emulator().seed().delete("Contacts", id);
        }
        consume("Contacts?fields=Last_Name&events=created,updated,deleted&initialDelay=0&delay=50" + mode(push));
        await(() -> feedConsumer().getState() != null, "the starting point");
        assertThat(feedConsumer().getState().changes().ids()).as("every record of the start's second").hasSize(2300 + 1);
        assertThat(feedConsumer().getState().deletions().ids()).as("every deletion of the start's second").hasSize(251);

        emulator().clock().advance(Duration.ofSeconds(2));
        String fresh = emulator().seed().insert("Contacts", Map.of("Last_Name", "AfterTheStart"));
        emulator().seed().delete("Contacts", doomed.get(251));

        await(() -> delivered.size() >= 2, "the two changes after the start");
        awaitTicks("feed", 3);
        assertThat(List.copyOf(delivered)).containsExactlyInAnyOrder("created " + fresh, "deleted " + doomed.get(251));
    }

    /** Contacts created two minutes ago: their second is settled, as an org's records mostly are. */
    private List<String> oldContacts(int n) {
        emulator().clock().freezeAt(Instant.now().minusSeconds(120));
        List<String> ids = emulator().seed().records("Contacts", n, i -> Map.of("Last_Name", "Old" + i));
        emulator().clock().reset();
        return ids;
    }

    @ParameterizedTest(name = "push mode: {0}")
    @ValueSource(booleans = {false, true})
    void aCreatedOnlyFeedPaysOneCallAnIdlePollWhateverOldRecordsWereEdited(boolean push) throws Exception {
        List<String> old = oldContacts(450);
        FakeClock clock = new FakeClock(java.time.Instant.now()); // the safety net goes by it: moved, not waited for
        ((ZohoComponent<?>) context.getComponent(scheme())).clock(clock);
        // every field of the module (more than one request names); polling: five polls after a second; push mode:
        // the safety-net poll every second of the component's clock
        consume(push ? "Contacts?reconcileInterval=1000" + mode(true).replace("&reconcileInterval=3600000", "")
                : "Contacts?initialDelay=1000&delay=50&repeatCount=5");
        await(() -> feedConsumer().getState() != null, "the starting point");
        if (push) {
            // the first poll (at once in push mode) has ended: a poll still running when the clock moves would take
            // the move as its own, and set the next safety net a second after the moved clock
            awaitTicks("feed", 1);
        }
        for (String id : old) {
            emulator().seed().update("Contacts", id, Map.of("Title", "edited"));
        }
        emulator().observe().clearRequests();

        if (push) {
            for (int second = 1; second <= 3; second++) {
                clock.advance(Duration.ofSeconds(1));
                long polled = second;
                await(() -> contactsReads() >= polled, "the safety-net poll of second " + second);
                awaitTicks("feed", 1); // that poll has ended: the next safety net is a second after it
            }
            awaitTicks("feed", 3);
        } else {
            await(() -> feedConsumer().getCounter() >= 5, "the five polls");
        }
        List<io.github.camelbigin.emulator.RecordedRequest> polls = emulator().observe().apiRequests().stream()
                .filter(r -> r.apiPath().equals("/Contacts")).toList();
        assertThat(polls).as("each idle poll one call: the newest page's creation times").allSatisfy(r -> {
            assertThat(r.query("sort_order")).isEqualTo("desc");
            assertThat(r.query("fields")).isEqualTo("Created_Time");
            assertThat(r.header("If-Modified-Since")).isNull();
        });
        if (push) {
            assertThat(polls).as("a safety-net poll a second, three seconds").hasSize(3);
        } else {
            assertThat(emulator().observe().apiCalls()).as("calls of five idle polls after 450 edits").isEqualTo(5);
        }
        assertThat(delivered).isEmpty();
    }

    @Test
    void aCreatedOnlyFeedStillDeliversNewRecordsAmongEditsOnce() throws Exception {
        List<String> old = oldContacts(450);
        consume("Contacts?initialDelay=0&delay=50");
        await(() -> feedConsumer().getState() != null, "the starting point");
        for (String id : old.subList(0, 300)) {
            emulator().seed().update("Contacts", id, Map.of("Title", "edited"));
        }
        List<String> fresh = emulator().seed().records("Contacts", 250, i -> Map.of("Last_Name", "New" + i));

        await(() -> delivered.size() >= 250, "the 250 new records");
        awaitTicks("feed", 3);
        assertThat(List.copyOf(delivered)).containsExactlyElementsOf(fresh.stream().map(id -> "created " + id).toList());
    }

    /** A route that fails every exchange of the contact named Poison. */
    private void consumeFailingOnPoison(boolean parkInDeadLetter) throws Exception {
        String uri = uri("Contacts?fields=Last_Name&initialDelay=0&delay=50");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (parkInDeadLetter) {
                    errorHandler(deadLetterChannel("mock:parked"));
                }
                from(uri).routeId("feed").process(e -> {
                    delivered.add(e.getIn().getBody(Map.class).get("Last_Name").toString());
                    if ("Poison".equals(e.getIn().getBody(Map.class).get("Last_Name"))) {
                        throw new IllegalStateException("the downstream system refuses this record");
                    }
                });
            }
        });
        await(() -> feedConsumer().getState() != null, "the starting point");
    }

    @Test
    void aRecordThatAlwaysFailsIsShownAsStuckInJmxAndTheHealthCheck() throws Exception {
        consumeFailingOnPoison(false);
        emulator().seed().insert("Contacts", Map.of("Last_Name", "Before"));
        String poison = emulator().seed().insert("Contacts", Map.of("Last_Name", "Poison"));
        emulator().seed().insert("Contacts", Map.of("Last_Name", "After"));

        await(() -> feedConsumer().getStuckAttempts() >= StuckRecord.UNHEALTHY_ATTEMPTS, "three failed polls");
        assertThat(List.copyOf(delivered)).startsWith("Before", "Poison", "Poison").doesNotContain("After");
        assertThat(feedConsumer().getStuckRecordId()).isEqualTo(poison);
        assertThat(feedConsumer().getStuckSince()).isNotNull();

        HealthCheck.Result health = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith(scheme() + "-Contacts-")).findFirst().orElseThrow();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getMessage()).get().asString().contains("stuck on record " + poison)
                .contains("deadLetterChannel");
        assertThat(health.getDetails()).containsEntry(scheme() + ".stuck.record.id", poison)
                .containsKey(scheme() + ".stuck.since");
    }

    @Test
    void aDeadLetterChannelParksARecordThatAlwaysFailsOnceAndTheFeedMovesOn() throws Exception {
        MockEndpoint parked = getMockEndpoint("mock:parked");
        consumeFailingOnPoison(true);
        emulator().seed().insert("Contacts", Map.of("Last_Name", "Before"));
        String poison = emulator().seed().insert("Contacts", Map.of("Last_Name", "Poison"));
        emulator().seed().insert("Contacts", Map.of("Last_Name", "After"));

        await(() -> delivered.contains("After"), "the record after the failing one");
        awaitTicks("feed", 3);
        assertThat(List.copyOf(delivered)).containsExactly("Before", "Poison", "After");
        assertThat(parked.getReceivedExchanges()).singleElement().satisfies(e -> assertThat(
                e.getIn().getHeader(FeedEdgesContract.this.header(Header.RECORD_ID))).isEqualTo(poison));
        assertThat(feedConsumer().getStuckRecordId()).isNull();
    }

    @Test
    void aDelayOfZeroOrLessIsRefusedAtEndpointCreationNamingWhatPollsCost() {
        for (String delay : List.of("0", "-1")) {
            assertThatThrownBy(() -> context.getEndpoint(uri("Contacts?delay=" + delay)))
                    .rootCause().hasMessageContaining("delay=" + delay).hasMessageContaining("5,000-credit day");
        }
        assertThatThrownBy(() -> context.getEndpoint(uri("Contacts?initialDelay=-5")))
                .rootCause().hasMessageContaining("initialDelay=-5");
        assertThatThrownBy(() -> context.getEndpoint(uri("Contacts?repeatCount=-1")))
                .rootCause().hasMessageContaining("repeatCount=-1");
        assertThatThrownBy(() -> context.getEndpoint(uri("Contacts?bulkTimeout=0")))
                .rootCause().hasMessageContaining("bulkTimeout=0");
        assertThatThrownBy(() -> context.getEndpoint(uri("Contacts?socketTimeout=-1")))
                .rootCause().hasMessageContaining("socketTimeout=-1");
    }
}
