package io.github.camelbigin.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Parses Bigin search criteria — {@code (Field:operator:value)} joined by {@code and} / {@code or} inside parentheses —
 * into a predicate over records. Inside a value a backslash escapes the next character; an unescaped comma separates
 * alternative values; an unescaped parenthesis is an error. Operators: {@code equals} and {@code starts_with}, the
 * two Bigin documents; comparisons ignore case.
 */
final class SearchCriteria {

    /** A criteria Bigin would refuse. */
    static final class InvalidCriteria extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidCriteria(String message) {
            super(message);
        }
    }

    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}@._+-]+");

    private final String text;
    private final boolean byWords;
    private int pos;

    private SearchCriteria(String text, boolean byWords) {
        this.text = text;
        this.byWords = byWords;
    }

    /** A filter that compares whole values (custom views). */
    static Predicate<Map<String, Object>> parse(String criteria) {
        return parse(criteria, false);
    }

    /**
     * @param byWords compare as Bigin's search index does: {@code equals} matches a value that holds every word of the
     *                wanted one ("Nango Test Product" finds "Nango Unlink Test Product"), not only an equal value
     */
    static Predicate<Map<String, Object>> parse(String criteria, boolean byWords) {
        if (criteria == null || criteria.isBlank()) {
            throw new InvalidCriteria("empty criteria");
        }
        SearchCriteria p = new SearchCriteria(criteria.strip(), byWords);
        Predicate<Map<String, Object>> result = p.expression();
        if (p.pos != p.text.length()) {
            throw new InvalidCriteria("unexpected text at position " + p.pos + ": " + p.text.substring(p.pos));
        }
        return result;
    }

    private Predicate<Map<String, Object>> expression() {
        Predicate<Map<String, Object>> left = term();
        while (pos < text.length()) {
            if (text.startsWith("and", pos)) {
                pos += 3;
                Predicate<Map<String, Object>> l = left;
                Predicate<Map<String, Object>> r = term();
                left = rec -> l.test(rec) && r.test(rec);
            } else if (text.startsWith("or", pos)) {
                pos += 2;
                Predicate<Map<String, Object>> l = left;
                Predicate<Map<String, Object>> r = term();
                left = rec -> l.test(rec) || r.test(rec);
            } else {
                break;
            }
        }
        return left;
    }

    private Predicate<Map<String, Object>> term() {
        expect('(');
        Predicate<Map<String, Object>> result;
        if (pos < text.length() && text.charAt(pos) == '(') {
            result = expression();
        } else {
            result = condition();
        }
        expect(')');
        return result;
    }

    private Predicate<Map<String, Object>> condition() {
        int colon = text.indexOf(':', pos);
        if (colon < 0) {
            throw new InvalidCriteria("expected Field:operator:value at position " + pos);
        }
        String field = text.substring(pos, colon).strip();
        int colon2 = text.indexOf(':', colon + 1);
        if (colon2 < 0) {
            throw new InvalidCriteria("expected an operator after " + field);
        }
        String operator = text.substring(colon + 1, colon2).strip().toLowerCase(Locale.ROOT);
        pos = colon2 + 1;
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                value.append(text.charAt(pos + 1));
                pos += 2;
            } else if (c == ')') {
                break;
            } else if (c == '(') {
                throw new InvalidCriteria("unescaped '(' in the value of " + field + ": escape it as \\(");
            } else if (c == ',') {
                values.add(value.toString());
                value.setLength(0);
                pos++;
            } else {
                value.append(c);
                pos++;
            }
        }
        values.add(value.toString());
        if (!field.matches("[A-Za-z][A-Za-z0-9_]*(\\.(id|name))?")) {
            throw new InvalidCriteria("invalid field name '" + field + "'");
        }
        boolean startsWith;
        if ("equals".equals(operator)) {
            startsWith = false;
        } else if ("starts_with".equals(operator)) {
            startsWith = true;
        } else {
            throw new InvalidCriteria("the operator '" + operator + "' is not supported: use equals or starts_with");
        }
        List<String> wanted = values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
        return rec -> {
            String actual = valueOf(rec, field);
            if (actual == null) {
                return false;
            }
            String a = actual.toLowerCase(Locale.ROOT);
            for (String w : wanted) {
                if (startsWith ? a.startsWith(w) : byWords ? words(a).containsAll(words(w)) : a.equals(w)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static java.util.Set<String> words(String text) {
        return java.util.Arrays.stream(WORD_BREAK.split(text)).filter(w -> !w.isEmpty())
                .collect(java.util.stream.Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static String valueOf(Map<String, Object> record, String field) {
        String name = field;
        String part = null;
        int dot = field.indexOf('.');
        if (dot > 0) {
            name = field.substring(0, dot);
            part = field.substring(dot + 1);
        }
        Object v = record.get(name);
        if (v instanceof Map) {
            Object sub = ((Map<String, Object>) v).get(part != null ? part : "name");
            if (sub == null && part == null) {
                sub = ((Map<String, Object>) v).get("id");
            }
            return sub == null ? null : sub.toString();
        }
        return v == null ? null : v.toString();
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new InvalidCriteria("expected '" + c + "' at position " + pos + " of the criteria");
        }
        pos++;
    }
}
