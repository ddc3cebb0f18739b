package io.github.camelbigin.zohocrm;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.common.testing.LocalPlatformHttp;
import io.github.camelbigin.emulator.Fault;
import io.github.camelbigin.emulator.RecordedRequest;
import io.github.camelbigin.zoho.testing.FakeClock;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's faults on the CRM flavour: what is retried, what is never sent twice, how channels are kept. */
class ZohoCrmFaultTest extends ZohoCrmTestSupport {

    private final int port = AvailablePortFinder.getNextAvailable();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return LocalPlatformHttp.addTo(super.createCamelContext(), port);
    }

    @Test
    void a429IsWaitedOutAndRetriedAndACreateLostAfterProcessingIsNeverSentTwice() {
        emulator().faults().inject(Fault.tooManyRequests(1).on("POST").times(1));
        List<?> created = template.requestBody(crm("Leads?operation=create"), Map.of("Last_Name", "Retried"),
                List.class);
        emulator().faults().inject(Fault.dropAfterProcessing().on("POST").times(1));
        Exchange lost = template.send(crm("Leads?operation=create"), e -> e.getIn().setBody(Map.of("Last_Name",
                "Once")));

        assertThat(created).hasSize(1);
        assertThat(lost.getException()).hasMessageContaining("Zoho CRM may or may not have processed it, so it was not"
                + " sent again");
        assertThat(emulator().observe().records("Leads")).extracting(r -> r.get("Last_Name"))
                .containsExactlyInAnyOrder("Retried", "Once");
        assertThat(apiRequests()).extracting(RecordedRequest::status).containsExactly(429, 201, 0);
    }

    @Test
    void aPushConsumersChannelIsAskedForSixDaysWhichZohoCrmAllowsAndBiginWouldNot() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(crm("Leads?events=created&notifications=true&reconcileInterval=3600000&notifyUrl=http://127.0.0.1:"
                         + port + "/crm/leads")).routeId("push").to("mock:leads");
            }
        });
        long until = System.currentTimeMillis() + 10_000;
        while (emulator().observe().channelIds().isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }

        RecordedRequest enable = apiRequests().stream().filter(r -> r.apiPath().equals("/actions/watch")
                                                                   && r.method().equals("POST")).findFirst().orElseThrow();
        OffsetDateTime expiry = OffsetDateTime.parse(enable.bodyJson().get("watch").get(0).get("channel_expiry")
                .asText());
        assertThat(enable.status()).isEqualTo(201);
        assertThat(Duration.between(OffsetDateTime.now(), expiry)).isBetween(Duration.ofDays(6).minusMinutes(5),
                Duration.ofDays(6));
        assertThat(emulator().observe().channelIds()).hasSize(1);
    }

    @Test
    void withNotifyFieldsOnlyThoseFieldsCallBackAndOtherEditsComeWithTheSafetyNetPoll() throws Exception {
        String quiet = emulator().seed().insert("Leads", Map.of("Last_Name", "Quiet"));
        String loud = emulator().seed().insert("Leads", Map.of("Last_Name", "Loud"));
        List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakeClock clock = new FakeClock(java.time.Instant.now()); // the safety net goes by it: moved, not waited for
        context.getComponent("zohocrm", ZohoCrmComponent.class).clock(clock);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(crm("Leads?fields=Last_Name,Company,Lead_Status&events=updated&notifications=true"
                         + "&notifyFields=Lead_Status&reconcileInterval=3000&notifyUrl=http://127.0.0.1:" + port
                         + "/crm/leads")).routeId("push").process(e -> delivered.add(
                                 e.getIn().getHeader(ZohoCrmConstants.RECORD_ID) + " "
                                 + e.getIn().getHeader(ZohoCrmConstants.TRIGGER)));
            }
        });
        awaitConsumerStarted("push");
        // the starting point at start, then the first poll (push mode's first tick comes at once)
        for (long until = System.currentTimeMillis() + 10_000; calls().stream().filter("GET /Leads"::equals).count() < 2
                && System.currentTimeMillis() < until;) {
            Thread.sleep(20);
        }
        awaitTicks("push", 2);
        assertThat(emulator().observe().channelIds()).hasSize(1);

        emulator().seed().update("Leads", quiet, Map.of("Company", "Renamed"));
        awaitTicks("push", 5);
        assertThat(emulator().observe().callbacks()).as("an edit of a field not named calls nobody back").isEmpty();
        assertThat(delivered).as("so nothing is polled for it yet").isEmpty();
        clock.advance(Duration.ofSeconds(3));
        awaitDeliveries(delivered, 1); // the safety-net poll, every 3 s of the component's clock here
        emulator().seed().update("Leads", loud, Map.of("Lead_Status", "Contacted"));
        awaitDeliveries(delivered, 2);

        assertThat(delivered).containsExactly(quiet + " reconciliation", loud + " notification");
        assertThat(emulator().observe().callbacks()).singleElement().satisfies(c -> assertThat(c.ids()).containsExactly(loud));
        RecordedRequest enable = apiRequests().stream().filter(r -> r.apiPath().equals("/actions/watch")
                                                                   && r.method().equals("POST")).findFirst().orElseThrow();
        assertThat(enable.bodyJson().get("watch").get(0).get("notification_condition").toString())
                .contains("\"api_name\":\"Lead_Status\"");
    }

    private static void awaitDeliveries(List<String> delivered, int n) throws InterruptedException {
        for (long until = System.currentTimeMillis() + 15_000; delivered.size() < n
                                                               && System.currentTimeMillis() < until;) {
            Thread.sleep(20);
        }
        assertThat(delivered).hasSizeGreaterThanOrEqualTo(n);
    }
}
