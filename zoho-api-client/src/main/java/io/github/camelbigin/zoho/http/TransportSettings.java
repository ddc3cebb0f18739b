package io.github.camelbigin.zoho.http;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/** Connection settings of a client: timeouts, pool size, proxy and TLS. */
public final class TransportSettings {

    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration socketTimeout = Duration.ofSeconds(60);
    private int maxConnections = 20;
    private String proxyHost;
    private int proxyPort;
    private SSLContext sslContext;
    private String userAgent = "camel-bigin";

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public TransportSettings connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    /** How long to wait for the answer to a request (between bytes), before it counts as an I/O error. */
    public Duration socketTimeout() {
        return socketTimeout;
    }

    public TransportSettings socketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
        return this;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public TransportSettings maxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
        return this;
    }

    public String proxyHost() {
        return proxyHost;
    }

    public int proxyPort() {
        return proxyPort;
    }

    public TransportSettings proxy(String host, int port) {
        this.proxyHost = host;
        this.proxyPort = port;
        return this;
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    public TransportSettings sslContext(SSLContext sslContext) {
        this.sslContext = sslContext;
        return this;
    }

    public String userAgent() {
        return userAgent;
    }

    public TransportSettings userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }
}
