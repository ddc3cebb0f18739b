package io.github.camelbigin.zoho.records;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Builds Bigin search criteria such as {@code ((Last_Name:equals:Watson)and(Email:starts_with:ted))}. Values are
 * escaped ({@code \ ( ) ,} get a backslash), and field names and operators are checked, so no value can change the
 * shape of the query.
 */
public final class Criteria {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_.$]*");
    private static final Pattern OPERATOR = Pattern.compile("[a-z_]+");

    private final String expression;

    private Criteria(String expression) {
        this.expression = expression;
    }

    /** {@code (field:equals:value)}. */
    public static Criteria equal(String field, Object value) {
        return of(field, "equals", value);
    }

    /** {@code (field:starts_with:value)}. */
    public static Criteria startsWith(String field, Object value) {
        return of(field, "starts_with", value);
    }

    /** {@code (field:operator:value)} with any operator Bigin accepts. */
    public static Criteria of(String field, String operator, Object value) {
        if (field == null || !FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("'" + field + "' is not a field API name (letters, digits and _)");
        }
        String op = operator == null ? null : operator.toLowerCase(Locale.ROOT);
        if (op == null || !OPERATOR.matcher(op).matches()) {
            throw new IllegalArgumentException("'" + operator + "' is not a criteria operator such as equals or starts_with");
        }
        Objects.requireNonNull(value, "value");
        return new Criteria("(" + field + ":" + op + ":" + escape(value.toString()) + ")");
    }

    public Criteria and(Criteria other) {
        return new Criteria("(" + expression + "and" + other.expression + ")");
    }

    public Criteria or(Criteria other) {
        return new Criteria("(" + expression + "or" + other.expression + ")");
    }

    /** Escapes a criteria value: a backslash before each {@code \}, {@code (}, {@code )} and {@code ,}. */
    public static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '(' || c == ')' || c == ',') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return expression;
    }
}
