package io.github.camelbigin.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory HTTP server that behaves like a Zoho REST API — Bigin's v2, or Zoho CRM's v8 with {@link #crm()} —
 * its OAuth token endpoint and the Maton gateway, for tests, benchmarks and the offline demo. It listens on 127.0.0.1
 * only.
 * <p>
 * It follows bigin-api.md and, where Zoho's behaviour is uncertain, takes the harsher reading: {@code fields} is
 * required on list, at most 50 fields, 200 records a page and 100 a write; plain {@code page} paging stops at 2,000
 * records; {@code If-Modified-Since} means strictly after; a write answers per record (201, 207, 202 or 400); empty
 * reads answer 204; tokens expire and are throttled.
 * <p>
 * This class is its lifecycle and its addresses; the rest is in four parts: {@link #seed()} (records, modules,
 * credentials), {@link #tuning()} (readings of uncertain behaviour, paces and limits), {@link #faults()} (what goes
 * wrong on purpose) and {@link #observe()} (requests, calls, credits, records, callbacks).
 * <ul>
 * <li>{@link #apiUrl()}: {@code http://127.0.0.1:<port>/bigin/v2}, with {@code Authorization: Zoho-oauthtoken …}</li>
 * <li>{@link #matonApiUrl()}: {@code http://127.0.0.1:<port>/zoho-bigin/bigin/v2}, with {@code Bearer <key>}</li>
 * <li>{@link #accountsUrl()}: {@code http://127.0.0.1:<port>}, whose {@code /oauth/v2/token} mints tokens</li>
 * </ul>
 */
public final class BiginEmulator implements AutoCloseable {

    /** A static access token every emulator accepts. */
    public static final String ACCESS_TOKEN = "emulator-access-token";
    /** An OAuth client and refresh token every emulator accepts. */
    public static final String CLIENT_ID = "1000.EMULATORCLIENTID";
    public static final String CLIENT_SECRET = "emulator-client-secret";
    public static final String REFRESH_TOKEN = "1000.emulator-refresh-token";
    /** A Maton API key every emulator accepts, with one connection. */
    public static final String MATON_KEY = "emulator-maton-key";
    public static final String MATON_CONNECTION = "emulator-connection-1";

    private static final Logger LOG = LoggerFactory.getLogger(BiginEmulator.class);

    static {
        // answers go out as headers then body: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms to each call
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Flavour flavour;
    private final EmulatorClock clock = new EmulatorClock(ZoneId.of("America/Los_Angeles"));
    private final Org org;
    private final OAuthServer oauth;
    private final ApiRoutes routes;
    private final Watches watches;
    private final MatonControl maton = new MatonControl(this);
    private final BooksApi books = new BooksApi();
    private final Tuning tuning;
    private final Faults faults;
    private final Seeding seeding;
    private final Observation observation;
    private final Dispatcher dispatcher;
    private final int threads;
    private volatile int port;
    private HttpServer server;
    private ExecutorService executor;

    /** An emulator on a random free port. */
    public BiginEmulator() {
        this(0);
    }

    /** An emulator on this port (0: a random free one). */
    public BiginEmulator(int port) {
        this(port, 32);
    }

    public BiginEmulator(int port, int threads) {
        this(port, threads, Flavour.BIGIN);
    }

    /** An emulator of this Zoho API on a random free port. */
    public BiginEmulator(Flavour flavour) {
        this(0, 32, flavour);
    }

    /** An emulator of Zoho CRM v8 on a random free port. */
    public static BiginEmulator crm() {
        return new BiginEmulator(Flavour.CRM);
    }

    public BiginEmulator(int port, int threads, Flavour flavour) {
        this.port = port;
        this.threads = threads;
        this.flavour = flavour;
        this.org = new Org(clock, ZoneId.of("America/Los_Angeles"), flavour.standardModules());
        this.oauth = new OAuthServer(flavour);
        this.routes = new ApiRoutes(org, this);
        this.watches = new Watches(org, flavour);
        this.tuning = new Tuning(this);
        this.faults = new Faults(this);
        this.seeding = new Seeding(this);
        this.observation = new Observation(this);
        this.dispatcher = new Dispatcher(this);
        org.onChange(watches::changed);
        oauth.addStaticToken(ACCESS_TOKEN, Set.of());
        oauth.addClient(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, Set.of());
        seeding.matonKey(MATON_KEY, MATON_CONNECTION);
    }

    // ------------------------------------------------------------------ the four parts

    /** Records, custom modules and views, and the credentials the emulator accepts. */
    public Seeding seed() {
        return seeding;
    }

    /** How the emulator reads uncertain behaviour, its paces and limits, and what requests keep. */
    public Tuning tuning() {
        return tuning;
    }

    /** What goes wrong on purpose: faults on requests, callbacks, channels and tokens. */
    public Faults faults() {
        return faults;
    }

    /** What a test reads: requests, calls, credits, records, channels and callbacks. */
    public Observation observe() {
        return observation;
    }

    // ------------------------------------------------------------------ lifecycle

    /** Starts listening on 127.0.0.1; returns this. */
    public synchronized BiginEmulator start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        } catch (IOException e) {
            throw new IllegalStateException("The " + flavour.product + " emulator cannot listen on 127.0.0.1:" + port
                                            + ": " + e, e);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bigin-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", dispatcher::handle);
        server.start();
        port = server.getAddress().getPort();
        LOG.info("{} emulator listening on {}", flavour.product, baseUrl());
        return this;
    }

    /** Stops listening; the data stays, so {@link #start()} resumes on the same port (a "server restart"). */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            executor = null;
        }
    }

    /** Stops and starts again on the same port with the same data. */
    public BiginEmulator restart() {
        stop();
        return start();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
        watches.close();
    }

    /**
     * Clears records, deleted records, requests and faults, puts the tuning and the clock back to their defaults;
     * credentials and modules stay.
     */
    public BiginEmulator reset() {
        org.clear();
        routes.reset();
        maton.reset();
        seeding.matonKey(MATON_KEY, MATON_CONNECTION); // an ACTIVE connection the connection API lists, as at start
        books.reset();
        watches.clear();
        observation.reset();
        faults.clear();
        tuning.reset();
        clock.reset();
        oauth.expireAll();
        oauth.resetThrottle();
        oauth.addStaticToken(ACCESS_TOKEN, Set.of());
        return this;
    }

    // ------------------------------------------------------------------ where it is

    /** The Zoho API this emulator serves. */
    public Flavour flavour() {
        return flavour;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The API base for Zoho tokens: {@code http://127.0.0.1:<port>/bigin/v2} ({@code /crm/v8}). */
    public String apiUrl() {
        return baseUrl() + flavour.apiPrefix;
    }

    /** The API base for Maton keys: {@code http://127.0.0.1:<port>/zoho-bigin/bigin/v2}. */
    public String matonApiUrl() {
        return baseUrl() + "/" + flavour.matonApp + flavour.apiPrefix;
    }

    /** The accounts server base: {@code POST {accountsUrl}/oauth/v2/token}. */
    public String accountsUrl() {
        return baseUrl();
    }

    /** The URL of the emulated Maton connection API (the emulator's own address; Maton's is ctrl.maton.ai). */
    public String matonControlUrl() {
        return baseUrl();
    }

    /** The clock records are stamped by: the real one, or frozen and moved by a test. */
    public EmulatorClock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ its parts, for each other

    Org org() {
        return org;
    }

    OAuthServer oauth() {
        return oauth;
    }

    ApiRoutes routes() {
        return routes;
    }

    Watches watches() {
        return watches;
    }

    MatonControl maton() {
        return maton;
    }

    BooksApi books() {
        return books;
    }
}
