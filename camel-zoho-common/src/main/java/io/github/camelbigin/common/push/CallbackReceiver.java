package io.github.camelbigin.common.push;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.PushSettings;
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
 * A push-mode consumer's notification channel and the receiver of its callbacks: it keeps one channel alive for the
 * consumer's events (a {@link ChannelKeeper}) and receives its callbacks through platform-http on the path of
 * notifyUrl. A genuine callback wakes a poll ({@link WakeUps}) and hands a deletion's ids on; a forged one (wrong
 * channel id or token) gets 403 and causes no call. A callback is only a wake-up, never the data: every guarantee of
 * the polling consumer holds, and a lost callback costs latency, never a record.
 */
public final class CallbackReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackReceiver.class);

    private final CamelContext camelContext;
    private final EndpointScope scope;
    private final PushSettings settings;
    private final ChannelKeeper keeper;
    private final ZohoClient client;
    private final WakeUps wakeUps;
    /** Takes the ids of a delete callback and the time Zoho sent it; null when deletions are not delivered. */
    private final BiConsumer<List<String>, Instant> deletions;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private Consumer receiver;

    /**
     * @param stateKey  the consumer's state key, from which the channel's id is derived unless channelId is set
     * @param events    the consumer's events: created, updated, deleted
     * @param deletions takes a delete callback's ids (kept before the callback is answered); null: not delivered
     */
    public CallbackReceiver(CamelContext camelContext, EndpointScope scope, String stateKey, List<String> events,
                            WakeUps wakeUps, BiConsumer<List<String>, Instant> deletions) {
        this.camelContext = camelContext;
        this.scope = scope;
        this.settings = scope.settings().push();
        this.client = scope.client();
        this.wakeUps = wakeUps;
        this.deletions = deletions;
        String id = settings.channelId() != null ? settings.channelId()
                : ChannelKeeper.stableId(stateKey + "|" + settings.notifyUrl());
        List<Operation> ops = new ArrayList<>();
        for (String e : events) {
            ops.add("created".equals(e) ? Operation.insert : "updated".equals(e) ? Operation.update : Operation.delete);
        }
        // the list is asked hourly whether Zoho still has the channel; sooner when reconciling more often than that
        Duration reconcile = settings.reconcile();
        Duration verify = reconcile.multipliedBy(4).compareTo(Duration.ofHours(1)) < 0 ? reconcile.multipliedBy(4)
                : Duration.ofHours(1);
        this.keeper = new ChannelKeeper(client.watch(), id, Channel.events(scope.module(), ops),
                settings.notifyFields(), settings.notifyUrl(), client::serverTime, verify);
    }

    /** Starts receiving, then enables the channel (so no callback finds nobody listening). */
    public void start() throws Exception {
        Endpoint http;
        try {
            http = camelContext.getEndpoint("platform-http:" + settings.localPath() + "?httpMethodRestrict=POST");
        } catch (RuntimeException e) {
            throw new IllegalStateException(scope.label() + " with notifications=true receives "
                                            + scope.product().name() + "'s callbacks through platform-http, which is"
                                            + " not available: add camel-platform-http-main (Camel Main),"
                                            + " camel-platform-http-starter (Spring Boot) or another platform-http"
                                            + " engine (" + e.getMessage() + ")", e);
        }
        receiver = http.createConsumer(this::receive);
        ServiceHelper.startService(receiver);
        try {
            keeper.open();
        } catch (RuntimeException e) {
            ServiceHelper.stopService(receiver); // no path left open for a channel that does not exist
            receiver = null;
            throw e instanceof ZohoApiException z ? z.during(client.api(), "notification channel", scope.module()) : e;
        }
    }

    /** Keeps the channel alive: a call only when a renewal or a check is due. */
    public void maintain() {
        keeper.maintain();
    }

    /** Stops receiving, and deletes the channel unless keepChannel asks to keep it. */
    public void stop() {
        ServiceHelper.stopService(receiver);
        receiver = null;
        if (settings.keepChannel()) {
            LOG.info("Notification channel {} kept (keepChannel=true)", keeper.channelId());
        } else {
            keeper.close();
        }
    }

    public long acceptedCallbacks() {
        return accepted.get();
    }

    public long refusedCallbacks() {
        return refused.get();
    }

    public String channelId() {
        return keeper.channelId();
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

    /**
     * A genuine callback wakes a poll; a delete callback's ids are kept first (see the engine's DeletionInbox), and
     * when they cannot be kept the callback gets 500, so that it is not taken as received.
     */
    private int accept(Notification n) {
        wakeUps.wake(); // a poll reads the list either way
        if (deletions != null && n.operation() == Operation.delete && scope.module().equalsIgnoreCase(n.module())) {
            try {
                deletions.accept(n.ids(), n.serverTime() != null ? n.serverTime() : client.serverTime());
            } catch (RuntimeException e) {
                LOG.warn("The deleted ids of a callback for {} could not be kept: {}", scope.label(), e.toString());
                return 500;
            }
        }
        accepted.incrementAndGet();
        return 200;
    }

    /** Counts a refused callback; the first is a WARN, the rest DEBUG (a flood of forged ones must not flood the log). */
    private void refused(int status, String why) {
        if (refused.incrementAndGet() == 1) {
            LOG.warn("A callback for {} was refused ({}): {}; further refusals are logged at DEBUG and counted"
                     + " in the consumer's CallbacksRefused", scope.label(), status, why);
        } else {
            LOG.debug("A callback for {} was refused ({}): {}", scope.label(), status, why);
        }
    }
}
