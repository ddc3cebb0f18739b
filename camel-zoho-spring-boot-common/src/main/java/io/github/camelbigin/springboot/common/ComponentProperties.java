package io.github.camelbigin.springboot.common;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelbigin.common.ZohoComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Binds {@code camel.component.<scheme>.*} (kebab-case or camelCase, placeholders and {@code #bean} references as Camel
 * accepts them, named connections as {@code connections.<name>.<option>}) to a component of the Zoho family; the
 * starters of {@code bigin:} and {@code zohocrm:} each use it with their own prefix.
 */
public final class ComponentProperties {

    private ComponentProperties() {
    }

    /** A customizer that binds the properties under {@code prefix} to the components of {@code type}. */
    public static <T extends ZohoComponent<?>> ComponentCustomizer customizer(Class<T> type, Environment environment,
                                                                            String prefix) {
        Map<String, Object> options = options(environment, prefix);
        return ComponentCustomizer.builder(type)
                .build(component -> {
                    if (!options.isEmpty()) {
                        PropertyBindingSupport.build().withIgnoreCase(true).withMandatory(true)
                                .bind(component.getCamelContext(), component, new LinkedHashMap<>(options));
                    }
                });
    }

    /** The component options in the environment under {@code prefix}, keyed by Camel option name. */
    static Map<String, Object> options(Environment environment, String prefix) {
        Map<String, Object> raw = Binder.get(environment).bind(prefix, Bindable.mapOf(String.class, Object.class))
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
