package io.github.camelbigin.component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelbigin.emulator.Fault;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a consumer does with failures only a person can fix, and with passing ones. */
class BiginConsumerFailureTest extends ConsumerTestSupport {

    private final List<LogEvent> warnings = new CopyOnWriteArrayList<>();
    private AbstractAppender appender;

    @BeforeEach
    void captureWarnings() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender("consumer-warnings", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
                    warnings.add(event.toImmutable());
                }
            }
        };
        appender.start();
        ctx.getConfiguration().getRootLogger().addAppender(appender, Level.WARN, null);
        ctx.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender(appender.getName());
        ctx.updateLoggers();
        appender.stop();
    }

    private void route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("failing").to("log:x");
            }
        });
    }

    @Test
    void aModuleThatDoesNotExistStopsTheRouteFromStartingAndTheErrorNamesThePoll() {
        assertThatThrownBy(() -> route(bigin("Foo?delay=50")))
                .hasStackTraceContaining("Bigin poll on Foo failed: HTTP 400 INVALID_MODULE")
                .hasStackTraceContaining("(in the fields call)");
        assertThat(emulator().apiCalls()).isEqualTo(1);
    }

    @Test
    void aModuleNameInTheWrongCaseIsFoundAtStartToo() {
        assertThatThrownBy(() -> route(bigin("contacts?delay=50")))
                .hasStackTraceContaining("Bigin poll on contacts failed").hasStackTraceContaining("case-sensitive");
    }

    @Test
    void aPermanentFailureFoundByThePollsIsLoggedOnceWithoutAStackTraceAndBackedOff() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        context.getRegistry().bind("countPolls", new PollingConsumerPollStrategy() {
            @Override
            public boolean begin(Consumer consumer, Endpoint endpoint) {
                polls.incrementAndGet();
                return true;
            }

            @Override
            public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            }

            @Override
            public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception e) {
                return false;
            }
        });
        // fields given: no metadata call at start, so the revoked token is found by the polls
        route("bigin:Contacts?fields=Last_Name&delay=5&initialDelay=0&maxRetries=0&pollStrategy=#countPolls"
              + "&accessToken=revoked&apiUrl=" + emulator().apiUrl());

        await(() -> polls.get() >= 40, 10_000, "40 polls");

        // failures at polls 1, 2, 4, 8, 16, 32: each one doubles the polls skipped after it
        assertThat(emulator().apiCalls()).isBetween(5L, 8L);
        assertThat(warnings).filteredOn(w -> w.getMessage().getFormattedMessage().contains("INVALID_TOKEN"))
                .singleElement().satisfies(w -> {
                    assertThat(w.getThrown()).isNull();
                    assertThat(w.getMessage().getFormattedMessage()).contains("Bigin poll on Contacts failed");
                });
    }

    @Test
    void aPassingFailureAtStartLetsTheRouteStartAndThePollsCarryOn() throws Exception {
        emulator().inject(Fault.status(503).on("GET", "/settings/fields").times(4));

        consume("flaky", "Contacts?maxRetries=0");
        List<String> ids = emulator().seedContacts(2);

        awaitDelivered(2);
        assertThat(deliveredIds()).containsExactlyElementsOf(ids);
        assertThat(warnings).anyMatch(w -> w.getMessage().getFormattedMessage()
                .contains("could not check its module at start"));
    }
}
