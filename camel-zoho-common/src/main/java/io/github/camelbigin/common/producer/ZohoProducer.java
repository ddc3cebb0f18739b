package io.github.camelbigin.common.producer;

import java.util.EnumMap;
import java.util.Map;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.ZohoOperation;
import io.github.camelbigin.common.options.ZohoOperation.Group;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.http.ZohoApiException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Performs one operation per message: a dispatcher that hands each family of operations to its handler. The message's
 * arguments are read by {@link MessageArgs}, the results written by {@link Results}; a failed call's message names
 * the operation and module the route asked for, and with a credit budget every answer says what is left of it.
 */
public final class ZohoProducer extends DefaultProducer {

    private final EndpointScope scope;
    private final Map<Group, OperationHandler> handlers = new EnumMap<>(Group.class);

    public ZohoProducer(Endpoint endpoint, EndpointScope scope) {
        super(endpoint);
        this.scope = scope;
        handlers.put(Group.RECORDS, new RecordHandler(scope));
        handlers.put(Group.READS, new ReadHandler(scope));
        handlers.put(Group.BULK, new BulkHandler(scope));
        handlers.put(Group.FILES, new FileHandler(scope));
        handlers.put(Group.METADATA, new MetadataHandler(scope));
        handlers.put(Group.CONNECTIONS, new ConnectionHandler(scope));
        handlers.put(Group.ACTIONS, new ActionHandler(scope));
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        MessageArgs in = new MessageArgs(exchange.getIn(), scope);
        ZohoOperation op = in.operation();
        Results out = new Results(exchange.getMessage(), scope);
        OperationHandler handler = handlers.get(op.group());
        if (op.group() == Group.CONNECTIONS && op != ZohoOperation.authorize) {
            handler.perform(op, in, out); // Maton's connection API: no Zoho call, no credit
            return;
        }
        ZohoClient client = scope.client();
        try {
            handler.perform(op, in, out);
        } catch (ZohoApiException e) {
            throw e.during(client.api(), op.name(), scope.module()); // the message names what the route asked for
        } finally {
            out.credits(client.creditBudget());
        }
    }
}
