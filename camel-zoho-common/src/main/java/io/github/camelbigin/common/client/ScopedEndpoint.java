package io.github.camelbigin.common.client;

import org.apache.camel.Endpoint;

/** An endpoint of the family, seen by what reads its state (the health check, the dev console) without its type. */
public interface ScopedEndpoint extends Endpoint {

    /** What the endpoint's producer and consumers share. */
    EndpointScope scope();
}
