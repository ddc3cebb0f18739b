package io.github.camelbigin.emulator;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A main class started in a JVM of its own with a module's runtime classpath — {@code target/classes} and the
 * dependencies Maven writes to {@code target/runtime-classpath.txt} — as {@code exec:java} or {@code java -cp} would
 * start it for a user. A test that calls {@code main} in its own JVM sees the test classpath, which can hide a
 * dependency the application lacks at run time.
 */
public final class OwnJvm implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private OwnJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output unreadable: " + e + ")");
            }
        }, "own-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} of the module in {@code moduleDir} (its {@code target/classes} and runtime classpath file)
     * with these environment variables and arguments; standard error is merged into the output.
     */
    public static OwnJvm start(Path moduleDir, String mainClass, Map<String, String> env, String... args)
            throws IOException {
        return start(moduleDir, moduleDir, mainClass, env, args);
    }

    /** As {@link #start(Path, String, Map, String...)}, in the working directory {@code workDir}. */
    public static OwnJvm start(Path moduleDir, Path workDir, String mainClass, Map<String, String> env,
                               String... args) throws IOException {
        Path cpFile = moduleDir.resolve("target/runtime-classpath.txt");
        String deps = Files.readString(cpFile).trim();
        String classpath = moduleDir.resolve("target/classes") + (deps.isEmpty() ? "" : File.pathSeparator + deps);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        return new OwnJvm(pb.start());
    }

    /** The output so far, one line per element. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** Waits until a line matches; false when the time ran out or the JVM ended first. */
    public boolean awaitLine(Predicate<String> line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output.stream().anyMatch(line)) {
                return true;
            }
            if (!process.isAlive()) {
                Thread.sleep(100); // the last lines may still be on their way
                return output.stream().anyMatch(line);
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Waits for the JVM to end by itself and returns its exit code; -1 (and the JVM stopped) on time-out. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            return -1;
        }
        Thread.sleep(100); // let the reader take the last lines
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
