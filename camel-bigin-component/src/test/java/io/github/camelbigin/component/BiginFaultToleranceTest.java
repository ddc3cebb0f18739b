package io.github.camelbigin.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.Fault;
import io.github.camelbigin.emulator.RecordedRequest;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.WriteResult;
import io.github.camelbigin.zoho.records.ZohoRecordErrorException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected by the emulator; each test asserts what arrived, what Bigin holds, and how many attempts were made:
 * nothing lost, nothing duplicated, bounded attempts.
 */
class BiginFaultToleranceTest extends ConsumerTestSupport {

    private String oauth(String moduleAndOptions) {
        return "bigin:" + moduleAndOptions + "&clientId=" + BiginEmulator.CLIENT_ID + "&clientSecret="
               + BiginEmulator.CLIENT_SECRET + "&refreshToken=" + BiginEmulator.REFRESH_TOKEN + "&accountsUrl="
               + emulator().accountsUrl() + "&retryInitialDelay=5&retryMaxDelay=20";
    }

    private static List<Map<String, Object>> people(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> Map.<String, Object> of("Last_Name", prefix + i))
                .collect(Collectors.toList());
    }

    private long count(String method, String path) {
        return apiRequests().stream().filter(r -> r.method().equals(method) && r.apiPath().equals(path)).count();
    }

    @Test
    void aStormOf429sWhileTenRoutesWriteLosesAndDuplicatesNothing() throws Exception {
        emulator().faults().inject(Fault.tooManyRequests(0).on("POST", "/Contacts").times(40));
        String uri = bigin("Contacts?operation=create&maxRetries=50");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Object>> done = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            String prefix = "T" + t + "-";
            done.add(pool.submit((Callable<Object>) () -> template.requestBody(uri, people(prefix, 300))));
        }
        for (Future<Object> f : done) {
            f.get();
        }
        pool.shutdown();

        List<Object> names = emulator().observe().records("Contacts").stream().map(r -> r.get("Last_Name")).collect(Collectors.toList());
        assertThat(names).hasSize(3000).doesNotHaveDuplicates();
        assertThat(count("POST", "/Contacts")).isEqualTo(30 + 40);
        assertThat(apiRequests()).filteredOn(r -> r.status() == 429).hasSize(40);
    }

    @Test
    void burstsOf5xxOnReadsAndUpdatesAreRetriedUntilTheyPass() {
        List<String> ids = emulator().seed().contacts(450);
        emulator().faults().inject(Fault.status(503).on("GET", "/Contacts").times(3), Fault.status(502).on("PUT", "/Contacts").times(2));

        List<Map<String, Object>> listed = template.requestBody(bigin("Contacts?operation=list&fields=Last_Name"),
                (Object) null, List.class);
        List<Map<String, Object>> changes = ids.subList(0, 150).stream()
                .map(id -> Map.<String, Object> of("id", id, "Title", "retried")).collect(Collectors.toList());
        List<WriteResult> updated = template.requestBody(bigin("Contacts?operation=update"), changes, List.class);

        assertThat(listed).extracting(r -> r.get("id")).hasSize(450).doesNotHaveDuplicates();
        assertThat(updated).hasSize(150).allMatch(WriteResult::isSuccess);
        assertThat(emulator().observe().records("Contacts")).filteredOn(r -> "retried".equals(r.get("Title"))).hasSize(150);
        assertThat(count("GET", "/Contacts")).isEqualTo(3 + 3);
        assertThat(count("PUT", "/Contacts")).isEqualTo(2 + 2);
    }

    @Test
    void aConnectionResetMidBodyOnThePageOfAReadIsRetriedAndNoRecordIsRepeated() {
        emulator().seed().contacts(450);
        emulator().faults().inject(Fault.cutBody().on("GET", "/Contacts").after(1));

        List<Map<String, Object>> listed = template.requestBody(bigin("Contacts?operation=list&fields=Last_Name"),
                (Object) null, List.class);

        assertThat(listed).extracting(r -> r.get("id")).hasSize(450).doesNotHaveDuplicates();
        assertThat(count("GET", "/Contacts")).isEqualTo(4);
    }

    @Test
    void aSlowAnswerToACreateIsNotResentAndBiginHoldsTheRecordOnce() {
        emulator().faults().inject(Fault.delay(800).on("POST", "/Contacts"));

        Exchange ex = send(bigin("Contacts?operation=create&socketTimeout=200"), Map.of("Last_Name", "Slow"));

        assertThat(ex.getException()).isInstanceOf(ZohoApiException.class)
                .hasMessageContaining("no answer within the socket timeout")
                .hasMessageContaining("may or may not have processed it");
        await(() -> emulator().observe().count("Contacts") == 1, 5_000, "the slow create to be processed");
        assertThat(count("POST", "/Contacts")).isEqualTo(1);
    }

    @Test
    void aSlowAnswerToAReadIsRetried() {
        emulator().seed().contacts(5);
        emulator().faults().inject(Fault.delay(800).on("GET", "/Contacts"));

        List<?> listed = template.requestBody(bigin("Contacts?operation=list&fields=Last_Name&socketTimeout=200"),
                (Object) null, List.class);

        assertThat(listed).hasSize(5);
        assertThat(count("GET", "/Contacts")).isEqualTo(2);
    }

    @Test
    void aTokenExpiringInTheMiddleOfAPagedReadIsRenewedAndThePageReplayed() {
        emulator().seed().contacts(450);
        emulator().faults().inject(Fault.expireTokens().on("GET", "/Contacts").after(1));

        List<Map<String, Object>> listed = template.requestBody(oauth("Contacts?operation=list&fields=Last_Name"),
                (Object) null, List.class);

        assertThat(listed).extracting(r -> r.get("id")).hasSize(450).doesNotHaveDuplicates();
        assertThat(emulator().observe().tokenRequests()).hasSize(2);
        assertThat(apiRequests()).extracting(RecordedRequest::status).containsExactly(200, 401, 200, 200);
    }

    @Test
    void aTokenExpiringInTheMiddleOfABatchWriteIsRenewedAndNoRecordIsWrittenTwice() {
        emulator().faults().inject(Fault.expireTokens().on("POST", "/Contacts").after(1));

        List<WriteResult> results = template.requestBody(oauth("Contacts?operation=create"), people("W", 250), List.class);

        assertThat(results).hasSize(250).allMatch(WriteResult::isSuccess);
        assertThat(emulator().observe().records("Contacts")).extracting(r -> r.get("Last_Name")).hasSize(250).doesNotHaveDuplicates();
        assertThat(apiRequests()).extracting(RecordedRequest::status).containsExactly(201, 401, 201, 201);
        assertThat(emulator().observe().tokenRequests()).hasSize(2);
    }

    @Test
    void sixteenThreadsMeetingAnExpiredTokenCauseOneRefresh() throws Exception {
        template.requestBody(oauth("Contacts?operation=org"), (Object) null);
        emulator().faults().expireTokens();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(pool.submit((Callable<Object>) () -> template.requestBody(oauth("Contacts?operation=org"), (Object) null)));
        }
        for (Future<Object> f : calls) {
            assertThat(f.get()).isInstanceOf(Map.class);
        }
        pool.shutdown();

        assertThat(emulator().observe().tokenRequests()).hasSize(2); // the first token, and one refresh for all 16
    }

    @Test
    void aServerRestartBetweenConsumerPollsLosesAndDuplicatesNothing() throws Exception {
        consume("c", "Contacts?maxRetries=0");
        List<String> before = emulator().seed().contacts(3);
        awaitDelivered(3);

        emulator().stop();
        List<String> whileDown = emulator().seed().records("Contacts", 2, i -> Map.of("Last_Name", "WhileDown" + i));
        awaitTicks("c", 2); // polls fail meanwhile: connection refused
        emulator().start();

        awaitDelivered(5);
        awaitPolls(3);
        List<String> all = new ArrayList<>(before);
        all.addAll(whileDown);
        assertThat(deliveredIds()).containsExactlyElementsOf(all);
    }

    @Test
    void theFailedRecordsOfABatchGoToADeadLetterAndTheGoodOnesAreNotRewritten() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(ZohoRecordErrorException.class).handled(true)
                        .process(e -> e.getMessage().setBody(e.getProperty(Exchange.EXCEPTION_CAUGHT,
                                ZohoRecordErrorException.class).getFailures()))
                        .split(body()).to("mock:dead");
                from("direct:import").to(bigin("Contacts?operation=create"));
            }
        });
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(2);
        List<Map<String, Object>> batch = new ArrayList<>(people("Good", 3));
        batch.add(1, Map.of("First_Name", "NoLastName"));
        batch.add(Map.of("Last_Name", "BadEmail", "Email", "not-an-email"));

        template.sendBody("direct:import", batch);

        dead.assertIsSatisfied();
        List<WriteResult> failed = dead.getExchanges().stream().map(e -> e.getIn().getBody(WriteResult.class))
                .collect(Collectors.toList());
        assertThat(failed).extracting(WriteResult::getIndex).containsExactly(1, 4);
        assertThat(failed).extracting(WriteResult::getCode).containsExactly("MANDATORY_NOT_FOUND", "INVALID_DATA");
        assertThat(failed.get(0).getInput()).containsEntry("First_Name", "NoLastName");
        assertThat(emulator().observe().count("Contacts")).isEqualTo(3);
        assertThat(count("POST", "/Contacts")).isEqualTo(1);
    }

    @Test
    void aRecordIdHeaderHoldingSeveralIdsDeletesNothing() {
        List<String> ids = emulator().seed().contacts(2);

        Exchange ex = send(bigin("Contacts?operation=delete"), null,
                Map.of(BiginConstants.RECORD_ID, ids.get(0) + "," + ids.get(1)));

        assertThat(ex.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header holds 2 ids").hasMessageContaining("CamelBiginRecordIds");
        assertThat(emulator().observe().count("Contacts")).isEqualTo(2);
        assertThat(apiRequests()).isEmpty();
    }

    @Test
    void aWriteWhoseSecondCallFailsReportsTheFirstCallsRecordsAsWrittenAndTheRestAsNotWritten() {
        emulator().faults().inject(Fault.status(500).on("POST", "/Contacts").after(1));

        Exchange ex = send(bigin("Contacts?operation=create"), people("P", 250));

        ZohoRecordErrorException e = (ZohoRecordErrorException) ex.getException();
        assertThat(e.getSuccesses()).hasSize(100);
        assertThat(e.getFailures()).hasSize(150);
        assertThat(e.getFailures().subList(0, 100)).extracting(WriteResult::getCode).containsOnly("INTERNAL_ERROR");
        assertThat(e.getFailures().subList(100, 150)).extracting(WriteResult::getCode).containsOnly(WriteResult.NOT_ATTEMPTED);
        assertThat(e.getFailures().get(0).getInput()).containsEntry("Last_Name", "P100");
        assertThat(emulator().observe().count("Contacts")).isEqualTo(100);
        assertThat(count("POST", "/Contacts")).isEqualTo(2);
    }
}
