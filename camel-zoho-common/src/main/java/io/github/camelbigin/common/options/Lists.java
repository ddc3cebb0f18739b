package io.github.camelbigin.common.options;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Comma-separated options and headers as lists. */
public final class Lists {

    private Lists() {
    }

    /**
     * Splits a comma-separated option; null when it is empty. A comma written as {@code %2C} counts too: Camel's Pipe
     * loader encodes property values once more than the Kamelet decodes them.
     */
    public static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(value.replace("%2C", ",").replace("%2c", ",").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    /** A header's list (a Collection, or a comma-separated text) when it is set, else the option's. */
    public static List<String> of(Object header, String option) {
        if (header instanceof Collection<?> values) {
            return values.stream().map(Object::toString).collect(Collectors.toList());
        }
        return split(header != null ? header.toString() : option);
    }
}
