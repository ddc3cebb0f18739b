package io.github.camelbigin.common.testing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelbigin.common.ZohoComponent;
import io.github.camelbigin.common.consumer.ZohoConsumer;
import io.github.camelbigin.common.options.Header;
import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Camel tests against an emulator on 127.0.0.1 (random port): the Bigin flavour for {@code bigin:}, the Zoho CRM one
 * for {@code zohocrm:}. Shared with the products' tests through this module's test jar.
 */
public abstract class EmulatorTestSupport extends CamelTestSupport {

    /** The emulator the test's endpoints talk to. */
    protected abstract BiginEmulator emulator();

    /** The scheme of the component under test. */
    protected abstract String scheme();

    /** {@code <scheme>:<moduleAndOptions>} with the emulator's token and API URL (and fast retries). */
    protected String uri(String moduleAndOptions) {
        String sep = moduleAndOptions.contains("?") ? "&" : "?";
        return scheme() + ":" + moduleAndOptions + sep + "accessToken=" + BiginEmulator.ACCESS_TOKEN + "&apiUrl="
               + emulator().apiUrl() + "&retryInitialDelay=10&retryMaxDelay=50";
    }

    /**
     * The readiness checks of producers and consumers in {@code ctx}, as camel-main and Spring Boot register them with
     * {@code camel.health.enabled=true} and {@code camel.health.producers-enabled=true}; returns {@code ctx}.
     */
    public static CamelContext withHealthChecks(CamelContext ctx) {
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(ctx);
        ctx.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        ProducersHealthCheckRepository producers = new ProducersHealthCheckRepository();
        producers.setEnabled(true);
        registry.register(producers);
        registry.register(new ConsumersHealthCheckRepository());
        return ctx;
    }

    /** A sparse file of {@code bytes} bytes in {@code dir}: that large on paper, nothing on disk. */
    protected static java.nio.file.Path sparseFile(java.nio.file.Path dir, String name, long bytes)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve(name);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }

    /** A header of the family as the component under test names it ({@code CamelBiginRecordId}, …). */
    protected String header(Header header) {
        return ((ZohoComponent<?>) context.getComponent(scheme())).product().header(header);
    }

    /** The API requests the emulator saw, e.g. {@code "GET /Contacts"}. */
    protected List<String> calls() {
        return emulator().observe().apiRequests().stream().map(r -> r.method() + " " + r.apiPath()).collect(Collectors.toList());
    }

    protected List<RecordedRequest> apiRequests() {
        return emulator().observe().apiRequests();
    }

    /** Waits until the route's consumer has its starting watermark: records made from then on are new to it. */
    protected ZohoConsumer awaitConsumerStarted(String routeId) throws InterruptedException {
        ZohoConsumer consumer = (ZohoConsumer) context.getRoute(routeId).getConsumer();
        for (long until = System.currentTimeMillis() + 10_000; consumer.getState() == null
                                                               && System.currentTimeMillis() < until;) {
            Thread.sleep(20);
        }
        if (consumer.getState() == null) {
            throw new AssertionError("the consumer of " + routeId + " took no starting point in 10 s");
        }
        return consumer;
    }

    /**
     * Waits until the route's consumer has run {@code n} more polls than now (in push mode its ticks, which look
     * whether a poll is due): what happens in that many polls has happened, however fast the machine is.
     */
    protected void awaitTicks(String routeId, int n) throws InterruptedException {
        org.apache.camel.support.ScheduledPollConsumer consumer =
                (org.apache.camel.support.ScheduledPollConsumer) context.getRoute(routeId).getConsumer();
        long target = consumer.getCounter() + n + 1; // + 1: the poll running now may have been counted already
        for (long until = System.currentTimeMillis() + 20_000; consumer.getCounter() < target;) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("the consumer of " + routeId + " ran " + consumer.getCounter()
                                         + " polls, not " + target + ", in 20 s");
            }
            Thread.sleep(5);
        }
    }

    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    protected Exchange send(String uri, Object body) {
        return send(uri, body, Map.of());
    }
}
