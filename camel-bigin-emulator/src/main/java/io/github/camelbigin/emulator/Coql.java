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
import java.util.PriorityQueue;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A subset of COQL ({@code POST /coql}) large enough for change polling and lookups:
 * {@code select a, b from Module [where cond] [order by f [asc|desc], …] [limit n [offset m] | limit m, n]} and
 * {@code select count(id) from Module [where cond]}, with
 * conditions {@code = != > >= < <= like not like in not in is null is not null} joined by {@code and} / {@code or}
 * and parentheses. Limits as Zoho's: at most 50 fields, LIMIT at most 200, OFFSET at most 9,800, 50 values in
 * {@code in} / {@code not in}.
 */
final class Coql {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Zoho documents up to 50 values for in / not in (100 in newer CRM versions): the harsher reading. */
    private final int maxInValues;
    private final Flavour flavour;

    private final List<String> tokens;
    private int pos;
    private int credits = 1;
    private Org.ModuleData module;
    private Org org;

    private final boolean notInSupported;

    /**
     * A condition, the earliest Modified_Time a record matching it can have and the lowest id (null: any), so a query
     * ordered by Modified_Time or by id reads the module's index from there on rather than every record.
     */
    private record Cond(Predicate<Org.StoredRecord> test, Instant from, Long fromId) {
        Cond(Predicate<Org.StoredRecord> test, Instant from) {
            this(test, from, null);
        }

        Cond and(Cond o) {
            Instant f = from == null ? o.from : o.from == null ? from : from.isAfter(o.from) ? from : o.from;
            Long i = fromId == null ? o.fromId : o.fromId == null ? fromId : Long.valueOf(Math.max(fromId, o.fromId));
            return new Cond(r -> test.test(r) && o.test.test(r), f, i);
        }

        Cond or(Cond o) {
            Instant f = from == null || o.from == null ? null : from.isBefore(o.from) ? from : o.from;
            Long i = fromId == null || o.fromId == null ? null : Long.valueOf(Math.min(fromId, o.fromId));
            return new Cond(r -> test.test(r) || o.test.test(r), f, i);
        }
    }

    private Coql(List<String> tokens, boolean notInSupported, Flavour flavour) {
        this.tokens = tokens;
        this.notInSupported = notInSupported;
        this.flavour = flavour;
        this.maxInValues = flavour.coqlMaxInValues;
    }

    static Answer answer(Org org, RecordedRequest req, boolean notInSupported, Flavour flavour) {
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
        Coql q = new Coql(tokenize(query), notInSupported, flavour);
        return q.run(org);
    }

    private Answer run(Org org) {
        this.org = org;
        keyword("select");
        if (pos + 1 < tokens.size() && "count".equalsIgnoreCase(tokens.get(pos)) && "(".equals(tokens.get(pos + 1))) {
            return count();
        }
        List<String> fields = new ArrayList<>();
        do {
            fields.add(next());
        } while (accept(","));
        if (fields.size() > flavour.coqlMaxFields) {
            throw syntax("at most " + flavour.coqlMaxFields + " fields can be selected");
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
        Cond where = new Cond(r -> true, null);
        if (acceptKeyword("where")) {
            where = expression();
        }
        Comparator<Org.StoredRecord> order = null;
        boolean byTimeAsc = false;
        boolean byIdAsc = true; // without ORDER BY records come by id
        if (acceptKeyword("order")) {
            byIdAsc = false;
            keyword("by");
            do {
                String f = next();
                checkField(f);
                boolean desc = false;
                if (acceptKeyword("desc")) {
                    desc = true;
                } else {
                    acceptKeyword("asc");
                }
                if (order == null) {
                    byTimeAsc = "Modified_Time".equals(f) && !desc;
                    byIdAsc = "id".equals(f) && !desc;
                }
                Comparator<Org.StoredRecord> c = (a, b) -> compare(f, value(a, f), value(b, f));
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
        if (limit < 1 || limit > flavour.coqlLimit) {
            throw EmulatorError.badRequest("LIMIT_EXCEEDED", "LIMIT must be between 1 and " + flavour.coqlLimit,
                    "limit", flavour.coqlLimit);
        }
        if (offset > flavour.coqlMaxOffset) {
            throw EmulatorError.badRequest("LIMIT_EXCEEDED", "OFFSET cannot pass " + flavour.coqlMaxOffset, "offset",
                    flavour.coqlMaxOffset);
        }
        this.credits = limit <= 200 ? 1 : limit <= 1000 ? 2 : 3; // Zoho CRM's table by LIMIT
        Comparator<Org.StoredRecord> sort = order != null ? order.thenComparingLong(r -> r.id)
                : Comparator.comparingLong(r -> r.id);
        // keeps only the first offset + limit matches in order (a heap with the worst on top), not every match
        int keep = offset + limit;
        PriorityQueue<Org.StoredRecord> best = new PriorityQueue<>(Math.min(keep, 1024) + 1, sort.reversed());
        int matched = 0;
        List<Map<String, Object>> page = new ArrayList<>();
        org.lock.readLock().lock();
        try {
            // ordered by Modified_Time: read the time index from the earliest possible match, and stop at the first
            // match of a later second than the worst kept once enough are kept (no later record can rank before it)
            Iterable<Org.StoredRecord> source = byIdAsc && where.fromId() != null
                    ? module.byId.tailMap(where.fromId(), true).values()
                    : !byTimeAsc ? module.byId.values() : where.from() == null
                    ? module.byModified.values()
                    : module.byModified.tailMap(new Org.ModKey(where.from().getEpochSecond(), Long.MIN_VALUE), true)
                            .values();
            for (Org.StoredRecord r : source) {
                if (!where.test().test(r)) {
                    continue;
                }
                matched++;
                if (best.size() < keep) {
                    best.add(r);
                } else if (sort.compare(r, best.peek()) < 0) {
                    best.poll();
                    best.add(r);
                } else if (byTimeAsc && r.modified.getEpochSecond() > best.peek().modified.getEpochSecond()) {
                    break; // matched > keep: there are more records
                } else if (byIdAsc) {
                    break; // read in id order: no later record can rank before the ones kept, and there are more
                }
            }
            List<Org.StoredRecord> first = new ArrayList<>(best);
            first.sort(sort);
            for (int i = offset; i < first.size(); i++) {
                Map<String, Object> full = org.render(module, first.get(i), fields);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("id", full.get("id"));
                for (String f : fields) {
                    out.put(f, full.get(f));
                }
                page.add(out);
            }
        } finally {
            org.lock.readLock().unlock();
        }
        if (page.isEmpty()) {
            return Answer.noContent().credits(credits);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("count", page.size());
        info.put("more_records", offset + page.size() < matched);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page);
        body.put("info", info);
        return Answer.json(200, body).credits(credits);
    }

    /** {@code select count(id) from Module [where …]}: one row whose one column is the number of matches. */
    private Answer count() {
        pos += 2;
        String counted = next();
        expect(")");
        keyword("from");
        String moduleName = next();
        module = org.module(moduleName);
        if (module == null) {
            throw EmulatorError.badRequest("INVALID_QUERY", "invalid module in the query", "module", moduleName);
        }
        checkField(counted);
        Cond where = acceptKeyword("where") ? expression() : new Cond(r -> true, null);
        if (pos < tokens.size()) {
            throw syntax("unexpected '" + tokens.get(pos) + "'");
        }
        long matched;
        org.lock.readLock().lock();
        try {
            matched = module.byId.values().stream().filter(where.test()).filter(r -> value(r, counted) != null).count();
        } finally {
            org.lock.readLock().unlock();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("COUNT(" + counted + ")", matched);
        return Answer.json(200, Map.of("data", List.of(row), "info", Map.of("count", 1, "more_records", false)));
    }

    private Cond expression() {
        Cond left = term();
        while (true) {
            if (acceptKeyword("and")) {
                left = left.and(term());
            } else if (acceptKeyword("or")) {
                left = left.or(term());
            } else {
                return left;
            }
        }
    }

    private Cond term() {
        if (accept("(")) {
            Cond e = expression();
            expect(")");
            return e;
        }
        String field = next();
        checkField(field);
        if (acceptKeyword("is")) {
            boolean not = acceptKeyword("not");
            keyword("null");
            return new Cond(r -> (value(r, field) == null) != not, null);
        }
        boolean notIn = pos + 1 < tokens.size() && "not".equalsIgnoreCase(tokens.get(pos))
                        && "in".equalsIgnoreCase(tokens.get(pos + 1));
        if (notIn) {
            if (!notInSupported) {
                throw syntax("not in is not supported");
            }
            pos++;
        }
        if (acceptKeyword("in")) {
            expect("(");
            List<Object> values = new ArrayList<>();
            do {
                values.add(typed(field, literal()));
            } while (accept(","));
            expect(")");
            if (values.size() > maxInValues) {
                throw EmulatorError.badRequest("LIMIT_EXCEEDED", (notIn ? "not in" : "in") + " takes at most "
                        + maxInValues + " values", "limit", maxInValues);
            }
            return new Cond(r -> {
                Object actual = value(r, field);
                return values.stream().anyMatch(v -> compare(field, actual, v) == 0) != notIn;
            }, null);
        }
        String op = next().toLowerCase(Locale.ROOT);
        if ("not".equals(op)) {
            keyword("like");
            op = "not like";
        }
        String text = literal();
        String o = op;
        if ("like".equals(o) || "not like".equals(o)) {
            return new Cond(r -> {
                Object actual = value(r, field);
                return actual != null && like(text(actual), text) == "like".equals(o);
            }, null);
        }
        Object value = typed(field, text);
        Predicate<Org.StoredRecord> test = switch (o) {
            case "=" -> r -> compareNonNull(field, value(r, field), value, c -> c == 0);
            case "!=" -> r -> compareNonNull(field, value(r, field), value, c -> c != 0);
            case ">" -> r -> compareNonNull(field, value(r, field), value, c -> c > 0);
            case ">=" -> r -> compareNonNull(field, value(r, field), value, c -> c >= 0);
            case "<" -> r -> compareNonNull(field, value(r, field), value, c -> c < 0);
            case "<=" -> r -> compareNonNull(field, value(r, field), value, c -> c <= 0);
            default -> throw syntax("unknown operator " + o);
        };
        boolean lowerBound = "Modified_Time".equals(field) && (o.equals("=") || o.equals(">") || o.equals(">="));
        boolean idBound = "id".equals(field) && (o.equals("=") || o.equals(">") || o.equals(">="));
        Long fromId = idBound ? ((BigDecimal) value).longValue() : null;
        return new Cond(test, lowerBound ? (Instant) value : null, fromId);
    }

    private boolean compareNonNull(String field, Object actual, Object value, java.util.function.IntPredicate test) {
        return actual != null && test.test(compare(field, actual, value));
    }

    private void checkField(String field) {
        if (!"id".equals(field) && module.spec.field(field) == null) {
            throw EmulatorError.badRequest("INVALID_QUERY", "invalid column", "column_name", field);
        }
    }

    private String type(String field) {
        if ("id".equals(field)) {
            return "id";
        }
        FieldSpec spec = module.spec.field(field);
        return spec == null ? "text" : spec.dataType();
    }

    /**
     * A record's value as queries compare it: times as instants and ids as numbers straight from the stored record,
     * lookups as their id, other fields as stored.
     */
    private Object value(Org.StoredRecord r, String field) {
        switch (field) {
            case "id":
                return BigDecimal.valueOf(r.id);
            case "Created_Time":
                return r.created;
            case "Modified_Time":
                return r.modified;
            default:
                Object v = ModuleSpec.SYSTEM_FIELDS.contains(field) ? org.view(module, r).get(field) : r.data.get(field);
                return v == null ? null : typed(field, text(v));
        }
    }

    /** A literal (or a stored text) as the field's type compares it. */
    private Object typed(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            switch (type(field)) {
                case "id":
                case "lookup":
                case "ownerlookup":
                case "currency":
                case "double":
                case "integer":
                    return new BigDecimal(text);
                case "datetime":
                    return instant(text);
                default:
                    return text;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw EmulatorError.badRequest("INVALID_QUERY", "invalid value for " + field, "value", text);
        }
    }

    @SuppressWarnings("unchecked")
    private static String text(Object v) {
        if (v instanceof Map) {
            Object id = ((Map<String, Object>) v).get("id");
            return id == null ? null : id.toString();
        }
        return v == null ? null : v.toString();
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static int compare(String field, Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof String && b instanceof String) {
            return ((String) a).compareToIgnoreCase((String) b);
        }
        if (a.getClass() != b.getClass()) {
            throw EmulatorError.badRequest("INVALID_QUERY", "invalid value for " + field, "value", String.valueOf(b));
        }
        return ((Comparable) a).compareTo(b);
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
