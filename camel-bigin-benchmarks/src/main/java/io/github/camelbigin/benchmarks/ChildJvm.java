package io.github.camelbigin.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a check program in a JVM of its own (with its own heap limit) on this program's classpath, and reads the
 * {@code records=… seconds=… peakHeapMb=…} line it prints last.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The values of the child's last {@code records=} line, or null when it failed or printed none. */
    static Map<String, String> run(String heap, Class<?> main, List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, heap, "-cp", Benchmark.classpath(), main.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                if (line.startsWith("records=")) {
                    last = line;
                }
            }
        }
        boolean ended = p.waitFor(20, TimeUnit.MINUTES);
        if (!ended || p.exitValue() != 0 || last == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String kv : last.split(" ")) {
            values.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        return values;
    }
}
