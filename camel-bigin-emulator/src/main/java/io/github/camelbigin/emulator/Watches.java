package io.github.camelbigin.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bigin's notification channels ({@code /actions/watch}) and their callbacks, as bigin-api.md documents them: at most a
 * day of life, gone from every answer once expired (a renewal then says {@code NOT_SUBSCRIBED}), and a {@code PATCH}
 * that disables events only with {@code _delete_events}. Callbacks go out in the order of the changes, on one thread,
 * grouped as a write's records are; the faults Zoho's unpublished redelivery policy allows are there on request.
 */
final class Watches {

    static final String NOT_SUBSCRIBED = "NOT_SUBSCRIBED";
    static final int MAX_CHANNELS_A_CALL = 100;
    static final int MAX_TOKEN = 50;
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    private static final Pattern EVENT = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\.(create|edit|delete|all)");
    private static final Pattern CHANNEL_ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Map<String, String> EVENT_OF = Map.of("insert", "create", "update", "edit", "delete",
            "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Zoho CRM: at most two conditions a channel, at most ten fields a condition. */
    static final int MAX_CONDITIONS = 2;
    static final int MAX_CONDITION_FIELDS = 10;

    /**
     * A live channel; {@code conditions} (Zoho CRM's {@code notification_condition}) name, per module, the fields an
     * edit must touch to call back.
     */
    private record Channel(String id, List<String> events, String notifyUrl, String token, Instant expiry,
                           Map<String, Set<String>> conditions) {

        boolean covers(Org.Change change) {
            String module = change.module();
            boolean event = events.contains(module + "." + EVENT_OF.get(change.operation()))
                            || events.contains(module + ".all");
            Set<String> fields = conditions.get(module);
            return event && (fields == null || !"update".equals(change.operation())
                             || change.fields().stream().anyMatch(fields::contains));
        }
    }

    private final Org org;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final BlockingQueue<Org.Change> pending = new LinkedBlockingQueue<>();
    private final List<Callback> sent = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger drop = new AtomicInteger();
    private volatile boolean duplicate;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean holdNext;
    private Thread deliverer;

    private final Flavour flavour;

    Watches(Org org, Flavour flavour) {
        this.org = org;
        this.flavour = flavour;
    }

    // ------------------------------------------------------------------ the API

    Answer route(RecordedRequest req) {
        switch (req.method()) {
            case "POST":
                return write(req, true);
            case "PUT":
                return write(req, false);
            case "PATCH":
                return patch(req);
            case "GET":
                return list(req);
            case "DELETE":
                return delete(req);
            default:
                throw new EmulatorError(405, "INVALID_REQUEST_METHOD", "The http request method type is not a valid"
                                                                       + " one", null);
        }
    }

    /** POST enables (a live channel id is refreshed); PUT replaces a live channel's details. */
    private synchronized Answer write(RecordedRequest req, boolean enable) {
        purgeExpired();
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode item : items(req)) {
            String id = item.path("channel_id").asText(null);
            if (!enable && (id == null || !channels.containsKey(id))) {
                results.add(notSubscribed(id));
                continue;
            }
            Object checked = channel(item, null);
            if (checked instanceof Channel) {
                Channel c = (Channel) checked;
                channels.put(c.id(), c);
                results.add(subscribed(c));
            } else {
                results.add(Map.class.cast(checked));
            }
        }
        return answer(results, enable ? 201 : 200);
    }

    /** PATCH: with {@code _delete_events} the events go; without, the given details are merged into the channel. */
    private synchronized Answer patch(RecordedRequest req) {
        purgeExpired();
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode item : items(req)) {
            String id = item.path("channel_id").asText(null);
            Channel have = id == null ? null : channels.get(id);
            if (have == null) {
                results.add(notSubscribed(id));
                continue;
            }
            Object checked;
            if (item.path("_delete_events").asBoolean(false)) {
                List<String> events = new ArrayList<>(have.events());
                item.path("events").forEach(e -> events.remove(e.asText()));
                checked = new Channel(id, List.copyOf(events), have.notifyUrl(), have.token(), have.expiry(),
                        have.conditions());
            } else {
                checked = channel(item, have);
            }
            if (checked instanceof Channel) {
                channels.put(id, (Channel) checked);
                results.add(subscribed((Channel) checked));
            } else {
                results.add(Map.class.cast(checked));
            }
        }
        return answer(results, 200);
    }

    private synchronized Answer list(RecordedRequest req) {
        purgeExpired();
        String module = req.query("module");
        String channelId = req.query("channel_id");
        Paging paging = Paging.of(req, null);
        List<Channel> matching = channels.values().stream()
                .filter(c -> channelId == null || c.id().equals(channelId))
                .filter(c -> module == null || c.events().stream().anyMatch(e -> e.startsWith(module + ".")))
                .toList();
        Paging.Slice slice = paging.slice(matching, c -> true, this::listed);
        if (slice.page.isEmpty()) {
            return Answer.noContent();
        }
        return Answer.json(200, Map.of("watch", slice.page, "info", paging.info(slice.page.size(), slice.more)));
    }

    private synchronized Answer delete(RecordedRequest req) {
        purgeExpired();
        String ids = req.query("channel_ids");
        if (ids == null || ids.isBlank()) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                    "param_name", "channel_ids");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (String id : ids.split(",")) {
            if (channels.remove(id.trim()) == null) {
                results.add(notSubscribed(id.trim()));
            } else {
                results.add(success("Successfully un-subscribed from actions-watch",
                        EmulatorError.details("channel_id", id.trim())));
            }
        }
        return answer(results, 200);
    }

    /** The items of a watch body, refused as Bigin refuses a body without them or with too many. */
    private static List<JsonNode> items(RecordedRequest req) {
        JsonNode root;
        try {
            root = req.body() == null || req.body().isBlank() ? null : JSON.readTree(req.body());
        } catch (IOException e) {
            throw EmulatorError.badRequest("INVALID_DATA", "the body is not valid JSON", "reason", e.getMessage());
        }
        JsonNode watch = root == null ? null : root.get("watch");
        if (watch == null || !watch.isArray() || watch.isEmpty()) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                    "param_name", "watch");
        }
        if (watch.size() > MAX_CHANNELS_A_CALL) {
            throw EmulatorError.badRequest("LIMIT_EXCEEDED", "the number of channels exceeds the limit of 100",
                    "limit", MAX_CHANNELS_A_CALL);
        }
        List<JsonNode> items = new ArrayList<>();
        watch.forEach(items::add);
        return items;
    }

    /** A checked channel from a request item (over {@code base}'s details when merging), or the item's error. */
    private Object channel(JsonNode item, Channel base) {
        String id = item.path("channel_id").asText(null);
        if (id == null || !CHANNEL_ID.matcher(id).matches()) {
            return invalid("channel_id");
        }
        List<String> events = new ArrayList<>(base == null ? List.of() : base.events());
        JsonNode eventNodes = item.get("events");
        if (eventNodes != null) {
            if (!eventNodes.isArray()) {
                return invalid("events");
            }
            for (JsonNode e : eventNodes) {
                Matcher m = EVENT.matcher(e.asText());
                if (!m.matches() || org.module(m.group(1)) == null || "Notes".equals(m.group(1))) {
                    return invalid("events");
                }
                if (!events.contains(e.asText())) {
                    events.add(e.asText());
                }
            }
        }
        if (events.isEmpty()) {
            return invalid("events");
        }
        String url = item.has("notify_url") ? item.path("notify_url").asText(null) : base == null ? null
                : base.notifyUrl();
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return invalid("notify_url");
        }
        String token = item.has("token") ? item.path("token").asText(null) : base == null ? null : base.token();
        if (token != null && token.length() > MAX_TOKEN) {
            return itemError("INVALID_DATA", "invalid data", EmulatorError.details("api_name", "token",
                    "maximum_length", MAX_TOKEN));
        }
        Instant now = org.now();
        Instant expiry = base == null ? now.plus(DEFAULT_LIFETIME) : base.expiry();
        if (item.has("channel_expiry")) {
            try {
                expiry = OffsetDateTime.parse(item.path("channel_expiry").asText()).toInstant();
            } catch (DateTimeParseException e) {
                return invalid("channel_expiry");
            }
            if (!expiry.isAfter(now) || expiry.isAfter(now.plus(flavour.maxChannelLifetime))) {
                return invalid("channel_expiry");
            }
        }
        Map<String, Set<String>> conditions = base == null ? Map.of() : base.conditions();
        if (item.has("notification_condition")) {
            if (flavour != Flavour.CRM) {
                return invalid("notification_condition");
            }
            conditions = conditions(item.get("notification_condition"));
            if (conditions == null) {
                return invalid("notification_condition");
            }
        }
        return new Channel(id, List.copyOf(events), url, token, expiry, conditions);
    }

    /** The fields per module of a {@code notification_condition}, or null when it is not one Zoho CRM takes. */
    private static Map<String, Set<String>> conditions(JsonNode list) {
        if (!list.isArray() || list.size() > MAX_CONDITIONS) {
            return null;
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (JsonNode c : list) {
            String module = c.path("module").path("api_name").asText("");
            Set<String> fields = new LinkedHashSet<>();
            collectFields(c.path("field_selection"), fields);
            if (module.isEmpty() || fields.isEmpty() || fields.size() > MAX_CONDITION_FIELDS) {
                return null;
            }
            out.computeIfAbsent(module, k -> new LinkedHashSet<>()).addAll(fields);
        }
        return out;
    }

    /** The field api_names of a field_selection: one {@code field}, or a {@code group} of them, nested. */
    private static void collectFields(JsonNode selection, Set<String> fields) {
        String name = selection.path("field").path("api_name").asText("");
        if (!name.isEmpty()) {
            fields.add(name);
        }
        selection.path("group").forEach(g -> collectFields(g, fields));
    }

    private Map<String, Object> subscribed(Channel c) {
        List<Map<String, Object>> perModule = new ArrayList<>();
        Set<String> modules = new LinkedHashSet<>();
        c.events().forEach(e -> modules.add(e.substring(0, e.indexOf('.'))));
        for (String module : modules) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("channel_expiry", org.format(c.expiry()));
            e.put("resource_uri", flavour.resourceUri(module));
            Org.ModuleData m = org.module(module);
            e.put("resource_id", m == null ? null : String.valueOf(m.spec.id()));
            e.put("resource_name", module);
            e.put("channel_id", c.id());
            if (flavour == Flavour.CRM) {
                e.put("notification_condition", List.of()); // none asked for: CRM's specification lists it anyway
            }
            perModule.add(e);
        }
        return success("Successfully subscribed for actions-watch of the given module",
                Map.of("events", perModule));
    }

    /** A channel as the list shows it: the id a number, as Zoho's list writes it. */
    private Map<String, Object> listed(Channel c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notify_on_related_action", false);
        m.put("channel_expiry", org.format(c.expiry()));
        // a channel whose events were all disabled stays listed, with none (the harsher reading: Zoho does not say)
        m.put("resource_uri", c.events().isEmpty() ? null
                : flavour.resourceUri(c.events().get(0).split("\\.")[0]));
        m.put("return_affected_field_values", false);
        m.put("notify_url", c.notifyUrl());
        m.put("channel_id", Long.parseLong(c.id()));
        m.put("events", c.events());
        m.put("fields", null);
        m.put("token", c.token());
        return m;
    }

    private static Map<String, Object> notSubscribed(String id) {
        return itemError(NOT_SUBSCRIBED, "Not subscribed for actions-watch of the given channel",
                EmulatorError.details("channel_id", id));
    }

    private static Map<String, Object> invalid(String apiName) {
        return itemError("INVALID_DATA", "invalid data", EmulatorError.details("api_name", apiName));
    }

    /** A refused channel's item: Bigin's error shape, as every other error of the emulator writes it. */
    private static Map<String, Object> itemError(String code, String message, Map<String, Object> details) {
        return new EmulatorError(400, code, message, details).body();
    }

    private static Map<String, Object> success(String message, Map<String, Object> details) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", "SUCCESS");
        r.put("details", details);
        r.put("message", message);
        r.put("status", "success");
        return r;
    }

    /**
     * The status of a per-channel answer: {@code success} when all succeeded; 202 when the only failures are channels
     * Bigin does not have; 400 when none succeeded; 207 when some did.
     */
    private static Answer answer(List<Map<String, Object>> results, int success) {
        long ok = results.stream().filter(r -> "success".equals(r.get("status"))).count();
        boolean onlyUnknown = results.stream().filter(r -> !"success".equals(r.get("status")))
                .allMatch(r -> NOT_SUBSCRIBED.equals(r.get("code")));
        int status = ok == results.size() ? success : onlyUnknown ? 202 : ok == 0 ? 400 : 207;
        return Answer.json(status, Map.of("watch", results));
    }

    /** Zoho collects expired channels: they vanish from every answer, and no callback goes out for them. */
    private void purgeExpired() {
        Instant now = org.now();
        channels.values().removeIf(c -> !c.expiry().isAfter(now));
    }

    // ------------------------------------------------------------------ test controls

    synchronized List<String> channelIds() {
        purgeExpired();
        return List.copyOf(channels.keySet());
    }

    /** Ends a channel now, as if its expiry had passed (Zoho then forgets it). */
    synchronized boolean expire(String channelId) {
        return channels.remove(channelId) != null;
    }

    void dropNext(int callbacks) {
        drop.set(callbacks);
    }

    void duplicate(boolean on) {
        duplicate = on;
    }

    void delay(Duration by) {
        delay = by == null ? Duration.ZERO : by;
    }

    /** Holds the next callback back and sends it after the one that follows it. */
    void reorderNext() {
        holdNext = true;
    }

    List<Callback> callbacks() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    synchronized void clear() {
        channels.clear();
        pending.clear();
        sent.clear();
        drop.set(0);
        duplicate = false;
        delay = Duration.ZERO;
        holdNext = false;
    }

    synchronized void close() {
        if (deliverer != null) {
            deliverer.interrupt();
            deliverer = null;
        }
    }

    // ------------------------------------------------------------------ callbacks

    /** Takes note of a change (called under the org's write lock: only queues it). */
    void changed(Org.Change change) {
        pending.add(change);
        startDeliverer();
    }

    private synchronized void startDeliverer() {
        if (deliverer == null || !deliverer.isAlive()) {
            deliverer = new Thread(this::deliverForever, "bigin-emulator-notifications");
            deliverer.setDaemon(true);
            deliverer.start();
        }
    }

    private void deliverForever() {
        Callback held = null;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<Org.Change> batch = new ArrayList<>();
                batch.add(pending.take());
                Thread.sleep(20); // the rest of a write's records join its callback
                pending.drainTo(batch);
                for (Callback callback : callbacksFor(batch)) {
                    if (drop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        sent.add(callback.dropped());
                        continue;
                    }
                    if (holdNext && held == null) {
                        holdNext = false;
                        held = callback;
                        continue;
                    }
                    send(callback);
                    if (held != null) {
                        send(held);
                        held = null;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One callback per run of changes of one module and operation, for each live channel that covers them. */
    private List<Callback> callbacksFor(List<Org.Change> batch) {
        List<Callback> out = new ArrayList<>();
        int from = 0;
        while (from < batch.size()) {
            Org.Change first = batch.get(from);
            int to = from;
            while (to < batch.size() && batch.get(to).module().equals(first.module())
                   && batch.get(to).operation().equals(first.operation())) {
                to++;
            }
            List<Org.Change> run = batch.subList(from, to);
            List<Channel> live;
            synchronized (this) {
                purgeExpired();
                live = List.copyOf(channels.values());
            }
            for (Channel c : live) {
                List<String> covered = run.stream().filter(c::covers).map(Org.Change::id).toList();
                if (!covered.isEmpty()) {
                    out.add(new Callback(c.notifyUrl(), payload(c, first, covered), -1));
                }
            }
            from = to;
        }
        return out;
    }

    private Map<String, Object> payload(Channel c, Org.Change change, List<String> ids) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server_time", org.now().toEpochMilli());
        p.put("query_params", queryParams(c.notifyUrl()));
        p.put("module", change.module());
        p.put("resource_uri", flavour.resourceUri(change.module()));
        p.put("ids", List.copyOf(ids));
        p.put("affected_fields", List.of());
        p.put("operation", change.operation());
        p.put("channel_id", c.id());
        p.put("token", c.token());
        return p;
    }

    private static Map<String, String> queryParams(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private void send(Callback callback) throws InterruptedException {
        Duration wait = delay;
        if (!wait.isZero()) {
            Thread.sleep(wait.toMillis());
        }
        int times = duplicate ? 2 : 1;
        for (int i = 0; i < times; i++) {
            sent.add(callback.answered(post(callback)));
        }
    }

    /** POSTs the callback; the receiver's status, or 0 when it could not be reached (Zoho does not say it retries). */
    private int post(Callback callback) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(callback.url())).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(callback.payload()))).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
    }
}
