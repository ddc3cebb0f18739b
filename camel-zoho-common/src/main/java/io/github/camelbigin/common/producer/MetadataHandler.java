package io.github.camelbigin.common.producer;

import io.github.camelbigin.common.client.EndpointScope;
import io.github.camelbigin.common.options.ZohoOperation;
import io.github.camelbigin.zoho.client.ZohoClient;
import io.github.camelbigin.zoho.metadata.Metadata;

/** What the org is made of: modules, the module's fields, layouts and tags, the users (or one), the org. */
final class MetadataHandler implements OperationHandler {

    private final EndpointScope scope;

    MetadataHandler(EndpointScope scope) {
        this.scope = scope;
    }

    @Override
    public void perform(ZohoOperation op, MessageArgs in, Results out) {
        ZohoClient client = scope.client();
        Metadata metadata = client.metadata();
        switch (op) {
            case modules -> out.items(metadata.modules());
            case fields -> out.items(metadata.fields(in.module()));
            case layouts -> out.items(metadata.layouts(in.module()));
            case tags -> out.items(metadata.tags(in.module()));
            case org -> out.body(metadata.org());
            case users -> {
                String userId = in.recordIdOrNull();
                if (userId != null) {
                    // one user: GET /users/{id}
                    out.body(ReadHandler.found(client, op, "users", "user", userId, metadata.user(userId),
                            scope.config().isFailOnNotFound()));
                } else {
                    out.records(metadata.users(in.query().type(scope.config().getUserType().name())), false);
                }
            }
            default -> throw new IllegalStateException("Not a metadata read: " + op);
        }
    }
}
