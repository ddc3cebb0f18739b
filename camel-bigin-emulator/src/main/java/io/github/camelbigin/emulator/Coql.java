package io.github.camelbigin.emulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A subset of COQL ({@code POST /coql}) large enough for change polling and lookups:
 * {@code select a, b from Module [where cond] [order by f [asc|desc], …] [limit n [offset m] | limit m, n]}, with
 * conditions {@code = != > >= < <= like in is null is not null} joined by {@code and} / {@code or} and parentheses.
 * Limits as Zoho's: at most 50 fields, LIMIT at most 200, OFFSET at most 9,800.
 */
final class Coql {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> tokens;
    private int pos;
    private Org.ModuleData module;

    private Coql(List<String> tokens) {
        this.tokens = tokens;
    }

    static Answer answer(Org org, RecordedRequest req) {
        String query;
        try {
            JsonNode root = JSON.readTree(req.body() == null ? "" : req.body());
            query = root == null ? null : root.path("select_query").asText(null);
        } catch (IOException e) {
            query = null;
        }
        if (query == null || query.isBlank()) {
            throw EmulatorError.badRequest("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                    "param_name", "select_query");
        }
        Coql q = new Coql(tokenize(query));
        return q.run(org);
    }

    private Answer run(Org org) {
        keyword("select");
        List<String> fields = new ArrayList<>();
        do {
            fields.add(next());
        } while (accept(","));
        if (fields.size() > 50) {
            throw syntax("at most 50 fields can be selected");
        }
        keyword("from");
        String moduleName = next();
        module = org.module(moduleName);
        if (module == null) {
            throw EmulatorError.badRequest("INVALID_QUERY", "invalid module in the query", "module", moduleName);
        }
        for (String f : fields) {
            if (!"id".equals(f) && module.spec.field(f) == null) {
                throw EmulatorError.badRequest("INVALID_QUERY", "invalid column", "column_name", f);
            }
        }
        Predicate<Map<String, Object>> where = r -> true;
        if (acceptKeyword("where")) {
            where = expression();
        }
        Comparator<Map<String, Object>> order = null;
        if (acceptKeyword("order")) {
            keyword("by");
            do {
                String f = next();
                boolean desc = false;
                if (acceptKeyword("desc")) {
                    desc = true;
                } else {
                    acceptKeyword("asc");
                }
                Comparator<Map<String, Object>> c = (a, b) -> compareValues(f, a.get(f), b.get(f));
                c = desc ? c.reversed() : c;
                order = order == null ? c : order.thenComparing(c);
            } while (accept(","));
        }
        int limit = 200;
        int offset = 0;
        if (acceptKeyword("limit")) {
            int first = Integer.parseInt(next());
            if (accept(",")) {
                offset = first;
                limit = Integer.parseInt(next());
            } else {
                limit = first;
                if (acceptKeyword("offset")) {
                    offset = Integer.parseInt(next());
                }
            }
        }
        if (pos < tokens.size()) {
            throw syntax("unexpected '" + tokens.get(pos) + "'");
        }
        if (limit < 1 || limit > 200) {
            throw EmulatorError.badRequest("LIMIT_EXCEEDED", "LIMIT must be between 1 and 200", "limit", 200);
        }
        if (offset > 9800) {
            throw EmulatorError.badRequest("LIMIT_EXCEEDED", "OFFSET cannot pass 9800", "offset", 9800);
        }
        List<Map<String, Object>> matched = new ArrayList<>();
        org.lock.readLock().lock();
        try {
            for (Org.StoredRecord r : module.byId.values()) {
                Map<String, Object> full = org.render(module, r, null);
                if (where.test(full)) {
                    matched.add(full);
                }
            }
        } finally {
            org.lock.readLock().unlock();
        }
        matched.sort(order != null ? order : Comparator.comparing(r -> Long.parseLong(r.get("id").toString())));
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = offset; i < matched.size() && page.size() < limit; i++) {
            Map<String, Object> full = matched.get(i);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", full.get("id"));
            for (String f : fields) {
                out.put(f, full.get(f));
            }
            page.add(out);
        }
        if (page.isEmpty()) {
            return Answer.noContent();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("count", page.size());
        info.put("more_records", offset + page.size() < matched.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page);
        body.put("info", info);
        return Answer.json(200, body);
    }

    private Predicate<Map<String, Object>> expression() {
        Predicate<Map<String, Object>> left = term();
        while (true) {
            if (acceptKeyword("and")) {
                Predicate<Map<String, Object>> l = left;
                Predicate<Map<String, Object>> r = term();
                left = x -> l.test(x) && r.test(x);
            } else if (acceptKeyword("or")) {
                Predicate<Map<String, Object>> l = left;
                Predicate<Map<String, Object>> r = term();
                left = x -> l.test(x) || r.test(x);
            } else {
                return left;
            }
        }
    }

    private Predicate<Map<String, Object>> term() {
        if (accept("(")) {
            Predicate<Map<String, Object>> e = expression();
            expect(")");
            return e;
        }
        String field = next();
        if (!"id".equals(field) && module.spec.field(field) == null) {
            throw EmulatorError.badRequest("INVALID_QUERY", "invalid column", "column_name", field);
        }
        if (acceptKeyword("is")) {
            boolean not = acceptKeyword("not");
            keyword("null");
            return r -> (r.get(field) == null) != not;
        }
        if (acceptKeyword("in")) {
            expect("(");
            List<String> values = new ArrayList<>();
            do {
                values.add(literal());
            } while (accept(","));
            expect(")");
            return r -> values.stream().anyMatch(v -> compareValues(field, r.get(field), v) == 0);
        }
        String op = next().toLowerCase(Locale.ROOT);
        if ("not".equals(op)) {
            keyword("like");
            op = "not like";
        }
        String value = literal();
        String o = op;
        return r -> {
            Object actual = r.get(field);
            if (actual == null) {
                return false;
            }
            switch (o) {
                case "=":
                    return compareValues(field, actual, value) == 0;
                case "!=":
                    return compareValues(field, actual, value) != 0;
                case ">":
                    return compareValues(field, actual, value) > 0;
                case ">=":
                    return compareValues(field, actual, value) >= 0;
                case "<":
                    return compareValues(field, actual, value) < 0;
                case "<=":
                    return compareValues(field, actual, value) <= 0;
                case "like":
                case "not like":
                    boolean m = like(text(actual), value);
                    return "like".equals(o) == m;
                default:
                    throw syntax("unknown operator " + o);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static String text(Object v) {
        if (v instanceof Map) {
            Object id = ((Map<String, Object>) v).get("id");
            return id == null ? null : id.toString();
        }
        return v == null ? null : v.toString();
    }

    private int compareValues(String field, Object a, Object b) {
        String x = text(a);
        String y = text(b);
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        FieldSpec spec = module.spec.field(field);
        String type = "id".equals(field) ? "id" : spec == null ? "text" : spec.dataType();
        try {
            switch (type) {
                case "id":
                case "lookup":
                case "ownerlookup":
                    return new BigDecimal(x).compareTo(new BigDecimal(y));
                case "datetime":
                    return instant(x).compareTo(instant(y));
                case "currency":
                case "double":
                case "integer":
                    return new BigDecimal(x).compareTo(new BigDecimal(y));
                default:
                    return x.compareToIgnoreCase(y);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw EmulatorError.badRequest("INVALID_QUERY", "invalid value for " + field, "value", y);
        }
    }

    private static Instant instant(String s) {
        return OffsetDateTime.parse(s).toInstant();
    }

    private static boolean like(String actual, String pattern) {
        if (actual == null) {
            return false;
        }
        String regex = ("\\Q" + pattern.toLowerCase(Locale.ROOT) + "\\E").replace("%", "\\E.*\\Q");
        return actual.toLowerCase(Locale.ROOT).matches(regex);
    }

    private String literal() {
        String t = next();
        if (t.startsWith("'")) {
            return t.substring(1, t.length() - 1).replace("\\'", "'");
        }
        return t;
    }

    private static List<String> tokenize(String q) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < q.length() && !(q.charAt(j) == '\'' && q.charAt(j - 1) != '\\')) {
                    j++;
                }
                if (j >= q.length()) {
                    throw syntax("unterminated string");
                }
                out.add(q.substring(i, j + 1));
                i = j + 1;
            } else if ("(),".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if ("<>=!".indexOf(c) >= 0) {
                int j = i + 1;
                if (j < q.length() && q.charAt(j) == '=') {
                    j++;
                }
                out.add(q.substring(i, j));
                i = j;
            } else {
                int j = i;
                while (j < q.length() && !Character.isWhitespace(q.charAt(j)) && "(),<>=!'".indexOf(q.charAt(j)) < 0) {
                    j++;
                }
                out.add(q.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw syntax("the query ends too early");
        }
        return tokens.get(pos++);
    }

    private boolean accept(String t) {
        if (pos < tokens.size() && tokens.get(pos).equals(t)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String k) {
        if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(k)) {
            pos++;
            return true;
        }
        return false;
    }

    private void keyword(String k) {
        if (!acceptKeyword(k)) {
            throw syntax("expected '" + k + "'");
        }
    }

    private void expect(String t) {
        if (!accept(t)) {
            throw syntax("expected '" + t + "'");
        }
    }

    private static EmulatorError syntax(String why) {
        return EmulatorError.badRequest("SYNTAX_ERROR", "error in the query: " + why, "reason", why);
    }
}
