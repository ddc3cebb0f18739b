package io.github.camelbigin.component;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.ZohoApiException;
import io.github.camelbigin.zoho.notifications.Channel;
import io.github.camelbigin.zoho.notifications.ChannelKeeper;
import io.github.camelbigin.zoho.notifications.Notification;
import io.github.camelbigin.zoho.notifications.Operation;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's push mode: a notification channel whose callbacks wake the polls, and a poll every reconcile interval
 * as the safety net. A callback is only a wake-up — the poll reads from the watermark as ever — so every guarantee of
 * the polling consumer holds, a burst of callbacks is one poll, and a lost callback costs latency, never a record.
 * Callbacks arrive through platform-http on the path of notifyUrl; a forged one (wrong channel id or token) gets 403
 * and causes no call.
 */
final class PushMode {

    /** How often the consumer looks whether a poll is due: the latency a callback adds at most. */
    static final long TICK_MILLIS = 200;
    /** After a failed poll, the next comes this soon at the latest (or at the next callback). */
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(30);
    static final String NOTIFICATION = "notification";
    static final String RECONCILIATION = "reconciliation";

    private static final Logger LOG = LoggerFactory.getLogger(PushMode.class);

    private final CamelContext camelContext;
    private final ZohoEndpoint endpoint;
    private final BiginConfiguration config;
    private final ChannelKeeper keeper;
    private final ZohoClient client;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Duration reconcile;
    /** Takes the ids of a delete callback and the time Zoho sent it; null when deletions are not delivered. */
    private final BiConsumer<List<String>, Instant> deletions;
    private volatile long nextPollNanos;
    private Consumer receiver;

    PushMode(ZohoEndpoint endpoint, String stateKey, List<String> events,
             BiConsumer<List<String>, Instant> deletions) {
        this.camelContext = endpoint.getCamelContext();
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.client = endpoint.getClient();
        this.deletions = deletions;
        this.reconcile = Duration.ofMillis(config.getReconcileInterval());
        String id = config.getChannelId() != null ? config.getChannelId()
                : ChannelKeeper.stableId(stateKey + "|" + config.getNotifyUrl());
        List<Operation> ops = new ArrayList<>();
        for (String e : events) {
            ops.add("created".equals(e) ? Operation.insert : "updated".equals(e) ? Operation.update : Operation.delete);
        }
        // the list is asked hourly whether Zoho still has the channel; sooner when reconciling more often than that
        Duration verify = reconcile.multipliedBy(4).compareTo(Duration.ofHours(1)) < 0 ? reconcile.multipliedBy(4)
                : Duration.ofHours(1);
        List<String> notifyFields = BiginConfiguration.splitList(config.getNotifyFields());
        this.keeper = new ChannelKeeper(client.watch(), id, Channel.events(config.getModule(), ops),
                notifyFields == null ? List.of() : notifyFields, URI.create(config.getNotifyUrl()),
                client::serverTime, verify);
    }

    /** The local path callbacks arrive at: notifyUrl's. */
    static String localPath(String notifyUrl) {
        String path = URI.create(notifyUrl).getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** Starts receiving, then enables the channel (so no callback finds nobody listening); the first poll is due. */
    void start() throws Exception {
        Endpoint http;
        try {
            http = camelContext.getEndpoint("platform-http:" + localPath(config.getNotifyUrl())
                                            + "?httpMethodRestrict=POST");
        } catch (RuntimeException e) {
            throw new IllegalStateException(endpoint.label() + " with notifications=true receives Bigin's"
                                            + " callbacks through platform-http, which is not available: add"
                                            + " camel-platform-http-main (Camel Main), camel-platform-http-starter"
                                            + " (Spring Boot) or another platform-http engine (" + e.getMessage()
                                            + ")", e);
        }
        receiver = http.createConsumer(this::receive);
        ServiceHelper.startService(receiver);
        try {
            keeper.open();
        } catch (RuntimeException e) {
            ServiceHelper.stopService(receiver); // no path left open for a channel that does not exist
            receiver = null;
            throw e instanceof ZohoApiException z ? z.during(client.api(), "notification channel", config.getModule())
                    : e;
        }
        nextPollNanos = System.nanoTime();
    }

    void stop() {
        ServiceHelper.stopService(receiver);
        receiver = null;
        if (config.isKeepChannel()) {
            LOG.info("Notification channel {} kept (keepChannel=true)", keeper.channelId());
        } else {
            keeper.close();
        }
    }

    /**
     * Why a poll is due now — a callback came, or the reconcile interval passed — or null when none is. Also keeps
     * the channel alive, which costs a call only when a renewal or a check is due.
     */
    String due() {
        keeper.maintain();
        if (woken.getAndSet(false)) {
            return NOTIFICATION;
        }
        return System.nanoTime() - nextPollNanos >= 0 ? RECONCILIATION : null;
    }

    /**
     * A poll ended: the next reconciliation comes a full interval later, or sooner after a failure, or at
     * {@code readAgainAt} (Bigin's clock; null: no such wish) when the poll held records back until then.
     */
    void polled(boolean succeeded, Instant readAgainAt) {
        Duration next = succeeded || reconcile.compareTo(AFTER_FAILURE) < 0 ? reconcile : AFTER_FAILURE;
        if (readAgainAt != null) {
            Duration wait = Duration.between(client.serverTime(), readAgainAt);
            next = wait.isNegative() ? Duration.ZERO : wait.compareTo(next) < 0 ? wait : next;
        }
        nextPollNanos = System.nanoTime() + next.toNanos();
    }

    /** Counts a refused callback; the first is a WARN, the rest DEBUG (a flood of forged ones must not flood the log). */
    private void refused(int status, String why) {
        if (refused.incrementAndGet() == 1) {
            LOG.warn("A callback for {} was refused ({}): {}; further refusals are logged at DEBUG and counted"
                     + " in the consumer's CallbacksRefused", endpoint.label(), status, why);
        } else {
            LOG.debug("A callback for {} was refused ({}): {}", endpoint.label(), status, why);
        }
    }

    long acceptedCallbacks() {
        return accepted.get();
    }

    long refusedCallbacks() {
        return refused.get();
    }

    String channelId() {
        return keeper.channelId();
    }

    /**
     * A genuine callback wakes a poll; a delete callback's ids are kept first (see DeletionInbox), and when they cannot
     * be kept the callback gets 500, so that it is not taken as received.
     */
    private int accept(Notification n) {
        woken.set(true); // a poll reads the list either way
        if (deletions != null && n.operation() == Operation.delete
            && config.getModule().equalsIgnoreCase(n.module())) {
            try {
                deletions.accept(n.ids(), n.serverTime() != null ? n.serverTime() : client.serverTime());
            } catch (RuntimeException e) {
                LOG.warn("The deleted ids of a callback for {} could not be kept: {}", endpoint.label(),
                        e.toString());
                return 500;
            }
        }
        accepted.incrementAndGet();
        return 200;
    }

    /** A callback: 200 and a wake-up when it is the channel's, 403 when forged, 400 when malformed or too large. */
    private void receive(Exchange exchange) {
        int status;
        try {
            Notification n = Notification.parse(exchange.getIn().getBody(byte[].class));
            if (n.isFrom(keeper.channelId(), keeper.token())) {
                status = accept(n);
            } else {
                refused(403, "it did not carry its channel's id and token");
                status = 403;
            }
        } catch (IllegalArgumentException e) {
            refused(400, e.getMessage());
            status = 400;
        }
        Message answer = exchange.getMessage();
        answer.getHeaders().clear(); // nothing of the request goes back
        answer.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        answer.setBody(null);
    }
}
