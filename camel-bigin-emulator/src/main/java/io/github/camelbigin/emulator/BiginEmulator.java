package io.github.camelbigin.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory HTTP server that behaves like Zoho Bigin's v2 REST API, its OAuth token endpoint and the Maton gateway,
 * for tests, benchmarks and the offline demo. It listens on 127.0.0.1 only.
 * <p>
 * It follows bigin-api.md and, where Bigin's behaviour is uncertain, takes the harsher reading: {@code fields} is
 * required on list, at most 50 fields, 200 records a page and 100 a write; plain {@code page} paging stops at 2,000
 * records; {@code If-Modified-Since} means strictly after; a write answers per record (201, 207, 202 or 400); empty
 * reads answer 204; tokens expire and are throttled. It counts calls and the credits they would cost, records every
 * request, and injects {@link Fault}s on demand.
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_PATH = "/oauth/v2/token";

    private final Flavour flavour;
    /** The REST API's path, e.g. {@code /bigin/v2}; at Maton's gateway below the app, {@code /zoho-bigin/bigin/v2}. */
    private final String apiPrefix;
    private final String matonPrefix;
    /** The bulk API sits beside the REST API on the API domain, e.g. {@code /bigin/bulk/v2}. */
    private final String bulkPrefix;
    private final EmulatorClock clock = new EmulatorClock(ZoneId.of("America/Los_Angeles"));
    private final Org org;
    private final OAuthServer oauth;
    private final ApiRoutes routes;
    private final Watches watches;
    /** The Maton API keys the emulator knows; their connections are MatonControl's, as Maton's are its own. */
    private final Set<String> matonKeys = ConcurrentHashMap.newKeySet();
    private final MatonControl maton = new MatonControl(this);
    private final BooksApi books = new BooksApi();
    private volatile Duration searchIndexDelay = Duration.ZERO;
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final int threads;
    private volatile boolean recordBodies = true;
    private volatile boolean recordAnswers;
    private volatile int pageTokenReach;
    private volatile boolean pageTokens = true;
    private volatile boolean honorIfModifiedSince = true;
    private volatile boolean coqlNotIn = true;
    private volatile int port;
    private final java.util.concurrent.atomic.AtomicLong serverNanos = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    /** Whether this thread's request has been answered (no longer counted in flight). */
    private final ThreadLocal<Boolean> answering = new ThreadLocal<>();
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
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
        this.apiPrefix = flavour.apiPrefix;
        this.matonPrefix = "/" + flavour.matonApp + flavour.apiPrefix;
        this.bulkPrefix = flavour.bulkPrefix;
        this.org = new Org(clock, ZoneId.of("America/Los_Angeles"), flavour.standardModules());
        this.oauth = new OAuthServer(flavour);
        this.routes = new ApiRoutes(org, this);
        this.watches = new Watches(org, flavour);
        this.pageTokenReach = flavour.pageTokenReach;
        org.onChange(watches::changed);
        addCredentialsOfDefault();
    }

    private void addCredentialsOfDefault() {
        oauth.addStaticToken(ACCESS_TOKEN, Set.of());
        oauth.addClient(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, Set.of());
        addMatonKey(MATON_KEY, MATON_CONNECTION);
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
            throw new IllegalStateException("The Bigin emulator cannot listen on 127.0.0.1:" + port + ": " + e, e);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bigin-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
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

    /** Clears records, deleted records, requests and faults and puts the clock back to real time; credentials and modules stay. */
    /**
     * The most records one bulk-read job returns (Bigin: 200,000); lower it to test a chain of jobs with few records.
     */
    public BiginEmulator bulkReadPageSize(int records) {
        routes.bulk().readPageSize = records;
        return this;
    }

    /** How long a bulk job takes before its status poll finds it COMPLETED (default 50 ms). */
    public BiginEmulator bulkJobDelay(Duration delay) {
        routes.bulk().jobDelayMillis = delay.toMillis();
        return this;
    }

    public BiginEmulator reset() {
        org.clear();
        routes.reset();
        maton.reset();
        addMatonKey(MATON_KEY, MATON_CONNECTION); // an ACTIVE connection the connection API lists, as at start
        books.reset();
        watches.clear();
        requests.clear();
        faults.clear();
        serverNanos.set(0);
        peakInFlight.set(0);
        clock.reset();
        oauth.expireAll();
        oauth.resetThrottle();
        pageTokens = true;
        pageTokenReach = flavour.pageTokenReach;
        honorIfModifiedSince = true;
        coqlNotIn = true;
        searchIndexDelay = Duration.ZERO;
        oauth.addStaticToken(ACCESS_TOKEN, Set.of());
        return this;
    }

    // ------------------------------------------------------------------ notification channels

    Watches watches() {
        return watches;
    }

    /** The ids of the live notification channels ({@code /actions/watch}). */
    public List<String> channelIds() {
        return watches.channelIds();
    }

    /** Every notification callback sent (or dropped) so far, oldest first. */
    public List<Callback> callbacks() {
        return watches.callbacks();
    }

    /** Ends a notification channel now, as its expiry would: Bigin forgets it and a renewal says NOT_SUBSCRIBED. */
    public boolean expireChannel(String channelId) {
        return watches.expire(channelId);
    }

    /** Drops the next {@code n} callbacks: Zoho does not promise to deliver them. */
    public BiginEmulator dropNextCallbacks(int n) {
        watches.dropNext(n);
        return this;
    }

    /** Sends every callback twice while on. */
    public BiginEmulator duplicateCallbacks(boolean on) {
        watches.duplicate(on);
        return this;
    }

    /** Waits this long before each callback (null or zero: none). */
    public BiginEmulator delayCallbacks(Duration by) {
        watches.delay(by);
        return this;
    }

    /** Sends the next callback after the one that follows it. */
    public BiginEmulator reorderNextCallback() {
        watches.reorderNext();
        return this;
    }

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

    /** The Bigin API base for Zoho tokens: {@code http://127.0.0.1:<port>/bigin/v2}. */
    public String apiUrl() {
        return baseUrl() + apiPrefix;
    }

    /** The Bigin API base for Maton keys: {@code http://127.0.0.1:<port>/zoho-bigin/bigin/v2}. */
    public String matonApiUrl() {
        return baseUrl() + matonPrefix;
    }

    /** The accounts server base: {@code POST {accountsUrl}/oauth/v2/token}. */
    public String accountsUrl() {
        return baseUrl();
    }

    // ------------------------------------------------------------------ configuration

    public EmulatorClock clock() {
        return clock;
    }

    /** The zone whose offset timestamps carry (default America/Los_Angeles: -08:00 or -07:00). */
    public BiginEmulator zone(ZoneId zone) {
        org.zone(zone);
        return this;
    }

    /**
     * How many records a list's page tokens reach before none goes on (Zoho CRM: 100,000; Bigin: no reach known, 0);
     * lower it to test the reach with few records.
     */
    public BiginEmulator pageTokenReach(int records) {
        this.pageTokenReach = records;
        return this;
    }

    int pageTokenReach() {
        return pageTokenReach;
    }

    /** Whether list answers hand out {@code next_page_token} (default true). Without, paging stops at 2,000. */
    public BiginEmulator pageTokens(boolean pageTokens) {
        this.pageTokens = pageTokens;
        return this;
    }

    public boolean pageTokens() {
        return pageTokens;
    }

    /** Whether {@code If-Modified-Since} filters reads (default true); false emulates a server that ignores it. */
    public BiginEmulator honorIfModifiedSince(boolean honor) {
        this.honorIfModifiedSince = honor;
        return this;
    }

    boolean honorsIfModifiedSince() {
        return honorIfModifiedSince;
    }

    /**
     * Whether COQL takes {@code not in} (default true, as Zoho documents it with up to 50 values); false emulates a
     * server that refuses it with 400 {@code SYNTAX_ERROR}.
     */
    public BiginEmulator coqlNotIn(boolean supported) {
        this.coqlNotIn = supported;
        return this;
    }

    boolean coqlNotIn() {
        return coqlNotIn;
    }

    /** Whether the JSON answers are kept with the requests ({@link RecordedRequest#answerJson()}); default false. */
    public BiginEmulator recordAnswers(boolean recordAnswers) {
        this.recordAnswers = recordAnswers;
        return this;
    }

    /** Whether recorded requests keep their bodies (default true; benchmarks turn it off to save memory). */
    public BiginEmulator recordBodies(boolean recordBodies) {
        this.recordBodies = recordBodies;
        return this;
    }

    /**
     * How long a created or changed record takes to reach the search index (default none; Bigin's index lags 10 to
     * 20 s behind writes, and the standalone emulator lags 10 s): search does not find it before.
     */
    public BiginEmulator searchIndexDelay(Duration delay) {
        this.searchIndexDelay = delay;
        return this;
    }

    Duration searchIndexDelay() {
        return searchIndexDelay;
    }

    /** How long minted access tokens live (default one hour). */
    public BiginEmulator tokenLifetime(Duration lifetime) {
        oauth.lifetime(lifetime);
        return this;
    }

    /** Zoho's minting limits: tokens per refresh token per 10 minutes (10) and alive at once (15). */
    public BiginEmulator tokenLimits(int mintsPerTenMinutes, int maxAlive) {
        oauth.limits(mintsPerTenMinutes, maxAlive);
        return this;
    }

    /** Invalidates every minted access token now (Bigin answers 401 INVALID_TOKEN to them). */
    public BiginEmulator expireTokens() {
        oauth.expireAll();
        return this;
    }

    /** Stops accepting a static access token (such as {@link #ACCESS_TOKEN}): calls with it answer 401 INVALID_TOKEN. */
    public BiginEmulator expireAccessToken(String token) {
        oauth.expireStaticToken(token);
        return this;
    }

    /** Accepts a static access token with these scopes (none: all scopes). */
    public BiginEmulator addAccessToken(String token, String... scopes) {
        oauth.addStaticToken(token, Set.of(scopes));
        return this;
    }

    /** Registers an OAuth client and one of its refresh tokens, with these scopes (none: all scopes). */
    public BiginEmulator addOAuthClient(String clientId, String clientSecret, String refreshToken, String... scopes) {
        oauth.addClient(clientId, clientSecret, refreshToken, Set.of(scopes));
        return this;
    }

    /** Accepts a Maton API key with these connections (none: the key has no Bigin connection yet). */
    /** The contacts of the emulated Zoho Books (the seed's sync writes them; {@code /books/v3} on this address). */
    public List<Map<String, Object>> booksContacts() {
        return books.contacts();
    }

    /** The URL of the emulated Maton connection API (the emulator's own address; Maton's is ctrl.maton.ai). */
    public String matonControlUrl() {
        return baseUrl();
    }

    /** A person opened a Maton connection's URL: the connection is ACTIVE (false when there is none). */
    public boolean authorizeMatonConnection(String connectionId) {
        return maton.authorize(connectionId);
    }

    /**
     * A Maton API key, with ACTIVE connections of these ids to this flavour's app (oldest first): the connection API
     * lists them and can delete them; without one the gateway answers 400 MISSING_CONNECTION, as Maton does.
     */
    public BiginEmulator addMatonKey(String apiKey, String... connectionIds) {
        matonKeys.add(apiKey);
        for (String id : connectionIds) {
            maton.addActive(apiKey, flavour.matonApp, id);
        }
        return this;
    }

    /** Adds a custom module. */
    public BiginEmulator defineModule(ModuleSpec module) {
        org.define(module);
        return this;
    }

    /** Adds a custom view: list calls with {@code cvid} return the records matching {@code criteria} (null: all). */
    public BiginEmulator defineView(String module, String cvid, String criteria) {
        routes.defineView(module, cvid, criteria);
        return this;
    }

    /** Adds faults; each fires as often as it says, on matching requests, in the order added. */
    public BiginEmulator inject(Fault... fault) {
        faults.addAll(Arrays.asList(fault));
        return this;
    }

    /** Removes every fault not yet fired. */
    public BiginEmulator clearFaults() {
        faults.clear();
        return this;
    }

    // ------------------------------------------------------------------ data, as a Bigin user would change it in the UI

    /** Creates a record directly (no API call is counted); returns its id. Fails like the API would. */
    public String insert(String module, Map<String, Object> record) {
        Org.ModuleData m = requireModule(module);
        org.lock.writeLock().lock();
        try {
            return idOf(org.create(m, record));
        } finally {
            org.lock.writeLock().unlock();
        }
    }

    /** Creates {@code count} records made by {@code generator} (given 0, 1, …); returns their ids. */
    public List<String> seed(String module, int count, IntFunction<Map<String, Object>> generator) {
        Org.ModuleData m = requireModule(module);
        List<String> ids = new ArrayList<>(count);
        org.lock.writeLock().lock();
        try {
            for (int i = 0; i < count; i++) {
                ids.add(idOf(org.create(m, generator.apply(i))));
            }
        } finally {
            org.lock.writeLock().unlock();
        }
        return ids;
    }

    /** Creates {@code count} contacts named Contact0…, with emails contact0@example.com…; returns their ids. */
    public List<String> seedContacts(int count) {
        return seed("Contacts", count, i -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("First_Name", "Contact");
            c.put("Last_Name", "Number" + i);
            c.put("Email", "contact" + i + "@example.com");
            c.put("Phone", String.format(Locale.ROOT, "+1-555-%07d", i));
            return c;
        });
    }

    /** Changes fields of a record directly; its Modified_Time becomes now. */
    public void update(String module, String id, Map<String, Object> fields) {
        Org.ModuleData m = requireModule(module);
        Map<String, Object> input = new LinkedHashMap<>(fields);
        input.put("id", id);
        org.lock.writeLock().lock();
        try {
            idOf(org.update(m, input));
        } finally {
            org.lock.writeLock().unlock();
        }
    }

    /** Deletes a record directly (it moves to the recycle bin and shows in {@code /deleted}). */
    public void delete(String module, String id) {
        Org.ModuleData m = requireModule(module);
        org.lock.writeLock().lock();
        try {
            idOf(org.delete(m, id));
        } finally {
            org.lock.writeLock().unlock();
        }
    }

    /** One record as {@code GET /{module}/{id}} shows it. */
    public Optional<Map<String, Object>> record(String module, String id) {
        Org.ModuleData m = requireModule(module);
        org.lock.readLock().lock();
        try {
            Org.StoredRecord r = org.find(m, id);
            return r == null ? Optional.empty() : Optional.of(org.render(m, r, null));
        } finally {
            org.lock.readLock().unlock();
        }
    }

    /** Every record of a module, oldest id first. */
    public List<Map<String, Object>> records(String module) {
        Org.ModuleData m = requireModule(module);
        org.lock.readLock().lock();
        try {
            return m.byId.values().stream().map(r -> org.render(m, r, null)).collect(Collectors.toList());
        } finally {
            org.lock.readLock().unlock();
        }
    }

    /** How many records a module holds. */
    /** How many fields a module has (its width: more than 50 take more than one request to read). */
    public int fieldCount(String module) {
        return org.module(module).spec.fields().size();
    }

    public int count(String module) {
        Org.ModuleData m = requireModule(module);
        org.lock.readLock().lock();
        try {
            return m.byId.size();
        } finally {
            org.lock.readLock().unlock();
        }
    }

    /** The ids in a module's recycle bin. */
    public List<String> deletedIds(String module) {
        Org.ModuleData m = requireModule(module);
        org.lock.readLock().lock();
        try {
            return m.deleted.stream().map(d -> String.valueOf(d.id())).collect(Collectors.toList());
        } finally {
            org.lock.readLock().unlock();
        }
    }

    private Org.ModuleData requireModule(String module) {
        Org.ModuleData m = org.module(module);
        if (m == null) {
            throw new IllegalArgumentException("The emulator has no module " + module);
        }
        return m;
    }

    private static String idOf(Map<String, Object> result) {
        if (!"success".equals(result.get("status"))) {
            throw new IllegalArgumentException("Bigin would refuse this: " + result);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) result.get("details");
        return details.get("id").toString();
    }

    // ------------------------------------------------------------------ observation

    /** Every request received, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests to the Bigin API (direct or through Maton), oldest first. */
    public List<RecordedRequest> apiRequests() {
        return requests(RecordedRequest::isApi);
    }

    /** The requests to the OAuth token endpoint. */
    public List<RecordedRequest> tokenRequests() {
        return requests(r -> r.kind() == RecordedRequest.Kind.TOKEN);
    }

    public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
        return requests().stream().filter(filter).collect(Collectors.toList());
    }

    /** How many calls reached the Bigin API. */
    public long apiCalls() {
        return apiRequests().size();
    }

    /** The credits the API calls would cost by Bigin's table. */
    public long credits() {
        return apiRequests().stream().mapToLong(RecordedRequest::credits).sum();
    }

    /** Forgets the recorded requests (counts start again from 0). */
    public BiginEmulator clearRequests() {
        requests.clear();
        return this;
    }

    /** How many access tokens were minted. */
    public long tokensMinted() {
        return oauth.minted();
    }

    // ------------------------------------------------------------------ HTTP

    /**
     * The most requests the emulator was answering at once since it started or was reset (hold requests longer with
     * {@code Fault.delay(…).always()} to see a client's concurrency limit).
     */
    public int peakConcurrency() {
        return peakInFlight.get();
    }

    /**
     * Processor time the emulator's threads spent answering requests (reading, processing, writing the answer; not
     * time waiting for the client or in an injected delay), in nanoseconds: how much of a machine the emulator takes.
     */
    public long serverNanos() {
        return serverNanos.get();
    }

    private void handle(HttpExchange ex) {
        long started = CPU.getCurrentThreadCpuTime();
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        answering.set(Boolean.FALSE);
        RecordedRequest req = null;
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getRawPath();
            RecordedRequest.Kind kind;
            String apiPath;
            if (path.startsWith(matonPrefix + "/")) {
                kind = RecordedRequest.Kind.MATON;
                apiPath = path.substring(matonPrefix.length());
            } else if (path.startsWith(apiPrefix + "/")) {
                kind = RecordedRequest.Kind.API;
                apiPath = path.substring(apiPrefix.length());
            } else if (path.startsWith(bulkPrefix + "/")) {
                kind = RecordedRequest.Kind.API;
                apiPath = path; // routed by its full path: /bigin/bulk/v2/…
            } else if (path.equals("/connections") || path.startsWith("/connections/")
                       || path.startsWith("/maton/authorize/")) {
                kind = RecordedRequest.Kind.MATON_CONTROL;
                apiPath = path;
            } else if (path.startsWith("/books/v3/")) {
                kind = RecordedRequest.Kind.BOOKS;
                apiPath = path;
            } else if (path.equals(TOKEN_PATH)) {
                kind = RecordedRequest.Kind.TOKEN;
                apiPath = path;
            } else {
                kind = RecordedRequest.Kind.OTHER;
                apiPath = path;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
            boolean multipart = headers.getOrDefault("content-type", "").startsWith("multipart/");
            String text = multipart ? "[" + headers.get("content-type") + ", " + body.length + " bytes]"
                    : new String(body, StandardCharsets.UTF_8);
            req = new RecordedRequest(kind, ex.getRequestMethod().toUpperCase(Locale.ROOT), path, decode(apiPath),
                    query(ex.getRequestURI().getRawQuery()), headers, text);
            if (multipart) {
                req.raw(body);
            }
            requests.add(req);

            Fault fault = null;
            for (Fault f : faults) {
                if (f.matches(req) && f.take()) {
                    fault = f;
                    break;
                }
            }
            if (fault != null) {
                LOG.debug("Emulator injects {} into {}", fault, req);
                switch (fault.type) {
                    case DELAY:
                        Thread.sleep(fault.delayMillis);
                        break;
                    case EXPIRE_TOKENS:
                        oauth.expireAll();
                        break;
                    case ACTION:
                        fault.action().run();
                        break;
                    case STATUS:
                        Answer a = Answer.json(fault.status, new EmulatorError(fault.status, fault.code,
                                fault.status == 429 ? "too many requests" : "internal server error", null).body());
                        if (fault.retryAfterSeconds != null) {
                            a.header("Retry-After", String.valueOf(fault.retryAfterSeconds));
                        }
                        send(ex, req, a.credits(0), null);
                        return;
                    case DROP_BEFORE:
                        req.answered(0, 0);
                        answering();
                        ex.close();
                        return;
                    case HTML:
                        sendRaw(ex, req, fault.status, "text/html; charset=utf-8",
                                ("<html><head><title>" + fault.status + " Bad Gateway</title></head><body><h1>"
                                 + "Bad Gateway</h1><p>The proxy server received an invalid response.</p></body></html>")
                                        .getBytes(StandardCharsets.UTF_8));
                        return;
                    case MALFORMED:
                        sendRaw(ex, req, 200, "application/json;charset=UTF-8",
                                "{\"data\":[{\"id\":".getBytes(StandardCharsets.UTF_8));
                        return;
                    default:
                        break; // DROP_AFTER and CUT_BODY process the request first
                }
            }
            Answer answer = process(req, kind, apiPath);
            send(ex, req, answer, fault);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
        } catch (CutConnection e) {
            throw e;
        } catch (Exception e) {
            LOG.warn("Bigin emulator failed on {}", req, e);
            try {
                send(ex, req, Answer.json(500, new EmulatorError(500, "INTERNAL_ERROR", e.toString(), null).body()),
                        null);
            } catch (IOException ignored) {
                ex.close();
            }
        } finally {
            if (req != null && !req.isAnswered()) {
                req.answered(0, 0);
            }
            if (req != null) {
                req.raw(null);
            }
            if (req != null && !recordBodies) {
                req.forgetBody();
            }
            serverNanos.addAndGet(CPU.getCurrentThreadCpuTime() - started);
            answering();
        }
    }

    /**
     * This thread's request is no longer in flight: called before its answer goes out, so that a client which got the
     * answer and sends its next request never finds this one still counted (and in the finally, once at most).
     */
    private void answering() {
        if (Boolean.FALSE.equals(answering.get())) {
            answering.set(Boolean.TRUE);
            inFlight.decrementAndGet();
        }
    }

    private Answer process(RecordedRequest req, RecordedRequest.Kind kind, String apiPath) {
        try {
            switch (kind) {
                case TOKEN: {
                    if (!"POST".equals(req.method())) {
                        throw ApiRoutes.notFound();
                    }
                    Object[] result = oauth.mint(query(req.body()), clock.instant(), baseUrl());
                    return Answer.json((Integer) result[0], result[1]).credits(0);
                }
                case BOOKS: {
                    Answer refused = checkZohoToken(req);
                    if (refused != null) {
                        return refused.credits(0);
                    }
                    List<String> segments = Arrays.stream(apiPath.split("/")).filter(s -> !s.isEmpty())
                            .map(BiginEmulator::decode).collect(Collectors.toList());
                    return books.route(req, segments.subList(2, segments.size()));
                }
                case MATON_CONTROL: {
                    List<String> segments = Arrays.stream(apiPath.split("/")).filter(s -> !s.isEmpty())
                            .map(BiginEmulator::decode).collect(Collectors.toList());
                    if ("maton".equals(segments.get(0))) { // the URL a person opens to authorise a connection
                        return maton.authorize(segments.get(segments.size() - 1))
                                ? Answer.json(200, Map.of("status", "ACTIVE")).credits(0) : Answer.json(404,
                                new EmulatorError(404, "NOT_FOUND", "connection not found", null).body()).credits(0);
                    }
                    String key = matonKey(req);
                    if (key == null) {
                        return Answer.json(401, new EmulatorError(401, "UNAUTHORIZED", "Invalid API key", null)
                                .body()).credits(0);
                    }
                    if (maton.overLimit(key)) {
                        return tooManyMatonRequests();
                    }
                    return maton.route(req, key, segments);
                }
                case API:
                case MATON: {
                    Answer refused = kind == RecordedRequest.Kind.API ? checkZohoToken(req) : checkMaton(req);
                    if (refused != null) {
                        return refused.credits(0);
                    }
                    List<String> segments = Arrays.stream(apiPath.split("/")).filter(s -> !s.isEmpty())
                            .map(BiginEmulator::decode).collect(Collectors.toList());
                    return routes.route(req, segments);
                }
                default:
                    throw ApiRoutes.notFound();
            }
        } catch (EmulatorError e) {
            return Answer.json(e.status, e.body());
        }
    }

    private Answer checkZohoToken(RecordedRequest req) {
        String auth = req.header("Authorization");
        if (auth == null || auth.isBlank()) {
            return Answer.json(401, new EmulatorError(401, "AUTHENTICATION_FAILURE", "Authentication failed", null).body());
        }
        if (!auth.startsWith("Zoho-oauthtoken ")) {
            return invalidToken();
        }
        Set<String> scopes = oauth.scopes(auth.substring("Zoho-oauthtoken ".length()).trim(), clock.instant());
        if (scopes == null) {
            return invalidToken();
        }
        List<String> segments = Arrays.stream(req.apiPath().split("/")).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
        String missing = oauth.missingScope(scopes, req.method(), segments);
        if (missing != null) {
            return Answer.json(401, new EmulatorError(401, "OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL",
                    EmulatorError.details("required_scope", missing)).body());
        }
        return null;
    }

    private static Answer invalidToken() {
        return Answer.json(401, new EmulatorError(401, "INVALID_TOKEN", "invalid oauth token", null).body());
    }

    /** The request's Maton API key when it is one the emulator knows, else null. */
    private String matonKey(RecordedRequest req) {
        String auth = req.header("Authorization");
        String key = auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()).trim() : null;
        return key != null && matonKeys.contains(key) ? key : null;
    }

    private static Answer tooManyMatonRequests() {
        return Answer.json(429, new EmulatorError(429, "TOO_MANY_REQUESTS", "Maton allows 10 requests a second per"
                                                                             + " account", null).body()).credits(0);
    }

    private Answer checkMaton(RecordedRequest req) {
        String key = matonKey(req);
        if (key == null) {
            return Answer.json(401, new EmulatorError(401, "UNAUTHORIZED", "Invalid API key", null).body());
        }
        if (maton.overLimit(key)) {
            return tooManyMatonRequests();
        }
        List<String> connections = maton.active(key, flavour.matonApp);
        if (connections.isEmpty()) {
            return Answer.json(400, new EmulatorError(400, "MISSING_CONNECTION", "no active " + flavour.matonApp
                    + " connection for this API key: create one at https://ctrl.maton.ai/connections", null).body());
        }
        String chosen = req.header("Maton-Connection");
        if (chosen != null && !connections.contains(chosen)) {
            return Answer.json(400, new EmulatorError(400, "INVALID_CONNECTION", "no active " + flavour.matonApp
                    + " connection with this id", EmulatorError.details("connection_id", chosen)).body());
        }
        return null;
    }

    private void send(HttpExchange ex, RecordedRequest req, Answer answer, Fault fault) throws IOException {
        answering();
        answer.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (answer.file != null) {
            sendRaw(ex, req, answer.status, answer.fileType, answer.file);
            req.answered(answer.status, answer.credits); // a download costs a credit like any call
            return;
        }
        int credits = answer.status == 401 || answer.status == 429 || answer.status >= 500 ? 0 : answer.credits;
        if (fault != null && fault.type == Fault.Type.DROP_AFTER) {
            if (req != null) {
                req.answered(0, credits);
            }
            ex.close();
            return;
        }
        if (answer.body == null) {
            if (req != null) {
                req.answered(answer.status, credits);
            }
            ex.sendResponseHeaders(answer.status, -1);
            ex.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(answer.body);
        if (req != null) {
            req.answered(answer.status, credits);
            if (recordAnswers) {
                req.answer(bytes);
            }
        }
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        boolean cut = fault != null && fault.type == Fault.Type.CUT_BODY;
        if (cut) {
        }
        ex.sendResponseHeaders(answer.status, bytes.length);
        if (cut) {
            OutputStream out = ex.getResponseBody();
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            throw new CutConnection(); // out of the handler: the JDK server then closes the socket
        }
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            ex.close();
        }
    }

    private void sendRaw(HttpExchange ex, RecordedRequest req, int status, String contentType, byte[] body)
            throws IOException {
        answering();
        req.answered(status, 0);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Thrown out of the handler after half an answer, so that the JDK's server drops the connection. */
    private static final class CutConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CutConnection() {
            super("answer cut on purpose", null, false, false);
        }
    }

    /** A query string or form body, decoded. */
    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
