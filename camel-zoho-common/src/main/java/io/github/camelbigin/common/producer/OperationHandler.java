package io.github.camelbigin.common.producer;

import io.github.camelbigin.common.options.ZohoOperation;

/** Performs the operations of one {@link ZohoOperation.Group}: the message's arguments in, the results out. */
interface OperationHandler {

    void perform(ZohoOperation op, MessageArgs in, Results out);
}
