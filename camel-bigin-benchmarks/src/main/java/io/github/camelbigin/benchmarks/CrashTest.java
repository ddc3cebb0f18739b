package io.github.camelbigin.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelbigin.emulator.BiginEmulator;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The crash test: the consumer runs in a JVM of its own ({@link CrashTestConsumer}, watermark in a JDBC state
 * repository, each delivery written to the same database) while records are created and updated, and is killed with
 * SIGKILL at random points, {@code --kills} times, then restarted. At the end every record's latest version must have
 * been delivered (none lost), and repeats are counted against {@code stateSaveEvery} a crash. {@code --rate} sets
 * the changes a second (50 by default, which the consumer keeps up with; at 200 it never catches up, its state holds
 * every record created in the backlog, and saves of a state of n ids come every n/8 exchanges).
 *
 * <pre>
 * ./mvnw -q -pl camel-bigin-benchmarks -am -DskipTests install exec:java \
 *     -Dexec.mainClass=io.github.camelbigin.benchmarks.CrashTest -Dexec.args="--docs docs/reliability.md"
 * </pre>
 */
public final class CrashTest {

    private int kills = 10;
    private int stateSaveEvery = 1;
    private int changesPerSecond = 50;
    private long seed = System.nanoTime();
    private Path docs;

    public static void main(String[] args) throws Exception {
        CrashTest t = new CrashTest();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kills" -> t.kills = Integer.parseInt(args[++i]);
                case "--state-save-every" -> t.stateSaveEvery = Integer.parseInt(args[++i]);
                case "--seed" -> t.seed = Long.parseLong(args[++i]);
                case "--rate" -> t.changesPerSecond = Integer.parseInt(args[++i]);
                case "--docs" -> t.docs = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + ": use --kills N,"
                                                              + " --state-save-every N, --rate CHANGES_A_SECOND, --seed N, --docs FILE");
            }
        }
        System.exit(t.run() ? 0 : 1);
    }

    boolean run() throws Exception {
        Random random = new Random(seed);
        Path dir = Path.of("target", "crash-test").toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        String jdbc = "jdbc:h2:file:" + dir.resolve("state") + ";FILE_LOCK=NO";
        try (BiginEmulator emulator = new BiginEmulator().start()) {
            List<String> ids = new ArrayList<>(emulator.seed().contacts(200));
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                Random r = new Random(seed + 1);
                while (writing.get()) {
                    if (r.nextInt(10) < 3) {
                        synchronized (ids) {
                            ids.add(emulator.seed().insert("Contacts", Map.of("Last_Name", "Crash " + ids.size())));
                        }
                    } else {
                        String id;
                        synchronized (ids) {
                            id = ids.get(r.nextInt(ids.size()));
                        }
                        emulator.seed().update("Contacts", id, Map.of("Last_Name", "Changed " + r.nextInt()));
                    }
                    sleep(1000 / changesPerSecond);
                }
            }, "crash-test-writer");
            writer.start();
            for (int k = 0; k < kills; k++) {
                Process consumer = startConsumer(emulator, jdbc);
                long alive = 800 + random.nextInt(2200);
                Thread.sleep(alive);
                consumer.destroyForcibly(); // SIGKILL: no shutdown hook, no final save
                consumer.waitFor(10, TimeUnit.SECONDS);
                System.out.printf("kill %d after %d ms%n", k + 1, alive);
            }
            writing.set(false);
            writer.join();
            Process last = startConsumer(emulator, jdbc);
            Thread.sleep(10_000); // catches up on what changed since the last kill
            last.destroyForcibly();
            last.waitFor(10, TimeUnit.SECONDS);
            return report(emulator.observe().records("Contacts"), jdbc);
        }
    }

    private Process startConsumer(BiginEmulator emulator, String jdbc) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", Benchmark.classpath(), CrashTestConsumer.class.getName(),
                emulator.apiUrl(), jdbc, String.valueOf(stateSaveEvery)).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "crash-test", "consumer.log").toFile()).start();
    }

    private boolean report(List<Map<String, Object>> records, String jdbc) throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(jdbc);
        Map<String, Integer> versionsDelivered = new HashMap<>();
        Map<String, Integer> created = new HashMap<>();
        long deliveries = 0;
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select id, type, modified, name from deliveries")) {
            while (rs.next()) {
                deliveries++;
                String version = rs.getString(1) + "@" + OffsetDateTime.parse(rs.getString(3)).toInstant() + "@"
                                 + rs.getString(4);
                versionsDelivered.merge(version, 1, Integer::sum);
                if ("created".equals(rs.getString(2))) {
                    created.merge(rs.getString(1), 1, Integer::sum);
                }
            }
        }
        Set<String> latest = new HashSet<>();
        for (Map<String, Object> r : records) {
            latest.add(r.get("id") + "@" + OffsetDateTime.parse(r.get("Modified_Time").toString()).toInstant() + "@"
                       + r.get("Last_Name"));
        }
        long lost = latest.stream().filter(v -> !versionsDelivered.containsKey(v)).count();
        long repeats = versionsDelivered.values().stream().mapToLong(n -> n - 1).sum();
        long createdTwice = created.values().stream().filter(n -> n > 1).count();
        long allowed = (long) kills * stateSaveEvery;
        String table = String.format("| measure | value |%n|---|---:|%n| SIGKILLs | %d |%n"
                                     + "| changes a second while it ran | %d |%n| records at the end | %d |%n"
                                     + "| deliveries | %d |%n| latest versions never delivered (lost) | %d |%n"
                                     + "| versions delivered more than once (repeats) | %d |%n"
                                     + "| records delivered as created more than once | %d |%n"
                                     + "| repeats allowed (kills × stateSaveEvery %d) | %d |%n",
                kills, changesPerSecond, records.size(), deliveries, lost, repeats, createdTwice, stateSaveEvery, allowed);
        // a repeated "created" of a newer version is a duplicate event too: both count against the allowance
        boolean ok = lost == 0 && repeats + createdTwice <= allowed;
        String verdict = ok ? "Nothing lost; repeats (of versions and of created events) within the allowance."
                : "**FAILED**: see the table.";
        System.out.println(table);
        System.out.println(verdict);
        if (docs != null) {
            DocSection.write(docs, "<!-- crash test output -->", "seed " + seed, table + "\n" + verdict);
        }
        return ok;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
