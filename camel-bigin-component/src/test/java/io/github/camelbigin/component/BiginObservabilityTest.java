package io.github.camelbigin.component;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health checks, JMX attributes and the dev console. */
class BiginObservabilityTest extends ConsumerTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return withHealthChecks(super.createCamelContext());
    }

    private HealthCheck.Result readiness(String idPrefix) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith(idPrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + idPrefix + "* among "
                                                      + HealthCheckHelper.invokeReadiness(context)));
    }

    @Test
    void theReadinessCheckIsUpWhenTheEndpointsLastCallSucceededWithoutCallingBigin() {
        template.requestBody(bigin("Contacts?operation=org"), (Object) null);
        long calls = emulator().observe().apiCalls();

        HealthCheck.Result result = readiness("bigin-Contacts-");

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(emulator().observe().apiCalls()).isEqualTo(calls);
        assertThat(result.getDetails()).containsEntry("bigin.module", "Contacts").containsKey("bigin.api.calls");
    }

    @Test
    void theReadinessCheckIsDownWithBiginsReasonWhenTheCredentialsAreRejected() {
        String uri = "bigin:Contacts?operation=org&accessToken=revoked-token&apiUrl=" + emulator().apiUrl();
        template.send(uri, e -> {
        });

        HealthCheck.Result result = readiness("bigin-Contacts-");

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).get().asString().contains("INVALID_TOKEN").doesNotContain("revoked-token");
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401)
                .containsEntry("service.error.code", "INVALID_TOKEN");
    }

    @Test
    void anIdleEndpointIsProbedOnceAndTheAnswerReusedForFiveMinutes() throws Exception {
        context.getEndpoint(bigin("Contacts?operation=list")).start();

        HealthCheck.Result first = readiness("bigin-Contacts-");
        HealthCheck.Result second = readiness("bigin-Contacts-");

        assertThat(first.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(second.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(calls()).containsExactly("GET /Contacts");
        assertThat(apiRequests().get(0).query()).containsEntry("per_page", "1");
    }

    @Test
    void anUnreachableApiMakesTheReadinessCheckDown() throws Exception {
        context.getEndpoint("bigin:Contacts?operation=list&accessToken=t&maxRetries=0&apiUrl=http://127.0.0.1:1/bigin/v2")
                .start();

        HealthCheck.Result result = readiness("bigin-Contacts-");

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).get().asString().contains("could not connect");
    }

    @Test
    void aConsumerWhoseCredentialsAreRejectedShowsDownWithTheHttpStatus() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // fields given: no metadata call at start, so the revoked token is found by the polls
                from("bigin:Contacts?fields=Last_Name&delay=50&initialDelay=0&maxRetries=0&accessToken=revoked&apiUrl="
                     + emulator().apiUrl()).routeId("bad-consumer").to("log:x");
            }
        });
        awaitPolls(3);
        // the consumer's check, once the repository has it and it has judged the failed polls
        java.util.function.Supplier<java.util.Optional<HealthCheck.Result>> check = () -> HealthCheckHelper
                .invokeReadiness(context).stream().filter(r -> r.getCheck().getId().contains("bad-consumer")
                                                               && r.getState() == HealthCheck.State.DOWN).findFirst();
        await(() -> check.get().isPresent(), 10_000, "the consumer's readiness check to say DOWN");
        HealthCheck.Result result = check.get().orElseThrow();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
    }

    @Test
    void endpointAndConsumerNumbersAreJmxAttributes() throws Exception {
        DefaultCamelContext.setDisableJmx(false); // camel-test turns JMX off for its own contexts
        CamelContext jmx = new DefaultCamelContext();
        jmx.getCamelContextExtension().setName("bigin-jmx");
        String uri = "bigin:Contacts?events=created&delay=50&initialDelay=0&accessToken=" + BiginEmulator.ACCESS_TOKEN
                     + "&apiUrl=" + emulator().apiUrl();
        jmx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("jmx-consumer").to("log:x?level=OFF");
            }
        });
        jmx.start();
        try {
            awaitPolls(2);
            emulator().seed().contacts(2);
            awaitPolls(2);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();

            Set<ObjectName> endpoints = server.queryNames(
                    new ObjectName("org.apache.camel:context=bigin-jmx,type=endpoints,*"), null);
            ObjectName endpoint = endpoints.stream().filter(n -> n.getKeyProperty("name").contains("bigin:")).findFirst()
                    .orElseThrow();
            assertThat((Long) server.getAttribute(endpoint, "ApiCalls")).isGreaterThanOrEqualTo(3);
            assertThat((Long) server.getAttribute(endpoint, "RecordsRead")).isGreaterThanOrEqualTo(2);
            assertThat(server.getAttribute(endpoint, "Module")).isEqualTo("Contacts");
            assertThat(server.getAttribute(endpoint, "EndpointUri").toString()).doesNotContain(BiginEmulator.ACCESS_TOKEN);

            ObjectName consumer = server.queryNames(
                    new ObjectName("org.apache.camel:context=bigin-jmx,type=consumers,*"), null).iterator().next();
            assertThat(server.getAttribute(consumer, "Watermark").toString()).contains("-0");
            assertThat(server.getAttribute(consumer, "WatermarkKey")).isEqualTo("bigin:Contacts:created");
        } finally {
            jmx.stop();
            DefaultCamelContext.setDisableJmx(true);
        }
    }

    @Test
    void theDevConsoleShowsCallsCreditsAndWatermarks() throws Exception {
        consume("dev", "Contacts");
        emulator().seed().contacts(1);
        awaitDelivered(1);

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("bigin");
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        String text = (String) console.call(DevConsole.MediaType.TEXT);

        assertThat(json.toString()).contains("apiCalls", "credits", "bigin:Contacts:created");
        assertThat(text).contains("calls:", "consumer dev").doesNotContain(BiginEmulator.ACCESS_TOKEN);
    }
}
