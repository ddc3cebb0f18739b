package io.github.camelbigin.zoho.notifications;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.camelbigin.zoho.api.Feature;
import io.github.camelbigin.zoho.http.ZohoApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one notification channel alive for as long as its owner runs: enables it with a fresh random token and an
 * explicit expiry (Zoho's default is not to be relied on), renews it well before that expiry, enables it again when
 * Zoho says {@code NOT_SUBSCRIBED} or no longer lists it, and deletes it at the end. Times are the server's, so a
 * skewed local clock cannot let the channel lapse. Once closed it does nothing more, so a renewal racing the owner's
 * stop cannot bring the channel back.
 */
public final class ChannelKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelKeeper.class);
    // a channel is asked to live the API's channelLifetime (a little under Zoho's cap, room for clock skew), and is
    // renewed with half its life left: a renewal that fails has hours of retries before the channel lapses
    /** After a failure the call is tried again this soon, or at the next check when checks come more often. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Watch watch;
    private final Supplier<Instant> now;
    private final Duration verifyEvery;
    private final Duration retryAfterFailure;
    private Channel channel;
    private Instant renewAt;
    private Instant verifyAt;
    private boolean closed;

    /**
     * @param verifyEvery how often the channel list is asked whether Zoho still has the channel (one call each)
     */
    public ChannelKeeper(Watch watch, String channelId, List<String> events, URI notifyUrl, Supplier<Instant> now,
                         Duration verifyEvery) {
        this(watch, channelId, events, List.of(), notifyUrl, now, verifyEvery);
    }

    /**
     * @param notifyFields the fields whose changes alone call back on an edit (Zoho CRM); empty: any change does
     * @param verifyEvery  how often the channel list is asked whether Zoho still has the channel (one call each)
     */
    public ChannelKeeper(Watch watch, String channelId, List<String> events, List<String> notifyFields, URI notifyUrl,
                         Supplier<Instant> now, Duration verifyEvery) {
        if (!notifyFields.isEmpty() && !watch.api().has(Feature.NOTIFY_CONDITION)) {
            throw new IllegalArgumentException(watch.api().product() + " channels call back on any change: a condition"
                                               + " on fields (" + notifyFields + ") is Zoho CRM's");
        }
        this.watch = watch;
        this.now = now;
        this.verifyEvery = verifyEvery;
        this.retryAfterFailure = verifyEvery.compareTo(RETRY_AFTER_FAILURE) < 0 ? verifyEvery : RETRY_AFTER_FAILURE;
        this.channel = new Channel(channelId, events, notifyUrl, newToken(), null, notifyFields);
    }

    /** A channel id that stays the same for the same key (a route's state key and URL): a restart reuses it. */
    public static String stableId(String key) {
        long bits = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        // 18 digits: a positive long Zoho takes, never 0, never with a leading zero
        return String.valueOf(100_000_000_000_000_000L + Math.floorMod(bits, 900_000_000_000_000_000L));
    }

    public String channelId() {
        return channel.id();
    }

    /** The token callbacks must carry (a secret: never log it). */
    public String token() {
        return channel.token();
    }

    /**
     * Enables the channel.
     *
     * @throws ZohoApiException when Zoho refuses the call, or refuses the channel (its code and message say why)
     */
    public synchronized void open() {
        Instant t = now.get();
        Channel c = channel.expiring(expiryFrom(t));
        check(watch.enable(List.of(c)).get(0), "enable");
        channel = c;
        renewAt = t.plus(watch.api().channelLifetime().dividedBy(2));
        verifyAt = t.plus(verifyEvery);
        LOG.info("Notification channel {} enabled for {} until {}", c.id(), c.events(), c.expiry());
    }

    /**
     * Renews the channel when its time has come, and checks the list when that time has come: at most one or two calls,
     * usually none. A failure is logged and tried again a minute later (sooner when the list is checked more often);
     * the caller's polling covers the gap.
     */
    public synchronized void maintain() {
        if (closed) {
            return;
        }
        Instant t = now.get();
        try {
            if (!t.isBefore(renewAt)) {
                Channel c = channel.expiring(expiryFrom(t));
                check(watch.renew(c), "renew");
                channel = c;
                renewAt = t.plus(watch.api().channelLifetime().dividedBy(2));
                verifyAt = t.plus(verifyEvery);
                LOG.debug("Notification channel {} renewed until {}", c.id(), c.expiry());
            } else if (!t.isBefore(verifyAt)) {
                verifyAt = t.plus(verifyEvery);
                boolean listed = watch.list(null).stream().anyMatch(c -> c.id().equals(channel.id()));
                if (!listed) {
                    LOG.warn("Notification channel {} is gone from Zoho's list (expired or deleted); enabling it again",
                             channel.id());
                    open();
                }
            }
        } catch (ZohoApiException e) {
            LOG.warn("Keeping notification channel {} alive failed ({}); trying again in {}, polling meanwhile",
                     channel.id(), e.getMessage(), retryAfterFailure);
            // whichever was due (a renewal, or enabling a channel Zoho lost) is tried again then
            if (!t.isBefore(renewAt)) {
                renewAt = t.plus(retryAfterFailure);
                verifyAt = t.plus(verifyEvery); // the renewal finds out whether Zoho still has the channel
            } else {
                verifyAt = t.plus(retryAfterFailure);
            }
        }
    }

    /** Deletes the channel; a channel Zoho no longer has counts as deleted. Failures are logged, not thrown. */
    public synchronized void close() {
        closed = true;
        try {
            WatchResult r = watch.delete(List.of(channel.id())).get(0);
            if (r.success() || r.notSubscribed()) {
                LOG.info("Notification channel {} deleted", channel.id());
            } else {
                LOG.warn("Notification channel {} was not deleted: {} {}", channel.id(), r.code(), r.message());
            }
        } catch (ZohoApiException e) {
            LOG.warn("Notification channel {} was not deleted ({}); it ends at {}", channel.id(), e.getMessage(),
                     channel.expiry());
        }
    }

    private OffsetDateTime expiryFrom(Instant t) {
        return OffsetDateTime.ofInstant(t.plus(watch.api().channelLifetime()), ZoneOffset.UTC);
    }

    private void check(WatchResult r, String what) {
        if (!r.success()) {
            // a refused channel is no passing fault: a person fixes the URL, the scope or the events
            throw new ZohoApiException(watch.api(), "watch " + what, null, 400, r.code(), "notification channel "
                    + r.channelId() + " was refused: " + r.message(), null, null);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes); // 32 characters of Zoho's 50
    }
}
