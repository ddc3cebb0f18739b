package io.github.camelbigin.springboot.zohocrm;

import io.github.camelbigin.springboot.common.ComponentProperties;
import io.github.camelbigin.zohocrm.ZohoCrmComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Configures the {@code zohocrm} component from {@code camel.component.zohocrm.*} (kebab-case or camelCase, placeholders
 * and {@code #bean} references as Camel accepts them), named connections included
 * ({@code camel.component.zohocrm.connections.<name>.client-id} and so on).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnBean(CamelContext.class)
@ConditionalOnProperty(prefix = "camel.component.zohocrm", name = "enabled", havingValue = "true",
                       matchIfMissing = true)
public class ZohoCrmComponentAutoConfiguration {

    static final String PREFIX = "camel.component.zohocrm";

    @Bean
    public ComponentCustomizer zohoCrmComponentCustomizer(Environment environment) {
        return ComponentProperties.customizer(ZohoCrmComponent.class, environment, PREFIX);
    }
}
