package io.github.camelbigin.common.consumer;

import java.util.List;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.apache.camel.Exchange;

/**
 * Delivers a poll's events through the route, at least once: an event's watermark moves only after its exchange
 * completed; the first exchange that fails stops the batch, and the feed is stuck on its record until it completes.
 * With useIterator=false the poll's records go as one exchange, done or repeated as a whole.
 */
final class Delivery {

    /** What a consumer lends a delivery: its route and the batch consumer's bookkeeping. */
    record Route(BooleanSupplier allowed, IntConsumer pending, Consumer<Exchange> process, Failures failures,
                 Consumer<Exchange> release) {
    }

    /** The consumer's exception handler, told of a failed exchange. */
    interface Failures {
        void failed(String message, Exchange exchange, Throwable failure);
    }

    /** How a delivery went: the exchanges that completed, and whether every event of the batch is done. */
    record Outcome(int delivered, boolean complete) {
    }

    private final Route route;
    private final Exchanges exchanges;
    private final FeedStore store;
    private final StuckFeed stuck;
    private final String label;

    Delivery(Route route, Exchanges exchanges, FeedStore store, StuckFeed stuck, String label) {
        this.route = route;
        this.exchanges = exchanges;
        this.store = store;
        this.stuck = stuck;
        this.label = label;
    }

    /** One exchange per event asked for; the others are passed over, the watermark moving past them. */
    Outcome each(List<Event> events, String trigger, boolean deletionsMayBeMissing) {
        int total = (int) events.stream().filter(Event::deliver).count();
        int index = 0;
        boolean complete = true;
        for (Event event : events) {
            if (!route.allowed().getAsBoolean()) {
                complete = false;
                break;
            }
            if (event.deliver()) {
                route.pending().accept(total - index - 1);
                Exchange exchange = exchanges.of(event, index, total, trigger, deletionsMayBeMissing);
                if (!run(exchange, () -> stuck.failed(event.id(), event.type()).failureMessage(label))) {
                    complete = false;
                    break;
                }
                stuck.movedPast(event.id());
                index++;
            }
            store.done(event);
        }
        route.pending().accept(0);
        return new Outcome(index, complete);
    }

    /** useIterator=false: the poll's records as the List body of one exchange; all or none of them are done. */
    Outcome asOne(List<Event> events, String trigger) {
        List<Event> delivered = events.stream().filter(Event::deliver).toList();
        boolean complete = delivered.isEmpty() || route.allowed().getAsBoolean();
        if (!delivered.isEmpty() && complete) {
            String first = delivered.get(0).id() + (delivered.size() > 1 ? " (the first of " + delivered.size() + ")"
                    : "");
            String types = String.join(",", new TreeSet<>(delivered.stream().map(Event::type).toList()));
            complete = run(exchanges.ofBatch(delivered, trigger), () -> stuck.failed(first, types).failureMessage(label));
        }
        if (complete) {
            events.forEach(store::advance);
        }
        return new Outcome(complete ? delivered.size() : 0, complete);
    }

    /** Runs an exchange through the route: true when it completed, false (after telling the exception handler) if not. */
    private boolean run(Exchange exchange, Supplier<String> failureMessage) {
        route.process().accept(exchange);
        Exception failure = exchange.getException();
        if (failure != null) {
            route.failures().failed(failureMessage.get(), exchange, failure);
        }
        route.release().accept(exchange);
        return failure == null;
    }
}
