package io.github.camelbigin.zoho.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.ByteArrayBody;
import org.apache.hc.client5.http.entity.mime.ContentBody;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.InputStreamBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Identifiable;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The wire: one request over Apache HttpClient 5 (pooled connections, timeouts, proxy, TLS). HttpClient's own retries,
 * redirects, cookies and {@code Retry-After} handling are off: {@link HttpTransport} owns every retry.
 */
final class ApacheHttp implements Closeable {

    private final CloseableHttpClient http;

    ApacheHttp(TransportSettings s) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(WireQuietConnection::open)
                .setMaxConnTotal(s.maxConnections())
                .setMaxConnPerRoute(s.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(s.connectTimeout()))
                        .setSocketTimeout(Timeout.of(s.socketTimeout()))
                        // a pooled connection idle this long is checked before reuse: fewer writes into dead sockets
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        if (s.sslContext() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(s.sslContext()));
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool.build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(s.userAgent())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(s.socketTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(s.connectTimeout()))
                        .build());
        if (s.proxyHost() != null && !s.proxyHost().isBlank()) {
            builder.setProxy(new HttpHost(s.proxyHost(), s.proxyPort() > 0 ? s.proxyPort() : 8080));
        }
        this.http = builder.build();
    }

    /** Sends the request with these credentials (null: none) and reads the whole answer. */
    ApiResponse send(ApiRequest request, URI uri, Authenticator.Credentials credentials) throws IOException {
        ClassicRequestBuilder rb = ClassicRequestBuilder.create(request.method()).setUri(uri)
                .addHeader("Accept", "application/json");
        if (credentials != null) {
            rb.addHeader("Authorization", credentials.authorization());
            credentials.headers().forEach(rb::addHeader);
        }
        request.headers().forEach(rb::addHeader);
        if (request.file() != null) {
            rb.setEntity(multipart(request.file()));
        } else if (request.body() != null) {
            rb.setEntity(new ByteArrayEntity(request.body(), ContentType.parse(request.contentType())));
        }
        if (request.streamed()) {
            return open(rb);
        }
        return http.execute(rb.build(), response -> new ApiResponse(response.getCode(), headers(response),
                response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
    }

    /**
     * A streamed request: a 2xx answer's body is handed over unread, holding its connection until closed; any other
     * answer is read whole (an error body is small) and its connection released.
     */
    private ApiResponse open(ClassicRequestBuilder rb) throws IOException {
        ClassicHttpResponse response = http.executeOpen(null, rb.build(), null);
        try {
            Map<String, String> headers = headers(response);
            if (response.getCode() >= 200 && response.getCode() < 300 && response.getEntity() != null) {
                InputStream content = response.getEntity().getContent();
                return new ApiResponse(response.getCode(), headers, null, new FilterInputStream(content) {
                    @Override
                    public void close() throws IOException {
                        response.close(); // releases (or drops, when unread) the connection
                    }
                });
            }
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            response.close();
            return new ApiResponse(response.getCode(), headers, body);
        } catch (IOException | RuntimeException e) {
            response.close();
            throw e;
        }
    }

    private static Map<String, String> headers(ClassicHttpResponse response) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : response.getHeaders()) {
            headers.put(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        }
        return headers;
    }

    /** One file part, streamed from the file, the bytes or the stream (never read into memory here). */
    private static HttpEntity multipart(FilePart file) {
        ContentBody body;
        Object content = file.content();
        if (content instanceof Path path) {
            body = new FileBody(path.toFile(), ContentType.APPLICATION_OCTET_STREAM, file.fileName());
        } else if (content instanceof byte[] bytes) {
            body = new ByteArrayBody(bytes, ContentType.APPLICATION_OCTET_STREAM, file.fileName());
        } else {
            body = new InputStreamBody((InputStream) content, ContentType.APPLICATION_OCTET_STREAM, file.fileName());
        }
        return MultipartEntityBuilder.create().addPart(file.name(), body).build();
    }

    /** True when the request surely did not reach the server: the connection itself failed. */
    static boolean neverSent(IOException e) {
        return e instanceof ConnectException || e instanceof HttpHostConnectException
               || e instanceof ConnectTimeoutException || e instanceof UnknownHostException
               || e instanceof NoRouteToHostException || e instanceof SSLHandshakeException
               || e instanceof ConnectionRequestTimeoutException;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /**
     * HttpClient's connection without its raw wire log: {@code org.apache.hc.client5.http.wire} at DEBUG would print
     * every byte sent — the {@code Authorization} header and the token request's client secret and refresh token —
     * and a root logger at DEBUG or TRACE turns it on. Built on httpcore's public connection rather than HttpClient's
     * own, which is final (and package-private) on the HttpClient 5.5 line that Camel 4.18 brings. Its header log goes
     * too; pool and exchange logs stay.
     */
    static final class WireQuietConnection extends DefaultBHttpClientConnection
            implements ManagedHttpClientConnection, Identifiable {

        private static final AtomicLong COUNTER = new AtomicLong();

        private final String id;
        private final AtomicBoolean closed = new AtomicBoolean();
        /** The socket's own timeout when bound: what a connection taken back from the pool runs with again. */
        private volatile Timeout boundTimeout;

        WireQuietConnection(String id) {
            super(Http1Config.DEFAULT);
            this.id = id;
        }

        static ManagedHttpClientConnection open(Socket socket) throws IOException {
            WireQuietConnection connection = new WireQuietConnection("zoho-" + COUNTER.getAndIncrement());
            if (socket != null) {
                connection.bind(socket);
            }
            return connection;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bindHolder(new SocketHolder(socket), socket.getSoTimeout());
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bindHolder(new SocketHolder(sslSocket, socket), sslSocket.getSoTimeout());
        }

        private void bindHolder(SocketHolder holder, int soTimeoutMillis) throws IOException {
            if (closed.get()) {
                holder.getSocket().close();
                throw new InterruptedIOException("Connection already shutdown");
            }
            super.bind(holder);
            boundTimeout = Timeout.ofMilliseconds(soTimeoutMillis);
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder == null ? null : holder.getSocket();
        }

        @Override
        public void close() throws IOException {
            if (closed.compareAndSet(false, true)) {
                super.close();
            }
        }

        @Override
        public void close(CloseMode mode) {
            if (closed.compareAndSet(false, true)) {
                super.close(mode);
            }
        }

        @Override
        public void passivate() {
            // an idle pooled connection waits without a read timeout, as HttpClient's own does
            setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            if (boundTimeout != null) {
                setSocketTimeout(boundTimeout);
            }
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
