package io.github.camelbigin.component;

import io.github.camelbigin.common.testing.LocalPlatformHttp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.AvailablePortFinder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The watermark survives restarts and moves with the leader across nodes. */
class BiginConsumerDurabilityTest extends ConsumerTestSupport {

    @TempDir
    Path dir;

    /** A separate CamelContext (another JVM, as far as Camel knows) running a bigin consumer into {@code sink}. */
    private CamelContext node(String name, Object stateRepository, String fromUri, List<String> sink) throws Exception {
        return node(name, stateRepository, fromUri, sink, e -> {
        }, null);
    }

    /**
     * As above, with {@code first} run on each exchange before it counts as delivered, and the route run only while
     * this node leads {@code clusterNamespace} (null: always).
     */
    private CamelContext node(String name, Object stateRepository, String fromUri, List<String> sink, Processor first,
                              String clusterNamespace) throws Exception {
        CamelContext node = new DefaultCamelContext();
        node.getCamelContextExtension().setName(name);
        node.getRegistry().bind("state", stateRepository);
        node.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                RouteDefinition route = from(fromUri).routeId("bigin-" + name);
                if (clusterNamespace != null) {
                    // what master: does, from camel-cluster (the registry here lacks camel-master 4.22)
                    route.routePolicy(ClusteredRoutePolicy.forNamespace(clusterNamespace));
                }
                route.process(first)
                        .process(e -> sink.add(e.getIn().getHeader(BiginConstants.EVENT_TYPE) + ":"
                                               + e.getIn().getHeader(BiginConstants.RECORD_ID)));
            }
        });
        return node;
    }

    private String uri() {
        return "bigin:Contacts?events=created,updated&stateRepository=#state&delay=50&initialDelay=0&accessToken="
               + BiginEmulator.ACCESS_TOKEN + "&apiUrl=" + emulator().apiUrl();
    }

    @Test
    void aRestartWithFileStateDeliversEveryChangeMadeWhileDownAndNothingTwice() throws Exception {
        List<String> run1 = new CopyOnWriteArrayList<>();
        List<String> run2 = new CopyOnWriteArrayList<>();
        Path file = dir.resolve("bigin.state");
        CamelContext first = node("first", FileStateRepository.fileStateRepository(file.toFile()), uri(), run1);
        first.start();
        await(() -> new java.io.File(file.toString()).length() > 0, 10_000, "the starting watermark on file");
        List<String> before = emulator().seed().contacts(3);
        await(() -> run1.size() == 3, 10_000, "the first run's deliveries");
        first.stop();

        // while the route is down: two new contacts and one change
        List<String> whileDown = emulator().seed().records("Contacts", 2, i -> Map.of("Last_Name", "WhileDown" + i));
        emulator().seed().update("Contacts", before.get(0), Map.of("Title", "changed while down"));

        CamelContext second = node("second", FileStateRepository.fileStateRepository(file.toFile()), uri(), run2);
        second.start();
        await(() -> run2.size() >= 3, 10_000, "the second run's deliveries");
        awaitPolls(3);
        second.stop();

        assertThat(run1).containsExactly("created:" + before.get(0), "created:" + before.get(1),
                "created:" + before.get(2));
        assertThat(run2).containsExactly("created:" + whileDown.get(0), "created:" + whileDown.get(1),
                "updated:" + before.get(0));
    }

    @Test
    void aBurstOfFiveThousandRecordsInOneSecondKeepsTheStateSmallAndItsWritesFew() throws Exception {
        emulator().clock().freezeAt(java.time.Instant.parse("2026-11-30T10:00:00Z"));
        List<String> ids = emulator().seed().contacts(5000);
        emulator().clock().advance(java.time.Duration.ofSeconds(1));
        long[] written = new long[2];
        MemoryStateRepository counting = new MemoryStateRepository() {
            @Override
            public void setState(String key, String value) {
                written[0] += value.length();
                written[1] = Math.max(written[1], value.length());
                super.setState(key, value);
            }
        };
        List<String> delivered = new CopyOnWriteArrayList<>();
        CamelContext node = node("burst", counting, uri() + "&initialPosition=beginning", delivered);
        node.start();
        await(() -> delivered.size() == 5000, 30_000, "the burst's deliveries");
        node.stop();

        assertThat(delivered).doesNotHaveDuplicates().hasSize(ids.size());
        // each id in the state at its second (about 41 characters with its fingerprint) and among the ids delivered
        // as created (about 22, kept so a crash in the burst brings none as created twice), and few saves of a large
        // state: a FileStateRepository trunks its file once a megabyte, instead of hundreds of times
        assertThat(written[1]).as("the largest state saved").isLessThan(330_000);
        assertThat(written[0]).as("characters written to the state repository").isLessThan(2_000_000);
    }

    @Test
    void aCrashInABacklogBringsNoRecordCreatedInItAsCreatedAgain() throws Exception {
        List<String> ids = emulator().seed().contacts(6);
        String uri = uri() + "&initialPosition=beginning&maxMessagesPerPoll=2&readAhead=false";
        String key = "bigin:Contacts:created,updated";
        MemoryStateRepository live = new MemoryStateRepository();
        MemoryStateRepository leftBehind = new MemoryStateRepository();
        List<String> run1 = new CopyOnWriteArrayList<>();
        CamelContext first = node("first", live, uri, run1, e -> {
            if (run1.size() == 2) {
                emulator().seed().update("Contacts", ids.get(0), Map.of("Last_Name", "Touched in the backlog"));
            }
            if (run1.size() == 4) {
                leftBehind.setState(key, live.getState(key)); // what a crash here would leave behind
            }
        }, null);
        first.start();
        await(() -> run1.size() == 7, 10_000, "the first run's deliveries");
        first.stop();
        assertThat(run1).contains("created:" + ids.get(0), "updated:" + ids.get(0));

        List<String> run2 = new CopyOnWriteArrayList<>();
        CamelContext second = node("second", leftBehind, uri, run2);
        second.start();
        await(() -> run2.contains("updated:" + ids.get(0)), 10_000, "the touched record again");
        second.stop();

        assertThat(run2).doesNotContain("created:" + ids.get(0));
    }

    @Test
    void aCrashRepeatsNoRecordByDefaultBecauseTheWatermarkIsSavedAfterEveryExchange() throws Exception {
        List<String> ids = emulator().seed().contacts(10);
        assertThat(recordsRepeatedAfterACrashAtTheSeventhRecord("")).containsExactlyElementsOf(ids.subList(6, 10));
    }

    @Test
    void withStateSaveEveryACrashRepeatsFewerRecordsThanThatNumber() throws Exception {
        List<String> ids = emulator().seed().contacts(10);
        // saved after the fifth exchange: the crash during the seventh repeats the sixth
        assertThat(recordsRepeatedAfterACrashAtTheSeventhRecord("&stateSaveEvery=5"))
                .containsExactlyElementsOf(ids.subList(5, 10));
    }

    /**
     * Runs a consumer over the seeded records and copies its stored state while the seventh record is being processed
     * (what a JVM killed at that moment leaves behind); then a second node starts from that copy. Returns the ids the
     * second node delivers.
     */
    private List<String> recordsRepeatedAfterACrashAtTheSeventhRecord(String options) throws Exception {
        String uri = uri() + "&initialPosition=beginning" + options;
        MemoryStateRepository live = new MemoryStateRepository();
        MemoryStateRepository leftBehind = new MemoryStateRepository();
        List<String> run1 = new CopyOnWriteArrayList<>();
        String key = "bigin:Contacts:created,updated";
        CamelContext first = node("first", live, uri, run1, e -> {
            if (run1.size() == 6) {
                leftBehind.setState(key, live.getState(key));
            }
        }, null);
        first.start();
        await(() -> run1.size() == 10, 10_000, "the first run's deliveries");
        first.stop();

        List<String> run2 = new CopyOnWriteArrayList<>();
        CamelContext second = node("second", leftBehind, uri, run2);
        second.start();
        long polled = emulator().observe().apiCalls();
        await(() -> emulator().observe().apiCalls() >= polled + 3, 10_000, "the second run's polls");
        second.stop();
        return run2.stream().map(d -> d.substring(d.indexOf(':') + 1)).toList();
    }

    @Test
    void twoClusteredNodesDeliverEachRecordOnceWhileTheLeaderChanges() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:bigin-cluster;DB_CLOSE_DELAY=-1");
        List<String> a = new CopyOnWriteArrayList<>();
        List<String> b = new CopyOnWriteArrayList<>();
        CamelContext nodeA = node("a", new JdbcStateRepository(db), uri(), a, e -> {
        }, "bigin-contacts");
        CamelContext nodeB = node("b", new JdbcStateRepository(db), uri(), b, e -> {
        }, "bigin-contacts");
        nodeA.addService(clusterService("a"));
        nodeB.addService(clusterService("b"));
        JdbcStateRepository shared = new JdbcStateRepository(db);
        shared.start();
        nodeA.start();
        await(() -> shared.getState("bigin:Contacts:created,updated") != null, 20_000,
                "node a to lead and store its starting watermark");
        nodeB.start();

        List<String> ids = new ArrayList<>(emulator().seed().contacts(5));
        await(() -> a.size() == 5, 20_000, "node a to deliver the first records");

        nodeA.stop(); // node b takes over
        ids.addAll(emulator().seed().records("Contacts", 5, i -> Map.of("Last_Name", "AfterFailover" + i)));
        await(() -> b.size() == 5, 30_000, "node b to deliver the records made after the failover");
        awaitPolls(3);
        nodeB.stop();

        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        assertThat(all).hasSize(10).doesNotHaveDuplicates()
                .containsExactlyElementsOf(ids.stream().map(id -> "created:" + id).toList());
        assertThat(a).hasSize(5);
        assertThat(b).hasSize(5);
    }

    @Test
    void inPushModeOnlyTheLeaderHoldsTheChannelAndTheNextLeaderTakesItOver() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:bigin-push-cluster;DB_CLOSE_DELAY=-1");
        List<String> a = new CopyOnWriteArrayList<>();
        List<String> b = new CopyOnWriteArrayList<>();
        int portA = AvailablePortFinder.getNextAvailable();
        int portB = AvailablePortFinder.getNextAvailable();
        // each node's notifyUrl is its own port here; behind one ingress it is the same URL, routed to the leader
        CamelContext nodeA = node("a", new JdbcStateRepository(db), pushUri(portA), a, e -> {
        }, "bigin-push");
        CamelContext nodeB = node("b", new JdbcStateRepository(db), pushUri(portB), b, e -> {
        }, "bigin-push");
        nodeA.addService(clusterService("a"));
        nodeB.addService(clusterService("b"));
        nodeA.addService(httpServer(portA));
        nodeB.addService(httpServer(portB));
        nodeA.start();
        await(() -> emulator().observe().channelIds().size() == 1, 20_000, "node a to lead and enable its channel");
        nodeB.start();
        Thread.sleep(1_000); // node b stays a follower: no second channel

        assertThat(emulator().observe().channelIds()).hasSize(1);
        List<String> ids = new ArrayList<>(emulator().seed().contacts(3));
        await(() -> a.size() == 3, 20_000, "node a to deliver by notification");

        nodeA.stop(); // deletes its channel; node b takes over and enables its own
        await(() -> emulator().observe().channelIds().size() == 1 && b.isEmpty(), 30_000, "node b to lead");
        ids.addAll(emulator().seed().records("Contacts", 3, i -> Map.of("Last_Name", "AfterFailover" + i)));
        await(() -> b.size() == 3, 30_000, "node b to deliver the records made after the failover");
        nodeB.stop();

        assertThat(emulator().observe().channelIds()).isEmpty();
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        assertThat(all).containsExactlyElementsOf(ids.stream().map(id -> "created:" + id).toList());
    }

    private String pushUri(int port) {
        return uri() + "&notifications=true&reconcileInterval=3600000&notifyUrl=http://127.0.0.1:" + port
               + "/bigin/contacts";
    }

    private static VertxPlatformHttpServer httpServer(int port) {
        return LocalPlatformHttp.server(port);
    }

    private CamelClusterService clusterService(String id) {
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(id);
        cluster.setRoot(dir.resolve("cluster").toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        return cluster;
    }
}
