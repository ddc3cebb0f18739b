package io.github.camelbigin.common.options;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parses the options whose values are a fixed set (the enum-typed fields of a configuration class) before Camel binds
 * them, so that a wrong value fails at endpoint creation with the option, the value and every valid value named —
 * instead of a type converter's "no enum constant". Any case is accepted, as Camel's own converter does.
 */
public final class EnumOptions {

    private final Map<String, Class<?>> types;

    /** The enum options of a configuration class and its superclasses (a product's and the family's). */
    public EnumOptions(Class<?> configuration) {
        Map<String, Class<?>> t = new HashMap<>();
        for (Class<?> c = configuration; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType().isEnum()) {
                    t.putIfAbsent(f.getName(), f.getType());
                }
            }
        }
        this.types = Collections.unmodifiableMap(t);
    }

    /** Replaces each enum option's text in {@code parameters} by its constant. */
    public void parse(Map<String, Object> parameters) {
        types.forEach((option, type) -> {
            Object value = parameters.get(option);
            if (value instanceof String text && !text.startsWith("#")) {
                parameters.put(option, constant(option, type, text));
            }
        });
    }

    public static Object constant(String option, Class<?> type, String text) {
        Object[] constants = type.getEnumConstants();
        for (Object c : constants) {
            if (((Enum<?>) c).name().equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        String names = Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        int last = names.lastIndexOf(", ");
        throw new IllegalArgumentException(option + " '" + text + "' is unknown: use "
                                           + (last < 0 ? names : names.substring(0, last) + " or "
                                                                 + names.substring(last + 2)));
    }
}
