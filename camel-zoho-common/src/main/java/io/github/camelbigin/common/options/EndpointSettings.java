package io.github.camelbigin.common.options;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.camelbigin.zoho.http.ZohoJson;
import io.github.camelbigin.zoho.records.CoqlQuery;
import io.github.camelbigin.zoho.records.RecordQuery;
import io.github.camelbigin.zoho.records.WriteOptions;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * An endpoint's options, checked once — when the endpoint is created — and turned into what its producer and consumers
 * work with. This is the one place options are checked: a value that makes no sense fails here, naming the option, the
 * value and what to give, before any route starts and before any call; the producer and the consumer receive these
 * settings and check nothing again.
 *
 * @param product      what the endpoint's component speaks
 * @param auth         the way in (or the user's own client)
 * @param feed         the consumer's options
 * @param push         the consumer's push-mode options; null in polling mode
 * @param bulkCriteria the bulkCriteria option as a JSON object; null when unset
 */
public record EndpointSettings(ZohoProduct product, AuthChoice auth, FeedSettings feed, PushSettings push,
                               Map<String, Object> bulkCriteria) {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /**
     * Checks every option of an endpoint.
     *
     * @param schedule the endpoint, for its scheduler options
     * @throws IllegalArgumentException naming the bad option and value, and what to give
     */
    public static EndpointSettings check(ZohoProduct product, ZohoConfiguration c, ScheduledPollEndpoint schedule) {
        String label = product.label(c.getModule());
        AuthChoice auth = AuthChoice.of(c, label);
        if (c.getOperation() != null) {
            product.offered(c.getOperation());
        }
        FeedSettings feed = FeedSettings.of(c);
        PushSettings push = c.isNotifications() ? PushSettings.of(c, product) : null;
        PollSchedule.check(schedule, c);
        RecordQuery.create().perPage(c.getPerPage()).page(c.getPage()).maxRecords(c.getMaxRecords());
        WriteOptions.create().batchSize(c.getBatchSize());
        if (c.getOperation() != null && c.getOperation().group() == ZohoOperation.Group.CONNECTIONS
            && c.getOperation() != ZohoOperation.authorize && (c.getApiKey() == null || c.getApiKey().isBlank())) {
            throw new IllegalArgumentException("operation=" + c.getOperation() + " manages Maton connections: it needs"
                                               + " the Maton API key (apiKey)");
        }
        if (c.getCreditBudget() < 0) {
            throw new IllegalArgumentException("creditBudget " + c.getCreditBudget() + " is negative: give the most"
                                               + " credits a day this connection may spend, or 0 for no budget");
        }
        if (c.getBulkWorkDir() != null && !Files.isDirectory(Path.of(c.getBulkWorkDir()))) {
            throw new IllegalArgumentException("bulkWorkDir '" + c.getBulkWorkDir() + "' is not a directory: give an"
                                               + " existing directory for the bulk-write files");
        }
        if (c.getQuery() != null) {
            checkQuery(product, c.getQuery(), c.getModule());
        }
        if (c.getApiUrl() != null) {
            URI.create(c.getApiUrl());
        }
        if (c.getAccountsUrl() != null) {
            URI.create(c.getAccountsUrl());
        }
        return new EndpointSettings(product, auth, feed, push, bulkCriteria(c.getBulkCriteria()));
    }

    /** A bulk criteria given as JSON: an object, else the error naming the value and an example. */
    public static Map<String, Object> bulkCriteria(String json) {
        if (json == null) {
            return null;
        }
        try {
            Map<String, Object> criteria = ZohoJson.MAPPER.readValue(json, OBJECT);
            if (criteria != null) {
                return criteria;
            }
        } catch (IOException e) {
            // said below
        }
        throw new IllegalArgumentException("bulkCriteria '" + json + "' is not a JSON object such as"
                                           + " {\"api_name\":\"Email\",\"comparator\":\"equal\",\"value\":\"a@b.c\"}");
    }

    /**
     * A COQL query whose parameters are bound: its form, its limits (the product's) and its module (the endpoint's).
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static CoqlQuery checkModule(ZohoProduct product, CoqlQuery query, String module) {
        if (!query.module().equals(module)) {
            throw new IllegalArgumentException("The query reads " + query.module() + " but the endpoint is "
                                               + product.label(module) + ": use " + product.label(query.module())
                                               + " for it");
        }
        return query;
    }

    /** The query option, checked before its parameters are bound: its form, limits and module. */
    private static void checkQuery(ZohoProduct product, String query, String module) {
        checkModule(product, CoqlQuery.parse(product.api(), query, new AnyParameter()), module);
    }

    /** Any parameter name has a value: only the query's form and limits are checked. */
    private static final class AnyParameter extends AbstractMap<String, Object> {
        @Override
        public boolean containsKey(Object key) {
            return true;
        }

        @Override
        public Object get(Object key) {
            return 0;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of();
        }
    }
}
