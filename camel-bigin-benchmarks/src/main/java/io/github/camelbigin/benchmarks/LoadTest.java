package io.github.camelbigin.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelbigin.component.BiginComponent;
import io.github.camelbigin.component.BiginConstants;
import io.github.camelbigin.component.BiginEndpoint;
import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.Fault;
import io.github.camelbigin.emulator.RecordedRequest;
import io.github.camelbigin.zoho.http.ClientStats;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.records.WriteResult;
import io.github.camelbigin.zoho.records.ZohoRecordErrorException;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The reliability load program: concurrent producer routes write and update contacts while consumer routes follow the
 * module, against the emulator on 127.0.0.1 with faults switched on (429s, 5xx, dropped and cut connections, expired
 * tokens, creates whose answer is lost). It then checks Bigin's final state against what the consumers delivered and
 * prints a table: calls, retries, records written, records delivered, lost, duplicated. Bounded in count and time; exit
 * code 1 when anything was lost or duplicated.
 *
 * <pre>
 * ./mvnw -q -pl camel-bigin-benchmarks -am -DskipTests install exec:java -Dexec.mainClass=io.github.camelbigin.benchmarks.LoadTest
 * </pre>
 *
 * Options: {@code --writers 8 --batches 120 --consumers 2 --seconds 180 --docs docs/reliability.md}; with
 * {@code -Dload.debug} it names every record delivered twice.
 */
public final class LoadTest {

    private int writers = 8;
    private int batches = 120;
    private int consumers = 2;
    private int seconds = 180;
    private Path docs;

    public static void main(String[] args) throws Exception {
        LoadTest test = new LoadTest();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--writers" -> test.writers = Integer.parseInt(args[++i]);
                case "--batches" -> test.batches = Integer.parseInt(args[++i]);
                case "--consumers" -> test.consumers = Integer.parseInt(args[++i]);
                case "--seconds" -> test.seconds = Integer.parseInt(args[++i]);
                case "--docs" -> test.docs = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                                                              + ": use --writers, --batches, --consumers, --seconds, --docs");
            }
        }
        System.exit(test.run() ? 0 : 1);
    }

    /** One consumer's deliveries: per record id, the versions (Modified_Time) delivered, and how often. */
    private static final class Deliveries {
        final Map<String, Map<String, AtomicInteger>> versions = new ConcurrentHashMap<>();
        final Set<String> created = ConcurrentHashMap.newKeySet();
        final AtomicInteger createdTwice = new AtomicInteger();
        final AtomicLong events = new AtomicLong();
    }

    boolean run() throws Exception {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
        try (BiginEmulator emulator = new BiginEmulator(0, 64).start()) {
            emulator.tuning().recordBodies(false);
            emulator.faults().inject(
                    Fault.tooManyRequests(0).on("POST", "/Contacts").rate(0.08).always(),
                    Fault.dropAfterProcessing().on("POST", "/Contacts").rate(0.01).always(),
                    Fault.tooManyRequests(0).on("PUT", "/Contacts").rate(0.05).always(),
                    Fault.status(502).on("PUT", "/Contacts").rate(0.03).always(),
                    Fault.status(503).on("GET", "/Contacts").rate(0.04).always(),
                    Fault.dropConnection().on("GET", "/Contacts").rate(0.02).always(),
                    Fault.cutBody().on("GET", "/Contacts").rate(0.02).always(),
                    Fault.expireTokens().on("GET").rate(0.003).always());

            CamelContext context = new DefaultCamelContext();
            BiginComponent bigin = new BiginComponent();
            bigin.getConfiguration().setClientId(BiginEmulator.CLIENT_ID);
            bigin.getConfiguration().setClientSecret(BiginEmulator.CLIENT_SECRET);
            bigin.getConfiguration().setRefreshToken(BiginEmulator.REFRESH_TOKEN);
            bigin.getConfiguration().setAccountsUrl(emulator.accountsUrl());
            bigin.getConfiguration().setMaxRetries(10);
            bigin.getConfiguration().setRetryInitialDelay(10);
            bigin.getConfiguration().setRetryMaxDelay(200);
            context.addComponent("bigin", bigin);
            List<Deliveries> deliveries = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                Deliveries d = new Deliveries();
                deliveries.add(d);
                String uri = "bigin:Contacts?events=created,updated&fields=Last_Name,Title&delay=200&initialDelay=0"
                             + "&initialPosition=beginning&stateKey=load-" + c;
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(uri).routeId("consumer-" + deliveries.size()).process(e -> {
                            String id = e.getIn().getHeader(BiginConstants.RECORD_ID, String.class);
                            String type = e.getIn().getHeader(BiginConstants.EVENT_TYPE, String.class);
                            String version = String.valueOf(e.getIn().getBody(Map.class).get("Modified_Time")) + "|"
                                             + e.getIn().getBody(Map.class).get("Title");
                            d.events.incrementAndGet();
                            if ("created".equals(type) && !d.created.add(id)) {
                                d.createdTwice.incrementAndGet();
                                if (System.getProperty("load.debug") != null) {
                                    System.out.println("CREATED TWICE " + id + " now " + version + " before "
                                                       + d.versions.get(id));
                                }
                            }
                            d.versions.computeIfAbsent(id, k -> new ConcurrentHashMap<>())
                                    .computeIfAbsent(version, k -> new AtomicInteger()).incrementAndGet();
                        });
                    }
                });
            }
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            // writers: batches of 100 creates, and now and then an update of 20 records already written
            AtomicInteger batchNo = new AtomicInteger();
            AtomicLong reportedUnknown = new AtomicLong();
            AtomicLong reportedFailed = new AtomicLong();
            List<String> written = new java.util.concurrent.CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(pool.submit(() -> {
                    int b;
                    while ((b = batchNo.getAndIncrement()) < batches && System.nanoTime() < deadline) {
                        List<Map<String, Object>> batch = new ArrayList<>();
                        for (int i = 0; i < 100; i++) {
                            batch.add(Map.of("Last_Name", "Load-" + b + "-" + i));
                        }
                        try {
                            List<WriteResult> results = template.requestBody("bigin:Contacts?operation=create", batch,
                                    List.class);
                            results.forEach(r -> written.add(r.getId()));
                        } catch (org.apache.camel.CamelExecutionException e) {
                            Throwable cause = e.getCause();
                            if (cause instanceof ZohoRecordErrorException) {
                                reportedFailed.addAndGet(((ZohoRecordErrorException) cause).getFailures().size());
                            } else if (cause instanceof ZohoApiException) {
                                reportedUnknown.addAndGet(batch.size()); // outcome unknown: not resent
                            } else {
                                throw e;
                            }
                        }
                        if (written.size() > 20 && ThreadLocalRandom.current().nextInt(3) == 0) {
                            List<Map<String, Object>> changes = new ArrayList<>();
                            for (int i = 0; i < 20; i++) {
                                String id = written.get(ThreadLocalRandom.current().nextInt(written.size()));
                                changes.add(Map.of("id", id, "Title", "v" + b + "-" + i));
                            }
                            try {
                                template.requestBody("bigin:Contacts?operation=update", changes);
                            } catch (org.apache.camel.CamelExecutionException e) {
                                reportedFailed.addAndGet(changes.size());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            long writing = System.nanoTime() - started;

            // the consumers catch up, faults still on
            List<Map<String, Object>> holds = emulator.observe().records("Contacts");
            Map<String, String> finalVersion = new LinkedHashMap<>();
            holds.forEach(r -> finalVersion.put(r.get("id").toString(), r.get("Modified_Time") + "|" + r.get("Title")));
            boolean caughtUp = false;
            while (!caughtUp && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(60)) {
                caughtUp = deliveries.stream().allMatch(d -> finalVersion.entrySet().stream().allMatch(
                        e -> d.created.contains(e.getKey()) && d.versions.getOrDefault(e.getKey(), Map.of())
                                .containsKey(e.getValue())));
                if (!caughtUp) {
                    Thread.sleep(200);
                }
            }
            Thread.sleep(1000); // a few more polls: anything delivered twice would show now
            ClientStats stats = context.getEndpoints().stream().filter(e -> e instanceof BiginEndpoint)
                    .map(e -> ((BiginEndpoint) e).getClientStats()).filter(s -> s != null).findFirst().orElse(null);
            context.stop();

            List<RecordedRequest> requests = emulator.observe().apiRequests();
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("writer routes / consumer routes", writers + " / " + consumers);
            table.put("API calls (seen by the emulator)", requests.size());
            table.put("answered 429 / 5xx", count(requests, 429) + " / " + requests.stream().filter(r -> r.status() >= 500).count());
            table.put("connections dropped or cut", requests.stream().filter(r -> r.status() == 0).count());
            table.put("access tokens minted", emulator.observe().tokensMinted());
            table.put("records written (Bigin holds)", holds.size());
            table.put("writes reported failed / outcome unknown (not resent)", reportedFailed.get() + " / " + reportedUnknown.get());
            boolean ok = true;
            for (int c = 0; c < deliveries.size(); c++) {
                Deliveries d = deliveries.get(c);
                long lostCreated = finalVersion.keySet().stream().filter(id -> !d.created.contains(id)).count();
                long lostUpdates = finalVersion.entrySet().stream().filter(e -> !d.versions
                        .getOrDefault(e.getKey(), Map.of()).containsKey(e.getValue())).count();
                long duplicated = d.createdTwice.get() + d.versions.values().stream()
                        .flatMap(v -> v.values().stream()).filter(n -> n.get() > 1).count();
                if (System.getProperty("load.debug") != null) {
                    d.versions.forEach((id, v) -> v.forEach((ver, n) -> {
                        if (n.get() > 1) {
                            System.out.println("DUP " + id + " " + ver + " x" + n + " final=" + finalVersion.get(id));
                        }
                    }));
                }
                table.put("consumer " + c + ": events delivered", d.events.get());
                table.put("consumer " + c + ": lost (never created / final version missing)", lostCreated + " / " + lostUpdates);
                table.put("consumer " + c + ": duplicated", duplicated);
                ok &= lostCreated == 0 && lostUpdates == 0 && duplicated == 0;
            }
            table.put("wall time (writing / total)", String.format("%.1f s / %.1f s", writing / 1e9,
                    (System.nanoTime() - started) / 1e9));
            StringBuilder out = new StringBuilder();
            out.append("| measure | value |\n|---|---|\n");
            table.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            out.append("\nResult: ").append(ok ? "PASS - nothing lost, nothing duplicated" : "FAIL").append('\n');
            System.out.print(out);
            if (stats != null) {
                System.out.println("(client retries: " + stats.getRetries() + ")");
            }
            if (docs != null) {
                writeDocs(out.toString(), stats);
            }
            return ok;
        }
    }

    private static long count(List<RecordedRequest> requests, int status) {
        return requests.stream().filter(r -> r.status() == status).count();
    }

    private void writeDocs(String table, ClientStats stats) throws Exception {
        DocSection.write(docs, "<!-- load-test output -->", writers + " writers, " + batches + " batches of 100, "
                + consumers + " consumers" + (stats != null ? ", " + stats.getRetries() + " client retries" : ""),
                table);
    }
}
