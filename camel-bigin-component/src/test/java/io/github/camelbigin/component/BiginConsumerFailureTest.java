package io.github.camelbigin.component;

import io.github.camelbigin.common.testing.CapturedLogs;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelbigin.emulator.Fault;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a consumer does with failures only a person can fix, and with passing ones. */
class BiginConsumerFailureTest extends ConsumerTestSupport {

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs(Level.WARN);

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
        assertThat(emulator().observe().apiCalls()).isEqualTo(1);
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
        assertThat(emulator().observe().apiCalls()).isBetween(5L, 8L);
        assertThat(logs.events()).filteredOn(w -> w.getMessage().getFormattedMessage().contains("INVALID_TOKEN"))
                .singleElement().satisfies(w -> {
                    assertThat(w.getThrown()).isNull();
                    assertThat(w.getMessage().getFormattedMessage()).contains("Bigin poll on Contacts failed");
                });
    }

    @Test
    void aPassingFailureAtStartLetsTheRouteStartAndThePollsCarryOn() throws Exception {
        emulator().faults().inject(Fault.status(503).on("GET", "/settings/fields").times(4));

        consume("flaky", "Contacts?maxRetries=0");
        List<String> ids = emulator().seed().contacts(2);

        awaitDelivered(2);
        assertThat(deliveredIds()).containsExactlyElementsOf(ids);
        assertThat(logs.events()).anyMatch(w -> w.getMessage().getFormattedMessage()
                .contains("could not check its module at start"));
    }
}
