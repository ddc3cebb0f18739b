package io.github.camelbigin.common.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.Header;
import io.github.camelbigin.common.push.WakeUps;
import io.github.camelbigin.zoho.http.ZohoJson;
import io.github.camelbigin.zoho.records.ZohoTime;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;

/**
 * Builds a consumer's exchanges: one per record (its headers say what happened to it, when, and what made the poll),
 * or with useIterator=false one per poll whose body is the List of its records.
 */
final class Exchanges {

    private static final ObjectMapper JSON = ZohoJson.MAPPER;

    private final EndpointScope scope;
    private final Supplier<Exchange> newExchange;
    private final String timeField;

    /** @param newExchange the consumer's own exchanges (pooled, with its route) */
    Exchanges(EndpointScope scope, Supplier<Exchange> newExchange) {
        this.scope = scope;
        this.newExchange = newExchange;
        this.timeField = scope.settings().feed().timeField();
    }

    /** The exchange of one record, {@code index} of the {@code total} a poll delivers. */
    Exchange of(Event event, int index, int total, String trigger, boolean deletionsMayBeMissing) {
        Exchange exchange = newExchange.get();
        Message m = exchange.getIn();
        set(m, Header.MODULE, scope.module());
        set(m, Header.EVENT_TYPE, event.type());
        set(m, Header.TRIGGER, event.announced() ? WakeUps.NOTIFICATION : trigger);
        set(m, Header.RECORD_ID, event.id());
        if (event.deletion()) {
            set(m, Header.MODIFIED_TIME, event.time());
            set(m, Header.DELETED_TIME, event.time());
            set(m, Header.DELETED_BY, event.record().get("deleted_by"));
            if (deletionsMayBeMissing) {
                set(m, Header.DELETIONS_MAY_BE_MISSING, true);
            }
        } else {
            set(m, Header.MODIFIED_TIME, "Modified_Time".equals(timeField) ? event.time()
                    : ZohoTime.of(event.record(), "Modified_Time"));
        }
        m.setBody(body(event));
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
        return exchange;
    }

    /** useIterator=false: the poll's delivered records as the List body of one exchange, in order. */
    Exchange ofBatch(List<Event> delivered, String trigger) {
        List<Object> records = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Event e : delivered) {
            records.add(body(e));
            types.add(e.type());
            ids.add(e.id());
        }
        Exchange exchange = newExchange.get();
        Message m = exchange.getIn();
        set(m, Header.MODULE, scope.module());
        set(m, Header.RECORD_COUNT, records.size());
        set(m, Header.EVENT_TYPES, types);
        set(m, Header.TRIGGER, trigger);
        set(m, Header.RECORD_IDS, ids);
        m.setBody(records);
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, 0);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, 1);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, true);
        return exchange;
    }

    /** A record as the route gets it: a deletion's entry, the record's map, or the record as outputClass. */
    private Object body(Event event) {
        Class<?> type = scope.config().getOutputClass();
        return event.deletion() || type == null ? event.record() : JSON.convertValue(event.record(), type);
    }

    private void set(Message m, Header header, Object value) {
        m.setHeader(scope.header(header), value);
    }
}
