package io.github.camelbigin.benchmarks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelbigin.component.BiginComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run in its own JVM with a small heap by {@link BulkBenchmark}: exports every record of an emulator's Contacts one
 * way — {@code list}, {@code coql} or {@code bulkRead}, each streaming under {@code split(body()).streaming()} as a
 * route does it — or loads N generated contacts by {@code create} or {@code bulkWrite}, and prints the records, the
 * seconds and the peak heap. Arguments: API URL, access token, way, and N for a load.
 */
public final class WholeModuleCheck {

    private WholeModuleCheck() {
    }

    public static void main(String[] args) throws Exception {
        String way = args[2];
        if (way.equals("create") || way.equals("bulkWrite")) {
            load(args[0], args[1], way, Integer.parseInt(args[3]));
            return;
        }
        String uri = switch (way) {
            case "list" -> "bigin:Contacts?operation=list&fields=Last_Name,Email&streaming=true";
            case "coql" -> "bigin:Contacts?operation=coql&streaming=true&query=select Last_Name, Email from Contacts";
            case "bulkRead" -> "bigin:Contacts?operation=bulkRead&fields=Last_Name,Email&streaming=true";
            default -> throw new IllegalArgumentException("way " + way + ": use list, coql, bulkRead, create or"
                                                          + " bulkWrite");
        };
        CamelContext context = context(args[0], args[1]);
        AtomicLong records = new AtomicLong();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").to(uri).split(body()).streaming().process(e -> records.incrementAndGet());
            }
        });
        context.start();
        try (HeapSampler heap = new HeapSampler()) {
            long started = System.nanoTime();
            context.createProducerTemplate().sendBody("direct:export", null);
            report(context, records.get(), started, heap);
        }
    }

    /** Loads {@code n} generated contacts: a List for batch creates, an Iterator (generated as read) for bulkWrite. */
    private static void load(String apiUrl, String token, String way, int n) throws Exception {
        CamelContext context = context(apiUrl, token);
        context.start();
        Iterator<Map<String, Object>> generated = new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Map<String, Object> next() {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("Last_Name", "Loaded" + i);
                r.put("Email", "l" + i++ + "@example.com");
                return r;
            }
        };
        Object body = generated;
        if (way.equals("create")) {
            List<Map<String, Object>> all = new ArrayList<>(n);
            generated.forEachRemaining(all::add);
            body = all;
        }
        try (HeapSampler heap = new HeapSampler()) {
            long started = System.nanoTime();
            List<?> results = context.createProducerTemplate().requestBody("bigin:Contacts?operation=" + way, body,
                    List.class);
            report(context, results.size(), started, heap);
        }
    }

    private static CamelContext context(String apiUrl, String token) {
        CamelContext context = new DefaultCamelContext();
        BiginComponent bigin = new BiginComponent();
        bigin.getConfiguration().setApiUrl(apiUrl);
        bigin.getConfiguration().setAccessToken(token);
        context.addComponent("bigin", bigin);
        return context;
    }

    private static void report(CamelContext context, long records, long started, HeapSampler heap) {
        double seconds = (System.nanoTime() - started) / 1e9;
        context.stop();
        System.out.printf("records=%d seconds=%.3f peakHeapMb=%.1f maxHeapMb=%.1f%n", records, seconds, heap.peakMb(),
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }
}
