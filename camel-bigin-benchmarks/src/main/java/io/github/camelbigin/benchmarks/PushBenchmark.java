package io.github.camelbigin.benchmarks;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelbigin.component.BiginComponent;
import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Push mode against polling, side by side on the emulator: how long a change takes to reach the route (median and
 * 99th percentile over {@code --changes} changes, one at a time), and what an idle module costs a day. Prints a table;
 * with {@code --docs DIR} writes it into {@code DIR/benchmarks.md} between the push markers.
 *
 * <pre>
 * ./mvnw -q -pl camel-bigin-benchmarks -am -DskipTests install exec:java \
 *     -Dexec.mainClass=io.github.camelbigin.benchmarks.PushBenchmark -Dexec.args="--docs docs"
 * </pre>
 */
public final class PushBenchmark {

    private static final long GAP_MILLIS = 50;
    private static final long POLL_DELAY_MILLIS = 5_000;
    private static final long IDLE_RECONCILE_MILLIS = 2_000;
    private static final long IDLE_WINDOW_MILLIS = 40_000;
    private static final double DAY_SECONDS = 86_400;
    private static final double DEFAULT_RECONCILE_SECONDS = 900;
    private static final int RENEWALS_A_DAY = 2;

    private int changes = 200;
    private Path docs;
    private BiginEmulator emulator;
    private CamelContext context;
    private int port;
    private final Map<String, Long> received = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        PushBenchmark b = new PushBenchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--changes" -> b.changes = Integer.parseInt(args[++i]);
                case "--docs" -> b.docs = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + ": use --changes N,"
                                                              + " --docs DIR");
            }
        }
        System.exit(b.run() ? 0 : 1);
    }

    boolean run() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        emulator = new BiginEmulator(0, 8).start();
        emulator.tuning().recordBodies(false);
        context = new DefaultCamelContext();
        try {
            VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
            http.setBindHost("127.0.0.1");
            http.setBindPort(port);
            context.addService(new VertxPlatformHttpServer(http));
            BiginComponent bigin = new BiginComponent();
            bigin.getConfiguration().setAccessToken(BiginEmulator.ACCESS_TOKEN);
            bigin.getConfiguration().setApiUrl(emulator.apiUrl());
            context.addComponent("bigin", bigin);
            context.start();

            Latency push = latency("push", "notifications=true&notifyUrl=http://127.0.0.1:" + port
                                           + "/bench/push&reconcileInterval=3600000");
            Latency polling = latency("polling", "delay=" + POLL_DELAY_MILLIS + "&initialDelay=0");
            double pushIdle = idleCallsADay();
            double pollingIdle = DAY_SECONDS / 60; // one call a poll (the main benchmark's idle row measures it)

            String table = String.format("| measure | push (notifications=true) | polling (delay=%d s) |%n|---|---:|---:|%n"
                                         + "| latency from a change to the exchange, median | %d ms | %d ms |%n"
                                         + "| latency, 99th percentile | %d ms | %d ms |%n"
                                         + "| API calls for %d changes, one every %d ms | %d | %d |%n"
                                         + "| idle calls a day (push: 15-minute reconciliation; polling: every 60 s)"
                                         + " | %.0f | %.0f |%n",
                    POLL_DELAY_MILLIS / 1000, push.median(), polling.median(), push.p99(), polling.p99(), changes,
                    GAP_MILLIS, push.calls, polling.calls, pushIdle, pollingIdle);
            boolean fast = push.median() < 1000;
            boolean frugal = pollingIdle / pushIdle >= 10;
            String verdict = String.format("| target | measured | met |%n|---|---|---|%n"
                                           + "| push: median latency under 1 s | %d ms | %s |%n"
                                           + "| push: idle calls a day at least 10x fewer than 60-second polling | %.1fx"
                                           + " | %s |%n",
                    push.median(), fast ? "yes" : "**no**", pollingIdle / pushIdle, frugal ? "yes" : "**no**");
            System.out.println(table);
            System.out.println(verdict);
            if (docs != null) {
                writeDocs(table, verdict);
            }
            return push.complete && polling.complete;
        } finally {
            context.stop();
            emulator.stop();
        }
    }

    /** One change every GAP_MILLIS, each timed from its write in the emulator to its exchange in the route. */
    private Latency latency(String name, String options) throws Exception {
        emulator.reset();
        received.clear();
        String routeId = "latency-" + name;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigin:Contacts?events=created&fields=Last_Name&" + options).routeId(routeId)
                        .process(e -> received.putIfAbsent(e.getIn().getHeader("CamelBiginRecordId", String.class),
                                System.nanoTime()));
            }
        });
        Thread.sleep(1_000); // started: the channel enabled and the starting point taken
        long callsBefore = emulator.observe().apiCalls();
        Map<String, Long> written = new ConcurrentHashMap<>();
        for (int i = 0; i < changes; i++) {
            long t = System.nanoTime();
            written.put(emulator.seed().insert("Contacts", Map.of("Last_Name", name + " " + i)), t);
            Thread.sleep(GAP_MILLIS);
        }
        long deadline = System.nanoTime() + (POLL_DELAY_MILLIS + 30_000) * 1_000_000;
        while (!received.keySet().containsAll(written.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long calls = emulator.observe().apiCalls() - callsBefore;
        context.getRouteController().stopRoute(routeId);
        context.removeRoute(routeId);
        List<Long> millis = new ArrayList<>();
        written.forEach((id, t) -> {
            Long r = received.get(id);
            if (r != null) {
                millis.add((r - t) / 1_000_000);
            }
        });
        Collections.sort(millis);
        if (millis.size() < written.size()) {
            System.out.println("PROBLEM: " + name + " delivered " + millis.size() + " of " + written.size()
                               + " changes");
        }
        return new Latency(millis, calls, millis.size() == written.size());
    }

    /**
     * Idle push mode at a short reconcile interval, scaled to the default 15 minutes: every periodic call (the
     * reconciliation, and the channel check at 4 intervals) scales with the interval; renewals (twice a day) are added.
     */
    private double idleCallsADay() throws Exception {
        emulator.reset();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigin:Contacts?events=created&fields=Last_Name&notifications=true&notifyUrl=http://127.0.0.1:"
                     + port + "/bench/idle&reconcileInterval=" + IDLE_RECONCILE_MILLIS).routeId("idle-push")
                        .to("log:idle?level=OFF");
            }
        });
        Thread.sleep(1_000);
        long before = emulator.observe().apiCalls();
        Thread.sleep(IDLE_WINDOW_MILLIS);
        long calls = emulator.observe().apiCalls() - before;
        context.getRouteController().stopRoute("idle-push");
        context.removeRoute("idle-push");
        double perSecond = calls / (IDLE_WINDOW_MILLIS / 1000.0);
        double scaled = perSecond * (IDLE_RECONCILE_MILLIS / 1000.0) / DEFAULT_RECONCILE_SECONDS * DAY_SECONDS;
        System.out.printf("idle push: %d calls in %d s at reconcileInterval=%d ms%n", calls,
                IDLE_WINDOW_MILLIS / 1000, IDLE_RECONCILE_MILLIS);
        return scaled + RENEWALS_A_DAY;
    }

    private void writeDocs(String table, String verdict) throws Exception {
        DocSection.write(docs.resolve("benchmarks.md"), "<!-- push benchmark output -->", "Java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " processors", table + "\n" + verdict);
    }

    /** Latencies in milliseconds, sorted. */
    private record Latency(List<Long> millis, long calls, boolean complete) {
        long median() {
            return millis.isEmpty() ? -1 : millis.get(millis.size() / 2);
        }

        long p99() {
            return millis.isEmpty() ? -1 : millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.99) - 1));
        }
    }
}
