package io.github.camelbigin.component;

import io.github.camelbigin.common.consumer.ZohoConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs bigin consumers against the emulator and records what they deliver. */
abstract class ConsumerTestSupport extends BiginTestSupport {

    /** What a consumer delivered: event type, record id and the exchange's copy. */
    record Delivery(String type, String id, Exchange exchange) {
    }

    protected final ConcurrentLinkedQueue<Delivery> delivered = new ConcurrentLinkedQueue<>();

    /** Extra options of every consumer in the test (e.g. changeDetection=coql). */
    protected String strategyOptions() {
        return "";
    }

    /** Starts {@code from(bigin:<module>?<options>)} polling every 50 ms, recording each exchange. */
    protected void consume(String routeId, String moduleAndOptions) throws Exception {
        String sep = moduleAndOptions.contains("?") ? "&" : "?";
        String uri = bigin(moduleAndOptions + sep + "delay=50&initialDelay=0" + strategyOptions());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(e -> delivered.add(new Delivery(
                        e.getIn().getHeader(BiginConstants.EVENT_TYPE, String.class),
                        e.getIn().getHeader(BiginConstants.RECORD_ID, String.class), e.copy())));
            }
        });
        awaitStarted(routeId);
    }

    protected ZohoConsumer consumer(String routeId) {
        return (ZohoConsumer) context.getRoute(routeId).getConsumer();
    }

    /** Waits until the consumer has its starting watermark (so records made now count as new). */
    protected void awaitStarted(String routeId) {
        await(() -> context.getRoute(routeId) != null && consumer(routeId).getState() != null, 10_000,
                "the consumer " + routeId + " to start");
    }

    /** Waits until the emulator answered {@code n} more API calls than now: n more polls have happened. */
    protected void awaitPolls(int n) {
        long target = emulator().observe().apiCalls() + n;
        await(() -> emulator().observe().apiCalls() >= target
                    && emulator().observe().apiRequests().stream().allMatch(io.github.camelbigin.emulator.RecordedRequest::isAnswered),
                10_000, n + " more polls");
    }

    protected List<String> deliveredIds() {
        return delivered.stream().map(Delivery::id).collect(Collectors.toList());
    }

    protected List<String> deliveredIds(String type) {
        return delivered.stream().filter(d -> type.equals(d.type())).map(Delivery::id).collect(Collectors.toList());
    }

    protected void awaitDelivered(int count) {
        try {
            await(() -> delivered.size() >= count, 30_000, count + " deliveries");
        } catch (AssertionError e) {
            List<String> last = emulator().observe().apiRequests().stream().skip(Math.max(0, emulator().observe().apiRequests().size() - 3))
                    .map(r -> r + " IMS=" + r.header("If-Modified-Since")).collect(Collectors.toList());
            String states = context.getRoutes().stream().map(r -> r.getId() + ": "
                    + (r.getConsumer() instanceof ZohoConsumer ? ((ZohoConsumer) r.getConsumer()).getState() : "-"))
                    .map(st -> st.length() > 300 ? st.substring(0, 300) + "…" : st)
                    .collect(Collectors.joining("; "));
            throw new AssertionError(e.getMessage() + ", have " + delivered.size() + "; consumers " + states
                                     + "; last calls " + last, e);
        }
    }

    protected static void await(BooleanSupplier condition, long millis, String what) {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    protected static void assertNoDuplicates(List<String> ids) {
        assertThat(ids).doesNotHaveDuplicates();
    }

    protected static List<Map<String, Object>> contacts(int from, int to) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            list.add(Map.of("Last_Name", "New" + i));
        }
        return list;
    }
}
