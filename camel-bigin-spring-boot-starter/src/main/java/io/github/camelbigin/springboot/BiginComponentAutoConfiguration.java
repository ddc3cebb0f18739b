package io.github.camelbigin.springboot;

import io.github.camelbigin.component.BiginComponent;
import io.github.camelbigin.springboot.common.ComponentProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Configures the {@code bigin} component from {@code camel.component.bigin.*} (kebab-case or camelCase, placeholders
 * and {@code #bean} references as Camel accepts them), named connections included
 * ({@code camel.component.bigin.connections.<name>.client-id} and so on). IDE completion comes from
 * {@code META-INF/spring-configuration-metadata.json}, rendered from the component's own descriptor.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnBean(CamelContext.class)
@ConditionalOnProperty(prefix = "camel.component.bigin", name = "enabled", havingValue = "true", matchIfMissing = true)
public class BiginComponentAutoConfiguration {

    static final String PREFIX = "camel.component.bigin";

    @Bean
    public ComponentCustomizer biginComponentCustomizer(Environment environment) {
        return ComponentProperties.customizer(BiginComponent.class, environment, PREFIX);
    }
}
