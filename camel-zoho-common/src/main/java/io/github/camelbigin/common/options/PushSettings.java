package io.github.camelbigin.common.options;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.camelbigin.zoho.notifications.Channel;

/**
 * A consumer's push-mode options, checked once when the endpoint is created: where Zoho calls back, the channel's id
 * (null: derived from the state key), the fields whose edits call back (empty: every change), the safety net's
 * interval and whether the channel outlives the consumer.
 */
public record PushSettings(URI notifyUrl, String channelId, List<String> notifyFields, Duration reconcile,
                           boolean keepChannel) {

    /** The local path callbacks arrive at: notifyUrl's. */
    public String localPath() {
        String path = notifyUrl.getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** The push-mode options of {@code c}; fails naming the option and what to give. */
    static PushSettings of(ZohoConfiguration c, ZohoProduct product) {
        String url = c.getNotifyUrl();
        URI uri;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            || uri.getHost() == null) {
            throw new IllegalArgumentException("notifications=true needs notifyUrl, the public http(s) URL "
                                               + product.name() + " POSTs its callbacks to (e.g."
                                               + " https://hooks.example.com/" + product.scheme() + "/contacts), not '"
                                               + url + "'");
        }
        if (c.getChannelId() != null && !Channel.isChannelId(c.getChannelId())) {
            throw new IllegalArgumentException("channelId '" + c.getChannelId() + "' is not a positive number of at"
                                               + " most 19 digits: leave it unset to have one derived");
        }
        List<String> notifyFields = Lists.split(c.notifyFields());
        if (notifyFields != null && notifyFields.size() > Channel.MAX_NOTIFY_FIELDS) {
            throw new IllegalArgumentException("notifyFields names " + notifyFields.size() + " fields ("
                                               + c.notifyFields() + "): a channel's condition takes at most "
                                               + Channel.MAX_NOTIFY_FIELDS);
        }
        if (c.getReconcileInterval() < 1000) {
            throw new IllegalArgumentException("reconcileInterval " + c.getReconcileInterval() + " ms is below one"
                                               + " second: it is the safety net's interval (default 15 minutes)");
        }
        return new PushSettings(uri, c.getChannelId(), notifyFields == null ? List.of() : List.copyOf(notifyFields),
                Duration.ofMillis(c.getReconcileInterval()), c.isKeepChannel());
    }
}
