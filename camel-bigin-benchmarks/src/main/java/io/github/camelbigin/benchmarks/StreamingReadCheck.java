package io.github.camelbigin.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Iterator;

import io.github.camelbigin.component.BiginComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run in its own JVM with a small heap ({@code -Xmx128m}) by {@link Benchmark}: reads every record of an emulator's
 * Contacts through a streaming {@code bigin:} list and prints the records read, the seconds and the peak heap.
 * Arguments: API URL, access token.
 */
public final class StreamingReadCheck {

    private StreamingReadCheck() {
    }

    public static void main(String[] args) throws Exception {
        CamelContext context = new DefaultCamelContext();
        BiginComponent bigin = new BiginComponent();
        bigin.getConfiguration().setApiUrl(args[0]);
        bigin.getConfiguration().setAccessToken(args[1]);
        context.addComponent("bigin", bigin);
        context.start();
        long started = System.nanoTime();
        Iterator<?> records = context.createProducerTemplate().requestBody(
                "bigin:Contacts?operation=list&fields=Last_Name,Email&streaming=true", null, Iterator.class);
        long n = 0;
        while (records.hasNext()) {
            records.next();
            n++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        context.stop();
        System.out.printf("records=%d seconds=%.3f peakHeapMb=%.1f maxHeapMb=%.1f%n", n, seconds, peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }
}
