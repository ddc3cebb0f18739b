package io.github.camelbigin.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples the used heap every few milliseconds while a scenario runs; reports the peak above the starting level. */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private final long baseline;
    private volatile long peak;
    private volatile boolean running = true;

    HeapSampler() {
        System.gc();
        baseline = memory.getHeapMemoryUsage().getUsed();
        peak = baseline;
        thread = new Thread(() -> {
            while (running) {
                long used = memory.getHeapMemoryUsage().getUsed();
                if (used > peak) {
                    peak = used;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Peak heap used, in MiB (sampled: what the heap held at its fullest, not a sum of pool peaks). */
    double peakMb() {
        return peak / (1024.0 * 1024.0);
    }

    /** Peak heap used above the level at the start, in MiB. */
    double peakAboveStartMb() {
        return Math.max(0, peak - baseline) / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
