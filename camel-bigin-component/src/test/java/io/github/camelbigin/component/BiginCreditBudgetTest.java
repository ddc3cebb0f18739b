package io.github.camelbigin.component;

import java.nio.file.Path;
import java.util.List;

import io.github.camelbigin.zoho.credits.CreditBudgetExceededException;
import io.github.camelbigin.zoho.testing.FakeClock;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** creditBudget: calls past it are refused unsent, consumers pause, and the day's spending survives a restart. */
class BiginCreditBudgetTest extends ConsumerTestSupport {

    @TempDir
    Path dir;

    @Test
    void aCallPastTheBudgetIsRefusedUnsentAndEveryExchangeSaysWhatIsLeft() {
        emulator().seed().contacts(2);
        String uri = bigin("Contacts?operation=list&fields=Last_Name&creditBudget=3");

        Exchange first = template.send(uri, e -> { });
        template.send(uri, e -> { });
        template.send(uri, e -> { });
        Exchange refused = template.send(uri, e -> { });

        assertThat(first.getMessage().getHeader(BiginConstants.CREDITS_SPENT)).isEqualTo(1L);
        assertThat(first.getMessage().getHeader(BiginConstants.CREDITS_REMAINING)).isEqualTo(2L);
        assertThat(refused.getException()).isInstanceOf(CreditBudgetExceededException.class)
                .hasMessageContaining("creditBudget of 3 credits a day is spent").hasMessageContaining("free up at");
        assertThat(emulator().observe().apiCalls()).isEqualTo(3);
        BiginEndpoint endpoint = context.getEndpoint(uri, BiginEndpoint.class);
        assertThat(endpoint.getCreditsSpent()).isEqualTo(3);
        String console = (String) org.apache.camel.support.PluginHelper.getDevConsoleResolver(context)
                .resolveDevConsole("bigin").call(org.apache.camel.console.DevConsole.MediaType.TEXT);
        assertThat(console).contains("credit budget: 3 spent of 3 in 24 h");
    }

    @Test
    void aConsumerPausesWhenTheBudgetIsSpentInsteadOfFailing() throws Exception {
        emulator().seed().contacts(2);
        consume("paused", "Contacts?events=created&initialPosition=beginning&fields=Last_Name&creditBudget=2");
        awaitDelivered(2);
        awaitTicks("paused", 3);
        long calls = emulator().observe().apiCalls();
        emulator().seed().insert("Contacts", java.util.Map.of("Last_Name", "Waits"));
        awaitTicks("paused", 3);

        assertThat(calls).isEqualTo(2);
        assertThat(emulator().observe().apiCalls()).as("no call while paused").isEqualTo(2);
        assertThat(consumer("paused").getPausedUntil()).isNotNull();
        assertThat(consumer("paused").isRunAllowed()).isTrue();
        assertThat(delivered).hasSize(2);
    }

    @Test
    void aPausedConsumerResumesWhenCreditsFreeUp() throws Exception {
        FakeClock clock = new FakeClock(java.time.Instant.now());
        context.getComponent("bigin", BiginComponent.class).clock(clock);
        emulator().seed().contacts(2);
        consume("resumes", "Contacts?events=created&initialPosition=beginning&fields=Last_Name&creditBudget=2");
        awaitDelivered(2);
        await(() -> consumer("resumes").getPausedUntil() != null, 10_000, "the pause");
        String later = emulator().seed().insert("Contacts", java.util.Map.of("Last_Name", "AfterTheDay"));
        awaitTicks("resumes", 3);
        assertThat(delivered).hasSize(2);

        clock.advance(java.time.Duration.ofHours(24).plusMinutes(2)); // the day's calls leave the window
        awaitDelivered(3);

        assertThat(deliveredIds()).contains(later);
        assertThat(consumer("resumes").getPausedUntil()).isNull();
    }

    @Test
    void theDaysSpendingSurvivesARestart() throws Exception {
        emulator().seed().contacts(1);
        FileStateRepository ledger = FileStateRepository.fileStateRepository(dir.resolve("credits").toFile());
        context.getRegistry().bind("ledger", ledger);
        String uri = bigin("Contacts?operation=list&fields=Last_Name&creditBudget=5&creditStateRepository=#ledger");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").routeId("lister").to(uri);
            }
        });
        for (int i = 0; i < 3; i++) {
            template.sendBody("direct:list", null);
        }
        context.stop(); // the client is closed and its ledger written

        org.apache.camel.CamelContext again = new org.apache.camel.impl.DefaultCamelContext();
        again.getRegistry().bind("ledger", FileStateRepository.fileStateRepository(dir.resolve("credits").toFile()));
        again.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to(uri);
            }
        });
        again.start();
        try {
            List<Exchange> results = List.of(again.createProducerTemplate().send("direct:list", e -> { }),
                    again.createProducerTemplate().send("direct:list", e -> { }),
                    again.createProducerTemplate().send("direct:list", e -> { }));
            assertThat(results.get(0).getMessage().getHeader(BiginConstants.CREDITS_SPENT)).isEqualTo(4L);
            assertThat(results.get(2).getException()).isInstanceOf(CreditBudgetExceededException.class);
            assertThat(emulator().observe().apiCalls()).isEqualTo(5);
        } finally {
            again.stop();
        }
    }
}
