package io.github.camelbigin.benchmarks;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.github.camelbigin.component.BiginComponent;
import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.Fault;
import io.github.camelbigin.emulator.Flavour;
import io.github.camelbigin.zohocrm.ZohoCrmComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark: each scenario three ways, in one process and run, on the same emulator data — the {@code bigin:}
 * component, the ceiling (a hand-written JDK HTTP client loop doing the optimal calls, {@link Ceiling}) and the naive
 * route a user writes without the component (camel-http + camel-jackson, {@link NaiveRoutes}). It prints a table of
 * API calls (with the theoretical minimum), credits, wall time, records per second and peak heap, checks the targets,
 * and with {@code --docs DIR} writes {@code DIR/benchmarks.md} and {@code DIR/benchmarks.png}.
 *
 * <pre>
 * ./mvnw -q -pl camel-bigin-benchmarks -am -DskipTests install exec:java -Dexec.args="--docs docs"
 * </pre>
 *
 * Sizes: {@code --create 10000 --list 100000 --search 2000 --consume 20000 --polls 60}; {@code --only catchup,idle}
 * runs some scenarios (create, list, search, catchup, wan, idle, and crm: the zohocrm: component on the emulator's Zoho
 * CRM flavour, against the calls CRM's page sizes allow); {@code --repeat 9} runs the component and the ceiling that
 * often and keeps the median run; {@code --no-jmh} skips the mapping micro-benchmark.
 */
public final class Benchmark {

    private int create = 10_000;
    private int list = 100_000;
    private int search = 2_000;
    private int consume = 20_000;
    private int polls = 60;
    private boolean jmh = true;
    private Path docs;
    private long idlePolls;
    private int repeat = 9;
    private int consumers;
    private List<String> only = List.of("create", "list", "search", "catchup", "wan", "idle", "crm");

    /** The emulator the scenario measures: Bigin's, or Zoho CRM's for the zohocrm: scenarios. */
    private BiginEmulator emulator;
    /** The component the scenario's consumers use: {@code bigin}, or {@code zohocrm}. */
    private String scheme = "bigin";
    private CamelContext context;
    private ProducerTemplate template;
    private Ceiling ceiling;
    private NaiveRoutes naive;
    private static final int SEARCHES = 10;
    private static final int WARM_UP_ROUNDS = 40;
    private static final int WAN_MILLIS = 20;
    private static final int WAN_WORK_MICROS = 50;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** One measured way of one scenario. */
    record Row(String scenario, String way, long calls, long minimum, long credits, double seconds, long records,
               double peakHeapMb, double emulatorShare, String note) {
        double recordsPerSecond() {
            return seconds > 0 ? records / seconds : 0;
        }
    }

    public static void main(String[] args) throws Exception {
        Benchmark b = new Benchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--create" -> b.create = Integer.parseInt(args[++i]);
                case "--list" -> b.list = Integer.parseInt(args[++i]);
                case "--search" -> b.search = Integer.parseInt(args[++i]);
                case "--consume" -> b.consume = Integer.parseInt(args[++i]);
                case "--polls" -> b.polls = Integer.parseInt(args[++i]);
                case "--no-jmh" -> b.jmh = false;
                case "--repeat" -> b.repeat = Integer.parseInt(args[++i]);
                case "--only" -> b.only = List.of(args[++i].split(","));
                case "--docs" -> b.docs = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + ": use --create, --list,"
                                                              + " --search, --consume, --polls, --only SCENARIOS, --repeat N,"
                                                              + " --no-jmh,"
                                                              + " --docs DIR");
            }
        }
        System.exit(b.run() ? 0 : 1);
    }

    boolean run() throws Exception {
        emulator = new BiginEmulator(0, 16).start();
        emulator.tuning().recordBodies(false);
        try {
            context = new DefaultCamelContext();
            BiginComponent bigin = new BiginComponent();
            bigin.getConfiguration().setAccessToken(BiginEmulator.ACCESS_TOKEN);
            bigin.getConfiguration().setApiUrl(emulator.apiUrl());
            context.addComponent("bigin", bigin);
            naive = new NaiveRoutes(emulator.apiUrl(), BiginEmulator.ACCESS_TOKEN);
            context.addRoutes(naive);
            context.start();
            template = context.createProducerTemplate();
            ceiling = new Ceiling(emulator.apiUrl(), BiginEmulator.ACCESS_TOKEN);

            warmUp();
            if (only.contains("create")) {
                createScenario();
            }
            if (only.contains("list")) {
                listScenario();
            }
            if (only.contains("search")) {
                searchScenario();
            }
            if (only.contains("catchup")) {
                consumeScenario();
            }
            if (only.contains("wan")) {
                wanScenario();
            }
            if (only.contains("idle")) {
                idleScenario();
                idleAfterEditsScenario();
            }
            if (only.contains("crm")) {
                crmScenarios();
            }
            String mapping = jmh ? mappingBenchmark() : "";
            String table = table();
            String verdict = targets();
            System.out.println(table);
            System.out.println(verdict);
            if (!mapping.isEmpty()) {
                System.out.println(mapping);
            }
            if (docs != null) {
                writeDocs(table, verdict, mapping);
            }
            return notes.isEmpty(); // a scenario that went wrong (not a target missed) fails the program
        } finally {
            if (context != null) {
                context.stop();
            }
            emulator.stop();
        }
    }

    /** JIT and connection pools warm for all three ways, so the first measured way is not the slowest by default. */
    private void warmUp() throws Exception {
        List<Map<String, Object>> few = Ceiling.contacts("Warm", 900); // 2 × 900 + 50 found by one search, under its 2,000 cap
        String criteria = java.net.URLEncoder.encode("(Last_Name:starts_with:Warm)", StandardCharsets.UTF_8);
        for (int i = 0; i < WARM_UP_ROUNDS; i++) { // enough calls for the JIT to compile both HTTP stacks' hot paths
            emulator.reset();
            template.requestBody("bigin:Contacts?operation=create", few);
            ceiling.create(few);
            template.requestBody("direct:naive-create", few.subList(0, 50));
            template.requestBody("bigin:Contacts?operation=list&fields=Last_Name,Email", null, List.class);
            ceiling.read("/Contacts?fields=Last_Name,Email", null, r -> {
            });
            template.requestBodyAndHeader("bigin:Contacts?operation=search", null, "CamelBiginCriteria",
                    "(Last_Name:starts_with:Warm)", List.class);
            ceiling.read("/Contacts/search?criteria=" + criteria, null, r -> {
            });
        }
        long all = emulator.observe().count("Contacts");
        AtomicLong delivered = new AtomicLong();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigin:Contacts?events=created,updated&fields=Last_Name&initialPosition=beginning&delay=10"
                     + "&initialDelay=0").routeId("warm-consumer").process(e -> delivered.incrementAndGet());
            }
        });
        while (delivered.get() < all) {
            Thread.sleep(5);
        }
        context.getRouteController().stopRoute("warm-consumer");
        context.removeRoute("warm-consumer");
        ceiling.changesSince(null, "Last_Name", r -> {
        });
    }

    /** Measures a way: the component and the ceiling {@code repeat} times (the median run counts), the naive way once. */
    private Row measure(String scenario, String way, long minimum, Work work) throws Exception {
        return measure(scenario, way, minimum, way.startsWith("naive") ? 1 : repeat, () -> {
        }, work);
    }

    /** Runs {@code setup} (not timed) and {@code work} {@code runs} times; the run with the median time counts. */
    private Row measure(String scenario, String way, long minimum, int runs, Setup setup, Work work) throws Exception {
        List<Row> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            setup.run();
            System.gc(); // a collection owed by the last run is not charged to this one
            emulator.observe().clearRequests();
            long serverBefore = emulator.observe().serverNanos();
            long started;
            long records;
            double heap;
            try (HeapSampler sampler = new HeapSampler()) {
                started = System.nanoTime();
                records = work.run();
                heap = sampler.peakAboveStartMb();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double share = (emulator.observe().serverNanos() - serverBefore) / 1e9 / seconds;
            measured.add(new Row(scenario, way, emulator.observe().apiCalls(), minimum, emulator.observe().credits(), seconds, records,
                    heap, share, ""));
        }
        measured.sort(Comparator.comparingDouble(Row::seconds));
        Row row = measured.get(measured.size() / 2);
        rows.add(row);
        System.out.printf("  %-26s %-28s %8d calls %9.2f s %10.0f rec/s%s%n", scenario, way, row.calls(), row.seconds(),
                row.recordsPerSecond(), runs > 1 ? String.format("  (median of %d: %s s)", runs, measured.stream()
                        .map(r -> String.format("%.2f", r.seconds())).collect(Collectors.joining(" "))) : "");
        return row;
    }

    @FunctionalInterface
    private interface Setup {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface Work {
        long run() throws Exception;
    }

    private void note(Row row, String note) {
        rows.set(rows.indexOf(row), new Row(row.scenario(), row.way(), row.calls(), row.minimum(), row.credits(),
                row.seconds(), row.records(), row.peakHeapMb(), row.emulatorShare(), note));
    }

    // ------------------------------------------------------------------ 1. create

    private void createScenario() throws Exception {
        String name = "create " + String.format("%,d", create);
        long minimum = (create + 99) / 100;
        List<Map<String, Object>> records = Ceiling.contacts("Create", create);
        measure(name, "component", minimum, repeat, emulator::reset, () -> template.requestBody(
                "bigin:Contacts?operation=create", records, List.class).size());
        check(emulator.observe().count("Contacts") == create, "component create wrote " + emulator.observe().count("Contacts"));
        measure(name, "ceiling (JDK HttpClient)", minimum, repeat, emulator::reset, () -> ceiling.create(records));
        Row n = measure(name, "naive (camel-http)", minimum, 1, emulator::reset, () -> {
            template.requestBody("direct:naive-create", records);
            return emulator.observe().count("Contacts");
        });
        note(n, "one record per call");
    }

    // ------------------------------------------------------------------ 2. list

    private void listScenario() throws Exception {
        String name = "list " + String.format("%,d", list);
        long minimum = (list + 199) / 200;
        emulator.reset();
        emulator.seed().contacts(list);
        measure(name, "component, streaming", minimum, () -> {
            Iterator<?> it = template.requestBody("bigin:Contacts?operation=list&fields=Last_Name,Email&streaming=true",
                    null, Iterator.class);
            long n = 0;
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        });
        measure(name, "component, collected", minimum, () -> template.requestBody(
                "bigin:Contacts?operation=list&fields=Last_Name,Email", null, List.class).size());
        // every field: a default Contacts module is wider than the 50 fields a request may name
        int width = emulator.observe().fieldCount("Contacts");
        long chunks = 1 + (width - 50 + 48) / 49; // the first request takes 50, each further one 49 and Modified_Time
        Row wide = measure(name, "component, every field", minimum * chunks, () -> {
            Iterator<?> it = template.requestBody("bigin:Contacts?operation=list&streaming=true", null, Iterator.class);
            long n = 0;
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        });
        note(wide, width + " fields: " + chunks + " requests a page, in step, merged by id (one with fields named)");
        AtomicLong seen = new AtomicLong();
        measure(name, "ceiling (JDK HttpClient)", minimum, () -> {
            seen.set(0);
            ceiling.read("/Contacts?fields=Last_Name,Email", null, r -> seen.incrementAndGet());
            return seen.get();
        });
        Row n = measure(name, "naive (camel-http)", minimum, () -> {
            Map<String, Object> props = Map.of("path", "/Contacts", "query", "fields=Last_Name,Email");
            return template.send("direct:naive-list", e -> props.forEach(e::setProperty)).getMessage().getBody(Long.class);
        });
        note(n, String.format("stops at %,d records: Bigin refuses page numbers past 2,000", n.records()));
        Row small = streamingUnderSmallHeap(name, minimum);
        if (small != null) {
            check(small.records() == list, "the -Xmx128m streaming read got " + small.records() + " records");
        }
    }

    /** The 100,000-record streaming read in its own JVM with -Xmx128m (the emulator holding the data stays here). */
    private Row streamingUnderSmallHeap(String name, long minimum) throws Exception {
        emulator.observe().clearRequests();
        Map<String, String> v = ChildJvm.run("-Xmx128m", StreamingReadCheck.class,
                List.of(emulator.apiUrl(), BiginEmulator.ACCESS_TOKEN));
        if (v == null) {
            check(false, "the -Xmx128m streaming read failed");
            return null;
        }
        Row row = new Row(name, "component, streaming, -Xmx128m JVM", emulator.observe().apiCalls(), minimum, emulator.observe().credits(),
                Double.parseDouble(v.get("seconds")), Long.parseLong(v.get("records")),
                Double.parseDouble(v.get("peakHeapMb")), 0,
                "separate JVM: peak heap of " + v.get("maxHeapMb") + " MiB allowed");
        rows.add(row);
        System.out.printf("  %-26s %-28s %8d calls %9.2f s  peak heap %s MiB%n", name, row.way(), row.calls(),
                row.seconds(), v.get("peakHeapMb"));
        return row;
    }

    /** The classpath this program runs with (exec:java's class loader, or java -cp), for a JVM of its own. */
    static String classpath() {
        ClassLoader cl = Benchmark.class.getClassLoader();
        if (cl instanceof URLClassLoader) {
            List<String> parts = new ArrayList<>();
            for (URL url : ((URLClassLoader) cl).getURLs()) {
                parts.add(new File(url.getPath()).getAbsolutePath());
            }
            return String.join(File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }

    // ------------------------------------------------------------------ 3. search

    /** Searches for {@code search} of {@code search * 2.5} records, {@value #SEARCHES} times in a run (one is too short to time). */
    private void searchScenario() throws Exception {
        String name = "search " + String.format("%,d", search) + " of " + String.format("%,d", search * 5 / 2) + " ×"
                      + SEARCHES;
        long minimum = SEARCHES * ((search + 199) / 200);
        emulator.reset();
        emulator.seed().records("Contacts", search, i -> Map.of("Last_Name", "Match" + i));
        emulator.seed().records("Contacts", search * 3 / 2, i -> Map.of("Last_Name", "Other" + i));
        String criteria = "(Last_Name:starts_with:Match)";
        String query = "criteria=" + java.net.URLEncoder.encode(criteria, StandardCharsets.UTF_8);
        measure(name, "component", minimum, () -> {
            long n = 0;
            for (int i = 0; i < SEARCHES; i++) {
                n += template.requestBodyAndHeader("bigin:Contacts?operation=search", null, "CamelBiginCriteria",
                        criteria, List.class).size();
            }
            return n;
        });
        AtomicLong seen = new AtomicLong();
        measure(name, "ceiling (JDK HttpClient)", minimum, () -> {
            seen.set(0);
            for (int i = 0; i < SEARCHES; i++) {
                ceiling.read("/Contacts/search?" + query, null, r -> seen.incrementAndGet());
            }
            return seen.get();
        });
        measure(name, "naive (camel-http)", minimum, () -> {
            long n = 0;
            for (int i = 0; i < SEARCHES; i++) {
                Map<String, Object> props = Map.of("path", "/Contacts/search", "query", query);
                n += template.send("direct:naive-list", e -> props.forEach(e::setProperty)).getMessage()
                        .getBody(Long.class);
            }
            return n;
        });
    }

    // ------------------------------------------------------------------ 4. consumer catching up

    private void consumeScenario() throws Exception {
        String name = "catch up " + String.format("%,d", consume) + " changes";
        long minimum = (consume + 199) / 200;
        Instant start = seedChanges();
        Row c = catchUp(name, minimum, "list");
        note(c, "pages re-anchored on the watermark re-read the records of a page's last second");
        Row q = catchUp(name, minimum, "coql");
        note(q, "the re-anchored query leaves out the records already delivered in a settled second");
        Row l = catchUp(name, "component consumer, coql, useIterator=false", minimum, repeat, "coql",
                "&useIterator=false", 0);
        note(l, "one exchange a poll, its body the List of up to 1,000 records");
        List<Map<String, Object>> changes = new ArrayList<>();
        measure(name, "ceiling (JDK HttpClient)", minimum, () -> {
            changes.clear();
            ceiling.changesSince(null, "Last_Name", changes::add);
            return changes.size();
        });
        Row n = measure(name, "naive (newest-page poll)", minimum, () -> {
            naive.startPollingFrom(OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
            context.getRouteController().startRoute("naive-poll");
            Thread.sleep(Math.max(1000, (long) (c.seconds() * 1000)));
            context.getRouteController().stopRoute("naive-poll");
            return naive.polledRecords.get();
        });
        note(n, String.format("delivered %,d of %,d: each poll sees only the newest page", n.records(), consume));
    }

    /** {@code consume} changes, 50 a second as a busy org or a slow import makes them, ending two minutes ago. */
    private Instant seedChanges() {
        Instant start = Instant.now().minus(Duration.ofSeconds(consume / 50 + 120));
        emulator.reset();
        emulator.clock().freezeAt(start);
        for (int s = 0; s < consume / 50; s++) {
            emulator.clock().advance(Duration.ofSeconds(1));
            int second = s;
            emulator.seed().records("Contacts", 50, i -> Map.of("Last_Name", "Change" + second + "-" + i));
        }
        emulator.clock().reset();
        return start;
    }

    /** The consumer catching up from the beginning, with one way of asking for changes. */
    private Row catchUp(String name, long minimum, String changeDetection) throws Exception {
        return catchUp(name, "component consumer, " + changeDetection, minimum, repeat, changeDetection, "", 0);
    }

    /**
     * The consumer catching up from the beginning, with one way of asking for changes, more endpoint {@code options},
     * and a route that spends {@code workNanos} on each record.
     */
    private Row catchUp(String name, String way, long minimum, int runs, String changeDetection, String options,
                        long workNanos) throws Exception {
        AtomicLong delivered = new AtomicLong();
        String[] routeId = new String[1];
        Setup newConsumer = () -> {
            removeRoute(routeId[0]);
            delivered.set(0);
            routeId[0] = "bench-consumer-" + changeDetection + "-" + (++consumers);
            // a state key of its own: a new endpoint with a new watermark, so each run reads the whole backlog
            String uri = scheme + ":Contacts?events=created,updated&fields=Last_Name&initialPosition=beginning&delay=10"
                         + "&initialDelay=0&changeDetection=" + changeDetection + "&stateKey=" + routeId[0] + options;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId(routeId[0]).autoStartup(false).process(e -> {
                        // one record an exchange, or (useIterator=false) a List of them
                        int records = e.getIn().getBody() instanceof List<?> list ? list.size() : 1;
                        for (int i = 0; i < records; i++) {
                            work(workNanos);
                        }
                        delivered.addAndGet(records);
                    });
                }
            });
        };
        Row row = measure(name, way, minimum, runs, newConsumer, () -> {
            context.getRouteController().startRoute(routeId[0]);
            while (delivered.get() < consume) {
                Thread.sleep(2);
            }
            context.getRouteController().stopRoute(routeId[0]);
            return delivered.get();
        });
        check(delivered.get() == consume, "the " + changeDetection + " consumer delivered " + delivered.get());
        removeRoute(routeId[0]);
        return row;
    }

    /** What a route does with a record (writes it to a database, say): busy for {@code nanos}. */
    private static void work(long nanos) {
        long end = System.nanoTime() + nanos;
        while (nanos > 0 && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /**
     * The catch-up as it meets real Bigin: every call takes {@value #WAN_MILLIS} ms, and the route spends
     * {@value #WAN_WORK_MICROS} µs on each record. A reader that waits for each batch to be processed before asking for
     * the next pays for both; the component reads the next batch while this one is processed.
     */
    private void wanScenario() throws Exception {
        String name = "over a WAN: catch up " + String.format("%,d", consume) + ", " + WAN_MILLIS + " ms a call, "
                      + WAN_WORK_MICROS + " µs a record";
        long minimum = (consume + 199) / 200;
        int runs = Math.min(repeat, 3);
        if (emulator.observe().count("Contacts") != consume) {
            seedChanges();
        }
        emulator.faults().inject(Fault.delay(WAN_MILLIS).always());
        try {
            catchUp(name, "component consumer, coql", minimum, runs, "coql", "", WAN_WORK_MICROS * 1000L);
            catchUp(name, "component consumer, coql, readAhead=false", minimum, runs, "coql", "&readAhead=false",
                    WAN_WORK_MICROS * 1000L);
            AtomicLong seen = new AtomicLong();
            measure(name, "ceiling (JDK HttpClient)", minimum, runs, () -> seen.set(0), () -> {
                ceiling.changesSince(null, "Last_Name", r -> {
                    work(WAN_WORK_MICROS * 1000L);
                    seen.incrementAndGet();
                });
                return seen.get();
            });
        } finally {
            emulator.faults().clear();
        }
    }

    private void removeRoute(String routeId) throws Exception {
        if (routeId != null && context.getRoute(routeId) != null) {
            context.getRouteController().stopRoute(routeId);
            context.removeRoute(routeId);
        }
    }

    // ------------------------------------------------------------------ 5. idle polling

    /** A poll strategy bound as {@code name} that counts the polls it sees begin. */
    private AtomicLong countingPolls(String name) {
        AtomicLong polled = new AtomicLong();
        context.getRegistry().bind(name, new DefaultPollingConsumerPollStrategy() {
            @Override
            public boolean begin(Consumer consumer, Endpoint endpoint) {
                polled.incrementAndGet();
                return true;
            }
        });
        return polled;
    }

    private void idleScenario() throws Exception {
        String name = "idle, " + polls + " polls (1 h at 60 s)";
        AtomicLong polled = countingPolls("countPolls");
        emulator.reset();
        emulator.clock().freezeAt(Instant.now().minus(Duration.ofMinutes(10)));
        emulator.seed().contacts(100);
        emulator.clock().reset();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigin:Contacts?events=created,updated&fields=Last_Name&delay=10&initialDelay=0"
                     + "&pollStrategy=#countPolls").routeId("bench-idle")
                        .autoStartup(false).to("log:idle?level=OFF");
            }
        });
        context.getRouteController().startRoute("bench-idle");
        Thread.sleep(300); // starting point taken and stored
        context.getRouteController().stopRoute("bench-idle");
        Row c = measure(name, "component consumer", polls, 1, () -> {
        }, () -> {
            // a restart from the stored watermark, then polls until the count is reached: every call is a counted poll
            polled.set(0);
            context.getRouteController().startRoute("bench-idle");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (polled.get() < polls && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            context.getRouteController().stopRoute("bench-idle"); // waits for a poll in flight: calls and polls agree
            return 0;
        });
        idlePolls = polled.get();
        long answered = emulator.observe().apiRequests().stream().filter(r -> r.status() == 304).count();
        note(c, String.format("%d polls made %d calls; %d answered 304 Not Modified", idlePolls, c.calls(), answered));
        emulator.observe().clearRequests();
        OffsetDateTime since = OffsetDateTime.now();
        measure(name, "ceiling (JDK HttpClient)", polls, 1, () -> {
        }, () -> {
            for (int i = 0; i < polls; i++) {
                ceiling.changesSince(since, "Last_Name", r -> {
                });
            }
            return 0;
        });
        naive.startPollingFrom(since);
        Row n = measure(name, "naive (newest-page poll)", polls, () -> {
            context.getRouteController().startRoute("naive-poll");
            while (emulator.observe().apiCalls() < polls) {
                Thread.sleep(1);
            }
            context.getRouteController().stopRoute("naive-poll");
            return 0;
        });
        note(n, "every poll downloads the newest 200 records");
    }

    /**
     * Idle polls after 450 old records were edited, for each choice of events, every field of Contacts (two field
     * chunks a page): a created-only feed pays nothing for the edits, a deletions feed neither, and a feed of updates
     * reads the 450 once (3 pages, 2 chunks each) and is idle after that.
     */
    private void idleAfterEditsScenario() throws Exception {
        String name = "idle after 450 edits, " + polls + " polls";
        AtomicLong polled = countingPolls("countEditPolls");
        Map<String, Long> minimum = Map.of("created", (long) polls, "deleted", (long) polls, "created,updated",
                polls - 1 + 3 * 2L);
        int n = 0;
        for (String events : List.of("created", "deleted", "created,updated")) {
            String routeId = "bench-edits-" + n++;
            emulator.reset();
            emulator.clock().freezeAt(Instant.now().minus(Duration.ofMinutes(10)));
            List<String> old = emulator.seed().contacts(450);
            emulator.clock().reset();
            AtomicLong delivered = new AtomicLong();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("bigin:Contacts?events=" + events + "&delay=10&initialDelay=0&pollStrategy=#countEditPolls")
                            .routeId(routeId).autoStartup(false).process(e -> delivered.incrementAndGet());
                }
            });
            context.getRouteController().startRoute(routeId); // the starting point, stored
            context.getRouteController().stopRoute(routeId);
            // the edits five minutes before the polls, all in one second: at the default 60 s delay every poll but the
            // first two comes after the settle margin, when a feed of updates has sealed that second (the polls here,
            // 10 ms apart, would otherwise all fall within the margin and re-read the 450 at each poll)
            emulator.clock().freezeAt(Instant.now().minus(Duration.ofMinutes(5)));
            old.forEach(id -> emulator.seed().update("Contacts", id, Map.of("Title", "edited")));
            emulator.clock().reset();
            Row c = measure(name, "component consumer, events=" + events, minimum.get(events), 1, () -> {
            }, () -> {
                polled.set(0);
                context.getRouteController().startRoute(routeId);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (polled.get() < polls && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                context.getRouteController().stopRoute(routeId); // waits for a poll in flight
                return delivered.get();
            });
            note(c, String.format("%d polls made %d calls; %d records delivered", polled.get(), c.calls(),
                    delivered.get()));
            context.removeRoute(routeId);
        }
    }

    // ------------------------------------------------------------------ mapping cost

    private String mappingBenchmark() throws Exception {
        Runner runner = new Runner(new OptionsBuilder().include(MappingBenchmark.class.getName()).forks(0)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(3)
                .measurementTime(TimeValue.seconds(1)).build());
        StringBuilder sb = new StringBuilder("| mapping a page of 200 records | µs per page | µs per record |\n|---|---|---|\n");
        java.util.Collection<RunResult> results = runner.run();
        long benchmarks = java.util.Arrays.stream(MappingBenchmark.class.getMethods())
                .filter(m -> m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class)).count();
        check(results.size() == benchmarks, "only " + results.size() + " of the " + benchmarks
                                            + " JMH mapping benchmarks ran; see the output above");
        for (RunResult r : results) {
            double us = r.getPrimaryResult().getScore();
            String label = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            sb.append(String.format("| %s | %.1f ± %.1f | %.2f |%n", label, us, r.getPrimaryResult().getScoreError(),
                    us / 200));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ 7. the same on zohocrm:

    /**
     * zohocrm: on the emulator's Zoho CRM flavour: create, list (page tokens past 2,000), search, a COQL export (2,000
     * records a call) and catching up by list and by COQL, each against the calls CRM's page sizes allow.
     */
    private void crmScenarios() throws Exception {
        BiginEmulator bigin = emulator;
        BiginEmulator crm = new BiginEmulator(0, 16, Flavour.CRM).start();
        crm.tuning().recordBodies(false);
        ZohoCrmComponent component = new ZohoCrmComponent();
        component.getConfiguration().setAccessToken(BiginEmulator.ACCESS_TOKEN);
        component.getConfiguration().setApiUrl(crm.apiUrl());
        context.addComponent("zohocrm", component);
        emulator = crm;
        scheme = "zohocrm";
        try {
            String create = "zohocrm create " + String.format("%,d", this.create);
            List<Map<String, Object>> records = Ceiling.contacts("Create", this.create);
            measure(create, "component", (this.create + 99) / 100, repeat, emulator::reset, () -> template
                    .requestBody("zohocrm:Contacts?operation=create", records, List.class).size());

            String listed = "zohocrm list " + String.format("%,d", list);
            emulator.reset();
            emulator.seed().contacts(list);
            measure(listed, "component", (list + 199) / 200, () -> count(template.requestBody(
                    "zohocrm:Contacts?operation=list&fields=Last_Name,Email&streaming=true", null, Iterator.class)));
            Row coql = measure("zohocrm coql export " + String.format("%,d", list), "component",
                    (list + 1999) / 2000, () -> count(template.requestBody("zohocrm:Contacts?operation=coql"
                                                                           + "&streaming=true",
                            "select Last_Name, Email from Contacts where Last_Name is not null", Iterator.class)));
            note(coql, "2,000 records a call at 3 credits, by keyset on id past OFFSET's 100,000");
            measure("zohocrm count " + String.format("%,d", list), "component", 1, () -> template.requestBody(
                    "zohocrm:Contacts?operation=count", null, Long.class));

            String searched = "zohocrm search " + String.format("%,d", search) + " ×" + SEARCHES;
            emulator.reset();
            emulator.seed().records("Contacts", search, i -> Map.of("Last_Name", "Match" + i));
            emulator.seed().records("Contacts", search * 3 / 2, i -> Map.of("Last_Name", "Other" + i));
            measure(searched, "component", SEARCHES * ((search + 199) / 200), () -> {
                long n = 0;
                for (int i = 0; i < SEARCHES; i++) {
                    n += template.requestBody("zohocrm:Contacts?operation=search&criteria=(Last_Name:starts_with:Match)",
                            null, List.class).size();
                }
                return n;
            });

            String caught = "zohocrm catch up " + String.format("%,d", consume) + " changes";
            seedChanges();
            catchUp(caught, "component consumer, list", (consume + 199) / 200, repeat, "list", "", 0);
            Row q = catchUp(caught, "component consumer, coql", (consume + 1999) / 2000, repeat, "coql", "", 0);
            note(q, "COQL pages of 2,000");
        } finally {
            emulator = bigin;
            scheme = "bigin";
            crm.close();
        }
    }

    private static long count(Iterator<?> it) {
        long n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    // ------------------------------------------------------------------ report

    private String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| scenario | way | API calls | minimum | credits | seconds | records | records/s | peak heap MiB |"
                  + " emulator CPU | note |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            sb.append(String.format("| %s | %s | %,d | %,d | %,d | %.2f | %,d | %,.0f | %.0f | %.0f %% | %s |%n",
                    r.scenario(), r.way(), r.calls(), r.minimum(), r.credits(), r.seconds(), r.records(),
                    r.recordsPerSecond(), r.peakHeapMb(), r.emulatorShare() * 100, r.note()));
        }
        return sb.toString();
    }

    private Row row(String scenarioPrefix, String way) {
        return rows.stream().filter(r -> r.scenario().startsWith(scenarioPrefix) && r.way().equals(way)).findFirst()
                .orElse(null);
    }

    /** The component's ways of each scenario, the default first. */
    private static List<String> componentWays(String scenario) {
        return switch (scenario) {
            case "list" -> List.of("component, streaming", "component, collected");
            case "catch up" -> List.of("component consumer, list", "component consumer, coql",
                    "component consumer, coql, useIterator=false");
            case "over a WAN" -> List.of("component consumer, coql");
            case "idle" -> List.of("component consumer");
            default -> List.of("component");
        };
    }

    private static String naiveWay(String scenario) {
        return scenario.equals("catch up") || scenario.equals("idle") ? "naive (newest-page poll)" : "naive (camel-http)";
    }

    private String targets() {
        StringBuilder sb = new StringBuilder("| target | measured | met |\n|---|---|---|\n");
        for (String s : List.of("create", "list", "search", "catch up", "over a WAN")) {
            Row ceil = row(s, "ceiling (JDK HttpClient)");
            for (String way : componentWays(s)) {
                Row c = row(s, way);
                if (c == null || ceil == null) {
                    continue;
                }
                target(sb, s + " (" + way + "): calls equal the minimum", c.calls() + " calls, minimum " + c.minimum(),
                        c.calls() <= c.minimum());
                double ratio = c.recordsPerSecond() / ceil.recordsPerSecond();
                target(sb, s + " (" + way + "): throughput at least 0.9x the ceiling", String.format("%.2fx", ratio),
                        ratio >= 0.9);
            }
        }
        Row cc = row("create", "component");
        Row nc = row("create", "naive (camel-http)");
        if (cc != null && nc != null) {
            double fewer = (double) nc.calls() / cc.calls();
            target(sb, "create: at least 50x fewer calls than the naive route", String.format("%.0fx", fewer), fewer >= 50);
        }
        Row wide = row("list", "component, every field");
        if (wide != null) {
            target(sb, "list (every field of a module wider than a request): calls equal pages x requests a page",
                    wide.calls() + " calls, minimum " + wide.minimum(), wide.calls() <= wide.minimum());
        }
        Row small = row("list", "component, streaming, -Xmx128m JVM");
        target(sb, "list: the streaming read completes under -Xmx128m", small == null ? "did not run"
                : String.format("%,d records, peak heap %.0f MiB", small.records(), small.peakHeapMb()),
                small != null && small.records() == list);
        for (Row r : rows) {
            if (r.scenario().startsWith("zohocrm ")) {
                target(sb, r.scenario() + " (" + r.way() + "): calls equal the minimum with Zoho CRM's page sizes",
                        r.calls() + " calls, minimum " + r.minimum(), r.calls() <= r.minimum());
            }
        }
        rows.stream().filter(r -> r.scenario().startsWith("idle after")).forEach(r -> target(sb, "idle after edits ("
                + r.way() + "): old records' edits cost only the updates delivered", r.calls() + " calls, minimum "
                + r.minimum(), r.calls() <= r.minimum()));
        Row idle = row("idle", "component consumer");
        if (idle != null) {
            target(sb, "idle polling: one call per poll", String.format("%d calls for %d polls", idle.calls(), idlePolls),
                    idle.calls() <= idlePolls && idlePolls >= polls);
        }
        sb.append(notes.stream().map(n -> "\nNote: " + n).collect(Collectors.joining()));
        return sb.toString();
    }

    private static void target(StringBuilder sb, String target, String measured, boolean met) {
        sb.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            notes.add(problem);
            System.out.println("PROBLEM: " + problem);
        }
    }

    private void writeDocs(String table, String verdict, String mapping) throws Exception {
        Files.createDirectories(docs);
        Map<String, Map<String, Double>> calls = new LinkedHashMap<>();
        Map<String, Map<String, Double>> speed = new LinkedHashMap<>();
        for (String s : List.of("create", "list", "search", "catch up", "idle")) {
            String label = rows.stream().filter(r -> r.scenario().startsWith(s)).findFirst().map(Row::scenario).orElse(s);
            Row c = row(s, componentWays(s).get(0));
            Row coql = row(s, "component consumer, coql");
            Row ceil = row(s, "ceiling (JDK HttpClient)");
            Row n = row(s, naiveWay(s));
            calls.put(label, Chart.series("bigin: component", c == null ? null : c.calls(), "bigin: coql",
                    coql == null ? null : coql.calls(), "ceiling", ceil == null ? null : ceil.calls(), "naive",
                    n == null ? null : n.calls(), "minimum", c == null ? null : c.minimum()));
            if (!s.equals("idle")) {
                speed.put(label, Chart.series("bigin: component", c == null ? null : c.recordsPerSecond(),
                        "bigin: coql", coql == null ? null : coql.recordsPerSecond(), "ceiling",
                        ceil == null ? null : ceil.recordsPerSecond(), "naive", n == null ? null : n.recordsPerSecond()));
            }
        }
        Chart.write(docs.resolve("benchmarks.png"), calls, speed);
        DocSection.write(docs.resolve("benchmarks.md"), "<!-- benchmark output -->", "Java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores",
                "![calls and speed](benchmarks.png)\n\n" + table + "\n### Targets\n\n" + verdict
                + "\n\n### Mapping cost (JMH)\n\n" + mapping);
    }
}
