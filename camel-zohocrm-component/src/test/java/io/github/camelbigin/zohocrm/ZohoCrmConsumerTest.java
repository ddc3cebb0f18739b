package io.github.camelbigin.zohocrm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The change-feed consumer on Zoho CRM: each create, update and delete once, in order, across a restart. */
class ZohoCrmConsumerTest extends ZohoCrmTestSupport {

    private final ConcurrentLinkedQueue<String> delivered = new ConcurrentLinkedQueue<>();

    private void consume() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(crm("Deals?fields=Deal_Name,Stage&events=created,updated,deleted&delay=50&initialDelay=0"))
                        .routeId("deals").process(e -> delivered.add(
                                e.getIn().getHeader(ZohoCrmConstants.EVENT_TYPE, String.class) + " "
                                + e.getIn().getHeader(ZohoCrmConstants.RECORD_ID, String.class)));
            }
        });
    }

    private void await(int n) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (delivered.size() < n && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertThat(delivered).as("deliveries").hasSizeGreaterThanOrEqualTo(n);
    }

    @Test
    void dealsCreatedUpdatedAndDeletedArriveOnceEachInOrderAcrossARestart() throws Exception {
        consume();
        awaitConsumerStarted("deals"); // the starting point: "now"
        String a = emulator().seed().insert("Deals", Map.of("Deal_Name", "A", "Stage", "Qualification"));
        String b = emulator().seed().insert("Deals", Map.of("Deal_Name", "B", "Stage", "Qualification"));
        await(2);

        context.getRouteController().stopRoute("deals");
        emulator().seed().update("Deals", a, Map.of("Stage", "Closed Won"));
        emulator().seed().delete("Deals", b);
        context.getRouteController().startRoute("deals");
        await(4);
        awaitTicks("deals", 3); // more polls find nothing new

        assertThat(List.copyOf(delivered)).containsExactly("created " + a, "created " + b, "updated " + a,
                "deleted " + b);
        assertThat(apiRequests()).allSatisfy(r -> assertThat(r.path()).startsWith("/crm/v8/"));
    }
}
