package io.github.camelbigin.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A notify URL for tests: an HTTP endpoint on 127.0.0.1 that keeps the JSON of every callback POSTed to it and
 * answers 200.
 */
public final class CallbackReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final LinkedBlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();

    public CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1: " + e, e);
        }
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(JSON.readValue(in.readAllBytes(), new TypeReference<Map<String, Object>>() {
                }));
            } catch (IOException e) {
                received.add(Map.of("unreadable", e.toString()));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/bigin/notify}; a path and query may follow. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/bigin/notify";
    }

    /** The next callback received, waiting at most {@code timeout}; null when none came. */
    public Map<String, Object> next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The callbacks received and not yet taken. */
    public List<Map<String, Object>> drain() {
        List<Map<String, Object>> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
