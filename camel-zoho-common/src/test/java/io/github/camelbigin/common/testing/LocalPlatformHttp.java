package io.github.camelbigin.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/**
 * A platform-http server (Vert.x) on 127.0.0.1 for push-mode tests: the notification callbacks reach the routes
 * through it. Shared with the other modules' tests through this module's test jar.
 */
public final class LocalPlatformHttp {

    private LocalPlatformHttp() {
    }

    /** A free port on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server listening on 127.0.0.1:{@code port}, to add to a CamelContext as a service. */
    public static VertxPlatformHttpServer server(int port) {
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(port);
        return new VertxPlatformHttpServer(conf);
    }

    /** Adds a server on 127.0.0.1:{@code port} to {@code context}; returns the context. */
    public static CamelContext addTo(CamelContext context, int port) throws Exception {
        context.addService(server(port));
        return context;
    }
}
