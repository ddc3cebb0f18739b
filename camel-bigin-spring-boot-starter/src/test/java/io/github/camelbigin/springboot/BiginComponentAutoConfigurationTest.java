package io.github.camelbigin.springboot;

import io.github.camelbigin.component.BiginComponent;
import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** camel.component.bigin.* properties configure the component Spring Boot's Camel context resolves. */
class BiginComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, BiginComponentAutoConfiguration.class));

    @Test
    void kebabCasePropertiesConfigureTheComponent() {
        runner.withPropertyValues("camel.component.bigin.access-token=" + BiginEmulator.ACCESS_TOKEN,
                "camel.component.bigin.api-url=http://127.0.0.1:8089/bigin/v2",
                "camel.component.bigin.data-center=EU",
                "camel.component.bigin.per-page=50",
                "camel.component.bigin.retry-deadline=30s")
                .run(ctx -> {
                    BiginComponent bigin = ctx.getBean(CamelContext.class).getComponent("bigin", BiginComponent.class);
                    assertThat(bigin.getConfiguration().getAccessToken()).isEqualTo(BiginEmulator.ACCESS_TOKEN);
                    assertThat(bigin.getConfiguration().getApiUrl()).isEqualTo("http://127.0.0.1:8089/bigin/v2");
                    assertThat(bigin.getConfiguration().getDataCenter().name()).isEqualTo("EU");
                    assertThat(bigin.getConfiguration().getPerPage()).isEqualTo(50);
                    assertThat(bigin.getConfiguration().getRetryDeadline()).isEqualTo(30_000);
                });
    }

    @Test
    void namedConnectionsBindFromTheirOwnProperties() {
        runner.withPropertyValues("camel.component.bigin.connections.sales-eu.refresh-token=1000.abc",
                "camel.component.bigin.connections.sales-eu.client-id=id-1",
                "camel.component.bigin.connections.sales-eu.data-center=EU",
                "camel.component.bigin.connections.support-us.api-key=maton-1",
                "camel.component.bigin.connections.support-us.credit-budget=2000")
                .run(ctx -> {
                    BiginComponent bigin = ctx.getBean(CamelContext.class).getComponent("bigin", BiginComponent.class);
                    assertThat(bigin.getConnections()).containsOnlyKeys("sales-eu", "support-us");
                    assertThat(bigin.getConnections().get("sales-eu").getRefreshToken()).isEqualTo("1000.abc");
                    assertThat(bigin.getConnections().get("sales-eu").getDataCenter().name()).isEqualTo("EU");
                    assertThat(bigin.getConnections().get("support-us").getApiKey()).isEqualTo("maton-1");
                    assertThat(bigin.getConnections().get("support-us").getCreditBudget()).isEqualTo(2000);
                });
    }

    @Test
    void aMisspelledPropertyFailsTheStartupNamingIt() {
        runner.withPropertyValues("camel.component.bigin.acces-token=x")
                .run(ctx -> {
                    Throwable failure = ctx.getStartupFailure();
                    if (failure == null) {
                        // the component is resolved lazily: resolving it must fail
                        org.assertj.core.api.Assertions.assertThatThrownBy(
                                () -> ctx.getBean(CamelContext.class).getComponent("bigin"))
                                .hasStackTraceContaining("accesToken");
                    } else {
                        assertThat(failure).hasStackTraceContaining("accesToken");
                    }
                });
    }

    @Test
    void enabledFalseLeavesTheComponentUnconfigured() {
        runner.withPropertyValues("camel.component.bigin.enabled=false", "camel.component.bigin.access-token=x")
                .run(ctx -> {
                    assertThat(ctx).doesNotHaveBean(BiginComponentAutoConfiguration.class);
                    BiginComponent bigin = ctx.getBean(CamelContext.class).getComponent("bigin", BiginComponent.class);
                    assertThat(bigin.getConfiguration().getAccessToken()).isNull();
                });
    }
}
