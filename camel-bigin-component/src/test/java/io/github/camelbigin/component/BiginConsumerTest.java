package io.github.camelbigin.component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelbigin.emulator.Fault;
import io.github.camelbigin.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The polling consumer's behaviour with the default change detection (list + If-Modified-Since). */
class BiginConsumerTest extends ConsumerTestSupport {

    @Test
    void createdRecordsArriveExactlyOnceWithTheirHeaders() throws Exception {
        consume("c", "Contacts");
        List<String> ids = emulator().seed().contacts(3);

        awaitDelivered(3);
        awaitPolls(3);

        assertThat(deliveredIds()).containsExactlyElementsOf(ids);
        Delivery first = delivered.peek();
        assertThat(first.type()).isEqualTo("created");
        assertThat(first.exchange().getIn().getHeader(BiginConstants.MODULE)).isEqualTo("Contacts");
        assertThat(first.exchange().getIn().getHeader(BiginConstants.MODIFIED_TIME)).isInstanceOf(OffsetDateTime.class);
        assertThat(first.exchange().getIn().getBody(Map.class)).containsEntry("Last_Name", "Number0")
                .containsEntry("Email", "contact0@example.com");
    }

    @Test
    void byDefaultOnlyRecordsCreatedAfterTheRouteStartedArrive() throws Exception {
        emulator().seed().contacts(5);
        consume("c", "Contacts");

        String later = emulator().seed().insert("Contacts", Map.of("Last_Name", "Later"));

        awaitDelivered(1);
        awaitPolls(3);
        assertThat(deliveredIds()).containsExactly(later);
    }

    @Test
    void beginningReplaysEveryExistingRecordFirst() throws Exception {
        List<String> existing = emulator().seed().contacts(5);

        consume("c", "Contacts?initialPosition=beginning");

        awaitDelivered(5);
        assertThat(deliveredIds()).containsExactlyElementsOf(existing);
    }

    @Test
    void anInitialPositionInstantStartsThere() throws Exception {
        emulator().clock().freezeAt(Instant.parse("2026-03-01T10:00:00Z"));
        emulator().seed().contacts(2);
        emulator().clock().freezeAt(Instant.parse("2026-03-01T11:00:00Z"));
        List<String> after = emulator().seed().contacts(2);

        consume("c", "Contacts?initialPosition=2026-03-01T02:30:00-08:00");

        awaitDelivered(2);
        awaitPolls(2);
        assertThat(deliveredIds()).containsExactlyElementsOf(after);
    }

    @Test
    void updatesArriveOnlyWhenAskedFor() throws Exception {
        List<String> ids = emulator().seed().contacts(2);
        consume("created-only", "Contacts");
        consume("both", "Contacts?events=created,updated");

        emulator().seed().update("Contacts", ids.get(0), Map.of("Title", "changed"));
        String fresh = emulator().seed().insert("Contacts", Map.of("Last_Name", "Fresh"));

        awaitDelivered(3);
        awaitPolls(4);
        assertThat(delivered).extracting(d -> d.exchange().getFromRouteId() + ":" + d.type() + ":" + d.id())
                .containsExactlyInAnyOrder("created-only:created:" + fresh, "both:updated:" + ids.get(0),
                        "both:created:" + fresh);
        Delivery update = delivered.stream().filter(d -> "updated".equals(d.type())).findFirst().orElseThrow();
        assertThat(update.exchange().getIn().getBody(Map.class)).containsEntry("Title", "changed");
    }

    @Test
    void deletionsArriveWhenAskedForWithTimeAndUser() throws Exception {
        List<String> ids = emulator().seed().contacts(3);
        consume("d", "Contacts?events=deleted");

        emulator().seed().delete("Contacts", ids.get(1));

        awaitDelivered(1);
        awaitPolls(2);
        Delivery d = delivered.peek();
        assertThat(d.type()).isEqualTo("deleted");
        assertThat(d.id()).isEqualTo(ids.get(1));
        assertThat(d.exchange().getIn().getHeader(BiginConstants.DELETED_TIME)).isInstanceOf(OffsetDateTime.class);
        assertThat(d.exchange().getIn().getHeader(BiginConstants.DELETED_BY, Map.class)).containsKey("name");
        assertThat(deliveredIds()).hasSize(1);
    }

    @Test
    void moreDeletionsBetweenTwoPollsThanBiginListsAreFlaggedInAHeaderAndCounted() throws Exception {
        List<String> ids = emulator().seed().contacts(2100);
        // one poll delivers the 2,000 it can see (with batches of 1,000, whether the second poll reaches back
        // depends on how many seconds the deletions spanned)
        consume("d", "Contacts?events=deleted&maxMessagesPerPoll=5000");
        context.getRouteController().stopRoute("d");
        for (String id : ids) {
            emulator().seed().delete("Contacts", id);
        }

        context.getRouteController().startRoute("d");
        awaitDelivered(2000);

        assertThat(delivered).allSatisfy(d -> assertThat(d.exchange().getIn()
                .getHeader(BiginConstants.DELETIONS_MAY_BE_MISSING)).isEqualTo(true));
        assertThat(consumer("d").getDeletionGaps()).as("polls that could not reach back").isPositive();
        assertThat(deliveredIds()).doesNotHaveDuplicates().hasSize(2000);
    }

    @Test
    void deletionsAreNotDeliveredUnlessAskedFor() throws Exception {
        List<String> ids = emulator().seed().contacts(1);
        consume("c", "Contacts?events=created,updated");

        emulator().seed().delete("Contacts", ids.get(0));
        awaitPolls(3);

        assertThat(delivered).isEmpty();
        assertThat(apiRequests()).noneMatch(r -> r.apiPath().endsWith("/deleted"));
    }

    @Test
    void twentyFiveHundredRecordsCreatedInOneBurstAllArriveOnce() throws Exception {
        consume("c", "Contacts");

        List<String> ids = emulator().seed().contacts(2500);

        awaitDelivered(2500);
        awaitPolls(2);
        assertThat(deliveredIds()).hasSize(2500).containsExactlyElementsOf(ids);
    }

    @Test
    void recordsSharingTheBoundarySecondAreNeitherLostNorDoubled() throws Exception {
        emulator().clock().freeze();
        consume("c", "Contacts");
        List<String> first = emulator().seed().contacts(3);
        awaitDelivered(3);

        // same second as the records already delivered: the "+1 s" bug would lose these
        List<String> second = emulator().seed().records("Contacts", 2, i -> Map.of("Last_Name", "SameSecond" + i));
        awaitDelivered(5);
        awaitPolls(3);

        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(deliveredIds()).containsExactlyElementsOf(all); // the "≥ without ids" bug would double the first 3
    }

    @Test
    void moreRecordsInOneSecondThanAPageHoldsAllArriveOnce() throws Exception {
        emulator().clock().freeze();
        consume("c", "Contacts?events=created,updated");

        List<String> ids = emulator().seed().contacts(450);

        awaitDelivered(450);
        awaitPolls(2);
        assertThat(deliveredIds()).hasSize(450).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aRecordThatFailsIsDeliveredAgainAndTheOnesAfterItAreNotLost() throws Exception {
        AtomicBoolean failedOnce = new AtomicBoolean();
        List<String> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> ids = new ArrayList<>();
        String uri = bigin("Contacts?delay=50&initialDelay=0" + strategyOptions());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("failing").process(e -> {
                    String id = e.getIn().getHeader(BiginConstants.RECORD_ID, String.class);
                    attempts.add(id);
                    if (ids.size() > 1 && id.equals(ids.get(1)) && failedOnce.compareAndSet(false, true)) {
                        throw new IllegalStateException("downstream system unavailable");
                    }
                    delivered.add(new Delivery("created", id, e.copy()));
                });
            }
        });
        awaitStarted("failing");

        ids.addAll(emulator().seed().contacts(5));

        awaitDelivered(5);
        awaitPolls(3);
        assertThat(failedOnce).isTrue();
        assertThat(deliveredIds()).containsExactlyElementsOf(ids);
        assertThat(attempts).containsExactly(ids.get(0), ids.get(1), ids.get(1), ids.get(2), ids.get(3), ids.get(4));
    }

    @Test
    void aPollIsABatchWithCamelBatchPropertiesAndMaxMessagesPerPoll() throws Exception {
        consume("c", "Contacts?maxMessagesPerPoll=4");
        emulator().seed().contacts(10);

        awaitDelivered(10);

        List<Integer> sizes = delivered.stream()
                .map(d -> d.exchange().getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class)).toList();
        assertThat(sizes).containsExactly(4, 4, 4, 4, 4, 4, 4, 4, 2, 2);
        assertThat(delivered).extracting(d -> d.exchange().getProperty(ExchangePropertyKey.BATCH_INDEX, Integer.class))
                .containsExactly(0, 1, 2, 3, 0, 1, 2, 3, 0, 1);
        assertThat(delivered).extracting(d -> d.exchange().getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class))
                .containsExactly(false, false, false, true, false, false, false, true, false, true);
    }

    @Test
    void anIdlePollCostsExactlyOneRequest() throws Exception {
        emulator().clock().freezeAt(Instant.now().minus(Duration.ofMinutes(5)));
        emulator().seed().contacts(10);
        consume("c", "Contacts?events=created,updated");
        awaitPolls(3);
        emulator().observe().clearRequests();

        awaitPolls(20);

        // each poll: one request, answered "nothing" (list: 304 Not Modified; coql: 204 No Content)
        assertThat(apiRequests()).allSatisfy(this::assertIdlePoll);
    }

    @Test
    void anIdlePollStaysOneRequestWhenManyRecordsShareTheWatermarkSecond() throws Exception {
        emulator().clock().freezeAt(Instant.now().minus(Duration.ofMinutes(5)));
        consume("c", "Contacts?events=created,updated");
        emulator().seed().contacts(450);
        awaitDelivered(450);
        awaitPolls(3);
        emulator().observe().clearRequests();

        awaitPolls(10);

        assertThat(apiRequests()).allSatisfy(this::assertIdlePoll);
        assertThat(deliveredIds()).hasSize(450).doesNotHaveDuplicates();
    }

    @Test
    void aRecordCreatedAndUpdatedDuringABacklogArrivesOnceAsCreated() throws Exception {
        emulator().clock().freezeAt(Instant.parse("2026-03-01T10:00:00Z"));
        consume("c", "Contacts?events=created,updated&maxMessagesPerPoll=100");
        context.getRouteController().stopRoute("c");

        emulator().clock().advance(Duration.ofSeconds(1));
        String early = emulator().seed().insert("Contacts", Map.of("Last_Name", "Early"));
        emulator().clock().advance(Duration.ofSeconds(1));
        emulator().seed().contacts(250);
        emulator().clock().advance(Duration.ofSeconds(1));
        emulator().seed().update("Contacts", early, Map.of("Title", "touched by a workflow"));
        context.getRouteController().startRoute("c");

        awaitDelivered(251);
        awaitPolls(2);
        assertThat(deliveredIds()).hasSize(251).doesNotHaveDuplicates();
        assertThat(deliveredIds("updated")).isEmpty();
        assertThat(deliveredIds().get(250)).isEqualTo(early);
    }

    @Test
    void whileABatchIsProcessedTheNextBatchIsAlreadyBeingReadUnlessReadAheadIsOff() throws Exception {
        List<String> ids = seedSixSecondsOfAHundred();

        int onDemand = readsWhenTheFirstBatchIsProcessed("on-demand", "&readAhead=false", ids);
        int ahead = readsWhenTheFirstBatchIsProcessed("ahead", "", ids);

        assertThat(ahead).isGreaterThan(onDemand);
    }

    @Test
    void aFailingExchangeWastesOneReadAheadAtMostAndLaterFailingPollsReadNothingAhead() throws Exception {
        seedSixSecondsOfAHundred();
        int onDemand = readsToDeliverAllWithARecordFailingThreeTimes("on-demand", "&readAhead=false");
        int ahead = readsToDeliverAllWithARecordFailingThreeTimes("ahead", "");

        // the read ahead started before the first failure is thrown away: a batch of 200 spans 3 pages at most
        assertThat(ahead).isBetween(onDemand, onDemand + 3);
    }

    @Test
    void aReadAheadThatFailsIsReadAgainAtTheNextPollAndNothingIsLostOrDoubled() throws Exception {
        List<String> ids = seedSixSecondsOfAHundred();
        // the first poll reads two pages (200 records and the one after them); the third read is the read ahead's
        emulator().faults().inject(Fault.status(503).on(null, pollPath()).after(2).times(1));

        consume("c", "Contacts?initialPosition=beginning&maxMessagesPerPoll=200&maxRetries=0");

        awaitDelivered(600);
        awaitPolls(2);
        assertThat(emulator().observe().apiRequests()).extracting(RecordedRequest::status).contains(503);
        assertThat(deliveredIds()).containsExactlyElementsOf(ids);
    }

    @Test
    void withUseIteratorFalseAPollIsOneExchangeWithTheListOfItsRecords() throws Exception {
        List<String> ids = emulator().seed().contacts(450);
        List<Exchange> polls = consumeAsLists("lists", "&maxMessagesPerPoll=200", e -> {
        });

        await(() -> polls.stream().mapToInt(e -> e.getIn().getBody(List.class).size()).sum() >= 450, 10_000,
                "450 records");
        assertThat(polls).extracting(e -> e.getIn().getBody(List.class).size()).containsExactly(200, 200, 50);
        List<String> bodyIds = new ArrayList<>();
        for (Exchange e : polls) {
            List<?> body = e.getIn().getBody(List.class);
            assertThat(e.getIn().getHeader(BiginConstants.RECORD_COUNT)).isEqualTo(body.size());
            assertThat(e.getIn().getHeader(BiginConstants.EVENT_TYPES, List.class)).hasSize(body.size())
                    .containsOnly("created");
            assertThat(e.getIn().getHeader(BiginConstants.RECORD_IDS, List.class))
                    .isEqualTo(body.stream().map(r -> ((Map<?, ?>) r).get("id")).toList());
            assertThat(e.getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class)).isEqualTo(1);
            body.forEach(r -> bodyIds.add(String.valueOf(((Map<?, ?>) r).get("id"))));
        }
        assertThat(bodyIds).containsExactlyElementsOf(ids);
    }

    @Test
    void withUseIteratorFalseAListWhoseExchangeFailsIsDeliveredAgainWhole() throws Exception {
        List<String> ids = seedSixSecondsOfAHundred();
        AtomicInteger attempts = new AtomicInteger();
        List<Exchange> polls = consumeAsLists("lists", "&maxMessagesPerPoll=250", e -> {
            if (attempts.incrementAndGet() == 2) {
                throw new IllegalStateException("the bulk insert failed");
            }
        });

        await(() -> polls.stream().mapToInt(e -> e.getIn().getBody(List.class).size()).sum() >= 600, 10_000,
                "600 records");
        List<String> delivered = new ArrayList<>();
        polls.forEach(e -> e.getIn().getBody(List.class).forEach(r -> delivered.add(String.valueOf(((Map<?, ?>) r)
                .get("id")))));
        assertThat(attempts.get()).isEqualTo(4); // 250, 250 (failed), the same 250 again, 100
        assertThat(delivered).containsExactlyElementsOf(ids);
    }

    /** Starts a route with useIterator=false on the backlog; returns the exchanges that passed {@code before}. */
    private List<Exchange> consumeAsLists(String routeId, String options, org.apache.camel.Processor before)
            throws Exception {
        List<Exchange> polls = new java.util.concurrent.CopyOnWriteArrayList<>();
        String uri = bigin("Contacts?initialPosition=beginning&useIterator=false&delay=50&initialDelay=0" + options
                           + strategyOptions());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(before).process(e -> polls.add(e.copy()));
            }
        });
        return polls;
    }

    /** 600 records, 100 a second, as a backlog a route delivers in batches of 200. */
    private List<String> seedSixSecondsOfAHundred() {
        emulator().clock().freezeAt(Instant.parse("2026-03-01T10:00:00Z"));
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            ids.addAll(emulator().seed().contacts(100));
            emulator().clock().advance(Duration.ofSeconds(1));
        }
        return ids;
    }

    /**
     * How many record reads a route has made when it ends processing its first batch of 200 (slowly: 2 ms an
     * exchange); it then delivers all {@code ids} in order.
     */
    private int readsWhenTheFirstBatchIsProcessed(String routeId, String options, List<String> ids) throws Exception {
        long before = reads();
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        consumeBacklog(routeId, options, e -> {
            if (e.getProperty(ExchangePropertyKey.BATCH_INDEX, Integer.class) == 0) {
                batches.incrementAndGet();
            }
            if (batches.get() == 1) {
                Thread.sleep(2);
                if (e.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class)) {
                    reads.set((int) (reads() - before));
                }
            }
        });
        context.getRouteController().stopRoute(routeId);
        assertThat(deliveredIds()).containsExactlyElementsOf(ids);
        return reads.get();
    }

    /**
     * Runs a route that reads the 600-record backlog from the beginning in batches of 200 (with its own watermark),
     * calls {@code before} on each exchange and records the ones that pass it; returns once 600 were delivered.
     */
    private void consumeBacklog(String routeId, String options, org.apache.camel.Processor before) throws Exception {
        delivered.clear();
        String uri = bigin("Contacts?initialPosition=beginning&maxMessagesPerPoll=200&delay=50&initialDelay=0"
                           + "&stateKey=" + routeId + options + strategyOptions());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(before).process(e -> delivered.add(new Delivery("created",
                        e.getIn().getHeader(BiginConstants.RECORD_ID, String.class), e.copy())));
            }
        });
        awaitDelivered(600);
    }

    /** The record reads (list or COQL calls) the emulator has answered or is answering. */
    private long reads() {
        return emulator().observe().apiRequests().stream().filter(r -> r.apiPath().startsWith(pollPath())).count();
    }

    /** Reads that found records: an idle poll (304 or 204) is not one, and how many fall before a stop is timing. */
    private long readsWithRecords() {
        return emulator().observe().apiRequests().stream().filter(r -> r.apiPath().startsWith(pollPath()) && r.status() == 200)
                .count();
    }

    /** Record reads a route spends on 600 records when the 50th fails three times; it then delivers all in order. */
    private int readsToDeliverAllWithARecordFailingThreeTimes(String routeId, String options) throws Exception {
        long before = readsWithRecords();
        AtomicInteger failures = new AtomicInteger();
        consumeBacklog(routeId, options, e -> {
            if (delivered.size() == 49 && failures.incrementAndGet() <= 3) {
                throw new IllegalStateException("downstream system unavailable");
            }
        });
        awaitPolls(2);
        context.getRouteController().stopRoute(routeId);
        assertThat(failures.get()).isEqualTo(4);
        assertThat(deliveredIds()).hasSize(600).doesNotHaveDuplicates();
        return (int) (readsWithRecords() - before);
    }

    /** The API path the strategy under test polls. */
    protected String pollPath() {
        return "/Contacts";
    }

    /** One idle poll of the strategy under test. */
    protected void assertIdlePoll(RecordedRequest r) {
        assertThat(r.method() + " " + r.apiPath()).isEqualTo("GET /Contacts");
        assertThat(r.status()).isEqualTo(304);
    }

    @Test
    void aRecordChangedAgainWithinTheSecondItWasDeliveredInArrivesAsUpdated() throws Exception {
        emulator().clock().freeze();
        consume("c", "Contacts?events=created,updated");
        String id = emulator().seed().insert("Contacts", Map.of("Last_Name", "Quick"));
        awaitDelivered(1);

        emulator().seed().update("Contacts", id, Map.of("Title", "same second"));

        awaitDelivered(2);
        awaitPolls(3);
        assertThat(delivered).extracting(Delivery::type).containsExactly("created", "updated");
        assertThat(delivered).last().satisfies(d -> assertThat(d.exchange().getIn().getBody(Map.class))
                .containsEntry("Title", "same second"));
    }

    @Test
    void aRecordChangedWhileTheConsumerPagesArrivesAsCreatedThenUpdated() throws Exception {
        emulator().clock().freeze();
        List<String> ids = emulator().seed().contacts(450);
        String moved = ids.get(10);
        // when the second page is asked (the third request: a page of every field takes two), a user changes a
        // record the first page already delivered
        emulator().faults().inject(io.github.camelbigin.emulator.Fault.action(
                () -> emulator().seed().update("Contacts", moved, Map.of("Title", "changed mid-read")))
                .on(null, pollPath()).after(2));

        consume("c", "Contacts?events=created,updated&initialPosition=beginning");

        awaitDelivered(451);
        awaitPolls(2);
        assertThat(deliveredIds("created")).hasSize(450).doesNotHaveDuplicates();
        assertThat(deliveredIds("updated")).containsExactly(moved);
    }

    @Test
    void aServerThatIgnoresIfModifiedSinceStillCostsOneRequestPerIdlePollAndLosesNothing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(strategyOptions().isEmpty(), "only list reads use the header");
        emulator().tuning().honorIfModifiedSince(false);
        emulator().seed().contacts(600);
        consume("c", "Contacts?events=created,updated");
        awaitPolls(2);
        emulator().observe().clearRequests();
        awaitPolls(10);
        int idleCalls = apiRequests().size();
        long polls = apiRequests().stream().filter(r -> "asc".equals(r.query("sort_order"))).count();

        List<String> ids = emulator().seed().contacts(3);
        awaitDelivered(3);
        awaitPolls(3);

        assertThat(deliveredIds()).containsExactlyElementsOf(ids);
        // every idle poll: one asc page (its first row shows the header was ignored) and one newest-first page
        assertThat(idleCalls).isLessThanOrEqualTo((int) polls * 2 + 2);
    }

    @Test
    void invalidConsumerOptionsFailAtEndpointCreation() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?events=created,removed")))
                .rootCause().hasMessageContaining("Unknown event 'removed'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?initialPosition=yesterday")))
                .rootCause().hasMessageContaining("initialPosition 'yesterday'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?changeDetection=webhook")))
                .rootCause().hasMessageContaining("use list or coql");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getEndpoint(bigin("Contacts?stateSaveEvery=0")))
                .rootCause().hasMessageContaining("stateSaveEvery 0 is less than 1");
    }
}
