package io.github.camelbigin.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelbigin.emulator.BiginEmulator;

/**
 * When bulk pays off, side by side on the emulator: an export of a whole module by {@code list} pages, by
 * {@code coql} and by {@code bulkRead} (each streaming, in a JVM of its own under {@code -Xmx128m}), and a load by
 * batch {@code create} and by {@code bulkWrite} (each in a JVM of its own, bulkWrite under {@code -Xmx128m}) — API calls,
 * credits, seconds and peak heap; the emulator holding the records stays in this JVM. Checks the targets (the
 * bulk export at least 10× fewer credits than pages, under 128 MiB) and with {@code --docs DIR} writes the table into
 * DIR/benchmarks.md. Options: {@code --export 1000000 --load 100000}.
 */
public final class BulkBenchmark {

    private int export = 1_000_000;
    private int load = 100_000;
    private Path docs;
    private BiginEmulator emulator;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        BulkBenchmark b = new BulkBenchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--export" -> b.export = Integer.parseInt(args[++i]);
                case "--load" -> b.load = Integer.parseInt(args[++i]);
                case "--docs" -> b.docs = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + ": use --export N,"
                                                              + " --load N, --docs DIR");
            }
        }
        System.exit(b.run() ? 0 : 1);
    }

    boolean run() throws Exception {
        emulator = new BiginEmulator(0, 4).start();
        emulator.tuning().recordBodies(false);
        try {
            System.out.printf("Seeding %,d contacts...%n", export);
            emulator.seed().records("Contacts", export, i -> Map.of("Last_Name", "Contact" + i, "Email", "c" + i + "@example.com"));
            Map<String, double[]> exports = new LinkedHashMap<>();
            for (String way : List.of("list", "coql", "bulkRead")) {
                exports.put(way, exportIn128m(way));
            }
            emulator.reset();
            double[] batch = loadBy("create");
            emulator.reset();
            double[] bulk = loadBy("bulkWrite");
            double listCredits = exports.get("list")[1];
            double bulkCredits = exports.get("bulkRead")[1];
            check(exports.values().stream().allMatch(v -> v[4] == export), "every export read all " + export
                                                                           + " records");
            check(bulkCredits * 10 <= listCredits, String.format(Locale.ROOT, "bulkRead spends %.0f credits, at least"
                    + " 10x fewer than list's %.0f", bulkCredits, listCredits));
            check(exports.get("bulkRead")[3] < 128, "bulkRead's peak heap stays under 128 MiB");
            check(bulk[1] < batch[1], "bulkWrite spends fewer credits than batch creates");
            String table = table();
            System.out.println();
            System.out.println(table);
            failures.forEach(f -> System.out.println("MISSED: " + f));
            if (docs != null) {
                DocSection.write(docs.resolve("benchmarks.md"), "<!-- bulk benchmark output -->",
                        String.format(Locale.ROOT, "%,d records exported, %,d loaded, by `BulkBenchmark`", export, load),
                        table + (failures.isEmpty() ? "\nEvery target met.\n" : "\nMissed: " + failures + "\n"));
            }
            return failures.isEmpty();
        } finally {
            emulator.stop();
        }
    }

    /** One export way in a JVM of its own under -Xmx128m: calls, credits, seconds, peak heap, records. */
    private double[] exportIn128m(String way) throws Exception {
        return inOwnJvm("export " + String.format(Locale.ROOT, "%,d", export), way, "-Xmx128m");
    }

    /**
     * One load way in a JVM of its own: bulkWrite under -Xmx128m (its records are generated as the zip is written);
     * batch creates under -Xmx256m (they take the List of every record).
     */
    private double[] loadBy(String way) throws Exception {
        double[] r = inOwnJvm("load " + String.format(Locale.ROOT, "%,d", load), way,
                way.equals("bulkWrite") ? "-Xmx128m" : "-Xmx256m", String.valueOf(load));
        check(r[4] == load && emulator.observe().count("Contacts") == load, way + " loaded all " + load);
        return r;
    }

    /** Runs WholeModuleCheck in its own JVM: calls, credits, seconds, peak heap, records. */
    private double[] inOwnJvm(String scenario, String way, String heap, String... more) throws Exception {
        emulator.observe().clearRequests();
        long creditsBefore = emulator.observe().credits();
        List<String> args = new ArrayList<>(List.of(emulator.apiUrl(), BiginEmulator.ACCESS_TOKEN, way));
        args.addAll(List.of(more));
        Map<String, String> v = ChildJvm.run(heap, WholeModuleCheck.class, args);
        if (v == null) {
            check(false, scenario + " by " + way + " under " + heap + " failed");
            return new double[] {emulator.observe().apiCalls(), emulator.observe().credits() - creditsBefore, 0, 0, 0};
        }
        double[] r = {emulator.observe().apiCalls(), emulator.observe().credits() - creditsBefore, Double.parseDouble(v.get("seconds")),
            Double.parseDouble(v.get("peakHeapMb")), Long.parseLong(v.get("records"))};
        rows.add(new String[] {scenario, way, String.format(Locale.ROOT, "%,.0f", r[0]),
            String.format(Locale.ROOT, "%,.0f", r[1]), String.format(Locale.ROOT, "%.1f", r[2]),
            String.format(Locale.ROOT, "%.0f (%s JVM)", r[3], heap)});
        System.out.printf("  %-16s %-9s %,8.0f calls %,9.0f credits %7.1f s  peak heap %.0f MiB%n", scenario, way,
                r[0], r[1], r[2], r[3]);
        return r;
    }

    private void check(boolean ok, String what) {
        if (!ok) {
            failures.add(what);
        }
    }

    private String table() {
        StringBuilder sb = new StringBuilder("| scenario | way | API calls | credits | seconds | peak heap MiB |\n"
                                             + "|---|---|---:|---:|---:|---:|\n");
        for (String[] r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.toString();
    }
}
