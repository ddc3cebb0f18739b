package io.github.camelbigin.common.consumer;

import java.util.Objects;

import io.github.camelbigin.zoho.http.ZohoApiException;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;

/**
 * Logs a failed poll that only a person can fix (unknown module, refused credentials, missing scope) once, as one line
 * without a stack trace, and again only when the failure changes; everything else goes to Camel's own handler. A
 * consumer failing every poll for the same reason would otherwise write the same long stack trace at each poll.
 */
final class OncePerFailureExceptionHandler implements ExceptionHandler {

    private final ExceptionHandler delegate;
    private final Logger log;
    private volatile String lastLogged;

    OncePerFailureExceptionHandler(ExceptionHandler delegate, Logger log) {
        this.delegate = delegate;
        this.log = log;
    }

    /** Forgets the failure logged last: the next one is logged whatever it is. */
    void reset() {
        lastLogged = null;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exchange == null && exception instanceof ZohoApiException e && !e.isTransient()) {
            if (!Objects.equals(lastLogged, e.getMessage())) {
                lastLogged = e.getMessage();
                log.warn("{} Polls back off while it lasts; the full stack trace is logged at DEBUG.", e.getMessage());
            }
            log.debug("Failed poll", e);
            return;
        }
        lastLogged = null;
        delegate.handleException(message, exchange, exception);
    }
}
