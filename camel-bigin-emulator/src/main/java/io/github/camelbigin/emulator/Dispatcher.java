package io.github.camelbigin.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's HTTP front: each request is recorded, its injected fault (if any) applied, its credentials checked
 * (a Zoho token, a Maton key, the OAuth endpoint's form) and routed to the API, Maton's connection API, the OAuth
 * server or Zoho Books; the answer goes out with what it cost.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_PATH = "/oauth/v2/token";
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final BiginEmulator emulator;
    private final Observation observe;
    /** The REST API's path, e.g. {@code /bigin/v2}; at Maton's gateway below the app, {@code /zoho-bigin/bigin/v2}. */
    private final String apiPrefix;
    private final String matonPrefix;
    /** The bulk API sits beside the REST API on the API domain, e.g. {@code /bigin/bulk/v2}. */
    private final String bulkPrefix;
    private final Gatekeeper gate;
    /** Whether this thread's request has been answered (no longer counted in flight). */
    private final ThreadLocal<Boolean> answering = new ThreadLocal<>();

    Dispatcher(BiginEmulator emulator) {
        this.emulator = emulator;
        this.observe = emulator.observe();
        Flavour flavour = emulator.flavour();
        this.apiPrefix = flavour.apiPrefix;
        this.matonPrefix = "/" + flavour.matonApp + flavour.apiPrefix;
        this.bulkPrefix = flavour.bulkPrefix;
        this.gate = new Gatekeeper(emulator);
    }

    /** Answers one request: recorded, faults applied, routed, answered. */
    void handle(HttpExchange ex) {
        long started = CPU.getCurrentThreadCpuTime();
        observe.entered();
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
            observe.received(req);

            Fault fault = emulator.faults().take(req);
            if (fault != null) {
                LOG.debug("Emulator injects {} into {}", fault, req);
                switch (fault.type) {
                    case DELAY:
                        Thread.sleep(fault.delayMillis);
                        break;
                    case EXPIRE_TOKENS:
                        emulator.oauth().expireAll();
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
            LOG.warn("The emulator failed on {}", req, e);
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
            if (req != null && !emulator.tuning().recordBodies()) {
                req.forgetBody();
            }
            observe.spent(CPU.getCurrentThreadCpuTime() - started);
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
            observe.left();
        }
    }

    private Answer process(RecordedRequest req, RecordedRequest.Kind kind, String apiPath) {
        try {
            switch (kind) {
                case TOKEN: {
                    if (!"POST".equals(req.method())) {
                        throw ApiRoutes.notFound();
                    }
                    Object[] result = emulator.oauth().mint(query(req.body()), emulator.clock().instant(), emulator.baseUrl());
                    return Answer.json((Integer) result[0], result[1]).credits(0);
                }
                case BOOKS: {
                    Answer refused = gate.zohoToken(req);
                    if (refused != null) {
                        return refused.credits(0);
                    }
                    List<String> segments = Arrays.stream(apiPath.split("/")).filter(s -> !s.isEmpty())
                            .map(Dispatcher::decode).collect(Collectors.toList());
                    return emulator.books().route(req, segments.subList(2, segments.size()));
                }
                case MATON_CONTROL: {
                    List<String> segments = Arrays.stream(apiPath.split("/")).filter(s -> !s.isEmpty())
                            .map(Dispatcher::decode).collect(Collectors.toList());
                    if ("maton".equals(segments.get(0))) { // the URL a person opens to authorise a connection
                        return emulator.maton().authorize(segments.get(segments.size() - 1))
                                ? Answer.json(200, Map.of("status", "ACTIVE")).credits(0) : Answer.json(404,
                                new EmulatorError(404, "NOT_FOUND", "connection not found", null).body()).credits(0);
                    }
                    String key = emulator.maton().key(req);
                    if (key == null) {
                        return Answer.json(401, new EmulatorError(401, "UNAUTHORIZED", "Invalid API key", null)
                                .body()).credits(0);
                    }
                    if (emulator.maton().overLimit(key)) {
                        return Gatekeeper.tooManyMatonRequests();
                    }
                    return emulator.maton().route(req, key, segments);
                }
                case API:
                case MATON: {
                    Answer refused = kind == RecordedRequest.Kind.API ? gate.zohoToken(req) : gate.maton(req);
                    if (refused != null) {
                        return refused.credits(0);
                    }
                    List<String> segments = Arrays.stream(apiPath.split("/")).filter(s -> !s.isEmpty())
                            .map(Dispatcher::decode).collect(Collectors.toList());
                    return emulator.routes().route(req, segments);
                }
                default:
                    throw ApiRoutes.notFound();
            }
        } catch (EmulatorError e) {
            return Answer.json(e.status, e.body());
        }
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
            if (emulator.tuning().recordAnswers()) {
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
