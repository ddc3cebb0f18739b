package io.github.camelbigin.zoho.notifications;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.http.ApiErrors;
import io.github.camelbigin.zoho.http.ApiRequest;
import io.github.camelbigin.zoho.http.ApiResponse;
import io.github.camelbigin.zoho.records.JsonCalls;
import io.github.camelbigin.zoho.records.RecordIterator;
import io.github.camelbigin.zoho.records.RecordQuery;
import io.github.camelbigin.zoho.records.ZohoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zoho's notification channels ({@code /actions/watch}): enable, renew, disable events, list and delete. Every call
 * answers one {@link WatchResult} per channel, in the order asked, and a refused channel never hides behind a
 * successful one: check each result (a renewal of a channel Zoho collected answers {@code NOT_SUBSCRIBED}).
 */
public final class Watch {

    private static final Logger LOG = LoggerFactory.getLogger(Watch.class);

    /** The most channels one call takes. */
    public static final int MAX_CHANNELS_A_CALL = 100;
    private static final String PATH = "/actions/watch";

    private final JsonCalls calls;
    private final ZohoApi api;

    public Watch(JsonCalls calls) {
        this.calls = calls;
        this.api = calls.api();
    }

    public ZohoApi api() {
        return api;
    }

    /** Enables channels ({@code POST}); enabling a live channel again refreshes it. */
    public List<WatchResult> enable(List<Channel> channels) {
        return inChunks(channels, chunk -> send(ApiRequest.post(PATH).idempotent(true), "enable", chunk,
                chunk.stream().map(Channel::toJson).toList()));
    }

    /** Replaces the details of live channels ({@code PUT}): events, URL, token and expiry. */
    public List<WatchResult> update(List<Channel> channels) {
        return inChunks(channels, chunk -> send(ApiRequest.put(PATH), "update", chunk,
                chunk.stream().map(Channel::toJson).toList()));
    }

    /**
     * Keeps a channel alive with its (new) expiry: updates it, and enables it again when Zoho no longer has it
     * (expired and collected, or deleted) — so a renewal never leaves the route without a channel.
     */
    public WatchResult renew(Channel channel) {
        WatchResult updated = update(List.of(channel)).get(0);
        return updated.notSubscribed() ? enable(List.of(channel)).get(0) : updated;
    }

    /**
     * Stops some events of a channel ({@code PATCH} with {@code _delete_events}: without that flag Zoho disables
     * nothing and still answers success).
     */
    public WatchResult disableEvents(String channelId, List<String> events) {
        Map<String, Object> item = Map.of("channel_id", channelId, "events", List.copyOf(events),
                "_delete_events", true);
        return send(ApiRequest.patch(PATH), "disable events", List.of(channelId), List.of(item)).get(0);
    }

    /** The live channels, of {@code module} only when it is not null (expired channels are gone from the list). */
    public List<Channel> list(String module) {
        List<Channel> channels = new ArrayList<>();
        RecordIterator pages = JsonCalls.paged(RecordQuery.create(), (page, token, perPage) -> calls.page(
                JsonCalls.pageParams(ApiRequest.get(PATH).query("module", module).operation("watch", module), page,
                        null, perPage).build()));
        pages.forEachRemaining(entry -> {
            Channel c = channel(entry);
            if (c != null) {
                channels.add(c);
            }
        });
        return channels;
    }

    /** Deletes channels; one Zoho does not have answers {@code NOT_SUBSCRIBED}, which a caller may take as done. */
    public List<WatchResult> delete(Collection<String> channelIds) {
        return inChunks(List.copyOf(channelIds), chunk -> send(ApiRequest.delete(PATH)
                .query("channel_ids", String.join(",", chunk)), "delete", chunk, null));
    }

    private <T> List<WatchResult> inChunks(List<T> items, Function<List<T>, List<WatchResult>> call) {
        List<WatchResult> results = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += MAX_CHANNELS_A_CALL) {
            results.addAll(call.apply(items.subList(from, Math.min(items.size(), from + MAX_CHANNELS_A_CALL))));
        }
        return results;
    }

    /** Sends a watch call for these channels (ids or channels) and reads one result per channel, in order. */
    private List<WatchResult> send(ApiRequest.Builder rb, String operation, List<?> channels, List<?> body) {
        if (body != null) {
            rb.json(JsonCalls.toBytes(Map.of("watch", body)));
        }
        ApiRequest request = rb.operation("watch " + operation, null).recordResults().build();
        ApiResponse response = calls.execute(request);
        Object items = calls.object(request, response).get("watch");
        if (!(items instanceof List) || ((List<?>) items).size() != channels.size()) {
            throw ApiErrors.malformed(api, request, response, "expected " + channels.size()
                                                              + " per-channel results");
        }
        List<WatchResult> results = new ArrayList<>(channels.size());
        for (int i = 0; i < channels.size(); i++) {
            Object c = channels.get(i);
            String id = c instanceof Channel ? ((Channel) c).id() : String.valueOf(c);
            Map<?, ?> item = ((List<?>) items).get(i) instanceof Map ? (Map<?, ?>) ((List<?>) items).get(i) : Map.of();
            results.add(new WatchResult(id, "success".equals(text(item, "status")), text(item, "code"),
                    text(item, "message")));
        }
        return results;
    }

    /**
     * A listed channel, or null for one this client cannot read (another integration's channels share the org's list,
     * and one odd entry must not fail the check of ours).
     */
    private static Channel channel(Map<String, Object> entry) {
        try {
            List<String> events = new ArrayList<>();
            if (entry.get("events") instanceof List<?> listed) {
                listed.forEach(e -> events.add(String.valueOf(e)));
            }
            Object token = entry.get("token");
            return new Channel(String.valueOf(entry.get("channel_id")), events,
                    URI.create(String.valueOf(entry.get("notify_url"))), token == null ? null : token.toString(),
                    ZohoTime.of(entry, "channel_expiry"));
        } catch (IllegalArgumentException e) {
            LOG.debug("A listed notification channel was left out: {}", e.getMessage());
            return null;
        }
    }

    private static String text(Map<?, ?> item, String name) {
        Object v = item.get(name);
        return v == null ? null : v.toString();
    }
}
