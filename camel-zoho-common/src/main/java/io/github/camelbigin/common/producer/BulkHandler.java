package io.github.camelbigin.common.producer;

import java.time.Duration;
import java.util.List;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.common.options.ZohoOperation;
import io.github.camelbigin.zoho.bulk.BulkJobs;
import io.github.camelbigin.zoho.bulk.BulkOperation;

/** Whole modules by bulk jobs: exports (bulkRead, 50 credits per 200,000) and loads (bulkWrite, 500 per 25,000). */
final class BulkHandler implements OperationHandler {

    private final EndpointScope scope;

    BulkHandler(EndpointScope scope) {
        this.scope = scope;
    }

    @Override
    public void perform(ZohoOperation op, MessageArgs in, Results out) {
        ZohoConfiguration config = scope.config();
        BulkJobs bulk = scope.client().bulk();
        Duration timeout = Duration.ofMillis(config.getBulkTimeout());
        switch (op) {
            case bulkRead -> out.exported(bulk.read(in.module(), in.fields(), in.bulkCriteria(), timeout,
                    config.getMaxRecords()));
            case bulkWrite -> {
                // an upsert matches on the first duplicate-check field
                List<String> findBy = config.getBulkOperation() == BulkOperation.upsert ? in.duplicateCheckFields()
                        : null;
                out.written(bulk.writer(in.workDir(), timeout).write(in.module(), config.getBulkOperation(),
                        RecordBodies.lazyRecords(in.body(), op.name()),
                        findBy == null || findBy.isEmpty() ? null : findBy.get(0), config.isFailOnRecordError()));
            }
            default -> throw new IllegalStateException("Not a bulk job: " + op);
        }
    }
}
