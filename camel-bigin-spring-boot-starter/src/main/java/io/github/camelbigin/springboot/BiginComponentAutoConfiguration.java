package io.github.camelbigin.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelbigin.component.BiginComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
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
        Map<String, Object> options = options(environment);
        return ComponentCustomizer.builder(BiginComponent.class).build(component -> {
            if (!options.isEmpty()) {
                PropertyBindingSupport.build().withIgnoreCase(true).withMandatory(true)
                        .bind(component.getCamelContext(), component, new LinkedHashMap<>(options));
            }
        });
    }

    /** The component options in the environment, keyed by Camel option name. */
    static Map<String, Object> options(Environment environment) {
        Map<String, Object> raw = Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of());
        Map<String, Object> options = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            if ("connections".equals(key) && value instanceof Map<?, ?> named) {
                // connections.<name>.<option> (or connections[<name>].<option>): Camel's map syntax per option
                named.forEach((name, props) -> {
                    if (props instanceof Map<?, ?> connection) {
                        connection.forEach((option, v) -> options.put("connections[" + name + "]."
                                + StringHelper.dashToCamelCase(String.valueOf(option)), v));
                    }
                });
            } else if (!"enabled".equals(key) && !"customizer".equals(key) && value != null
                    && !(value instanceof String && ((String) value).isEmpty())) {
                options.put(StringHelper.dashToCamelCase(key), value);
            }
        });
        return options;
    }
}
