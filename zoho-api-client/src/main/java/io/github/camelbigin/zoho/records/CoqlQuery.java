package io.github.camelbigin.zoho.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelbigin.zoho.api.ZohoApi;

/**
 * A COQL select as a route writes it, checked against the API's limits before any call, with {@code :name}
 * parameters bound from values (escaped here, so no route concatenates strings into a query), and read in pages:
 * <ul>
 * <li>with a {@code LIMIT}: the one page the query asks for ({@code LIMIT} at most 200, {@code OFFSET} at most
 * 9,800, else a clear error);</li>
 * <li>without one and without {@code ORDER BY}: every matching record, by keyset on {@code id} ({@code id > last}
 * ordered by id, 200 a call), so past the 10,000 records LIMIT/OFFSET reach;</li>
 * <li>without one, ordered by the route: by {@code OFFSET}, which reaches 10,000 records; a query matching more fails
 * there, naming the fix, rather than stopping silently.</li>
 * </ul>
 */
public final class CoqlQuery {

    private static final Pattern SELECT = Pattern.compile("(?is)^\\s*select\\s+(.+?)\\s+from\\s+([A-Za-z0-9_]+)\\b(.*)$");
    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)");

    private final ZohoApi api;
    private final String columns;
    private final String module;
    private final String where;
    private final String orderBy;
    private final Integer limit;
    private final Integer offset;

    private CoqlQuery(ZohoApi api, String columns, String module, String where, String orderBy, Integer limit,
                      Integer offset) {
        this.api = api;
        this.columns = columns;
        this.module = module;
        this.where = where;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
    }

    /**
     * Reads a query, binding its {@code :name} parameters (outside quotes) from {@code parameters}.
     *
     * @throws IllegalArgumentException when it is no {@code select … from Module}, a parameter has no value, or LIMIT
     *                                  or OFFSET pass the API's limits; the message names the value and the fix
     */
    public static CoqlQuery parse(ZohoApi api, String query, Map<String, ?> parameters) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("No COQL query: put 'select … from Module where …' in the body or the"
                                               + " query option");
        }
        String bound = bind(query.trim(), parameters);
        Matcher m = SELECT.matcher(bound);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + query + "' is not a COQL select: write 'select Last_Name, Email from"
                                               + " Contacts where …'");
        }
        String rest = m.group(3);
        int whereAt = clause(rest, "where");
        int orderAt = clause(rest, "order by");
        int limitAt = clause(rest, "limit");
        int offsetAt = clause(rest, "offset");
        String where = whereAt < 0 ? null : rest.substring(whereAt + 5, firstAfter(rest, whereAt, orderAt, limitAt,
                offsetAt)).trim();
        String orderBy = orderAt < 0 ? null : rest.substring(orderAt + 8, firstAfter(rest, orderAt, limitAt, offsetAt))
                .trim();
        Integer limit = null;
        Integer offset = null;
        if (limitAt >= 0) {
            String[] parts = rest.substring(limitAt + 5, firstAfter(rest, limitAt, offsetAt)).trim().split("\\s*,\\s*");
            if (parts.length == 2) { // limit offset, count
                offset = number(parts[0], "OFFSET", query);
                limit = number(parts[1], "LIMIT", query);
            } else {
                limit = number(parts[0], "LIMIT", query);
            }
        }
        if (offsetAt >= 0) {
            offset = number(rest.substring(offsetAt + 6).trim(), "OFFSET", query);
        }
        String lead = rest.substring(0, firstAfter(rest, -1, whereAt, orderAt, limitAt, offsetAt)).trim();
        if (!lead.isEmpty()) {
            throw new IllegalArgumentException("COQL query '" + query + "' has '" + lead + "' after the module: write"
                                               + " 'select … from Module where … order by … limit …'");
        }
        if (offset != null && limit == null) {
            throw new IllegalArgumentException("COQL query '" + query + "' has an OFFSET without a LIMIT: give both,"
                                               + " or neither to read every matching record");
        }
        if (limit != null && (limit < 1 || limit > api.coqlLimit())) {
            throw new IllegalArgumentException("COQL LIMIT " + limit + " in '" + query + "': " + api.product()
                                               + " returns 1 to " + api.coqlLimit() + " records a call. Leave LIMIT out"
                                               + " and the component reads every matching record, "
                                               + api.coqlLimit() + " a call (maxRecords caps how many)");
        }
        if (offset != null && offset > api.coqlMaxOffset()) {
            throw new IllegalArgumentException("COQL OFFSET " + offset + " in '" + query + "' passes " + api.product()
                                               + "'s " + api.coqlMaxOffset() + ". Leave LIMIT and OFFSET out and the"
                                               + " component reads every matching record, by id past that reach");
        }
        return new CoqlQuery(api, m.group(1).trim(), m.group(2), where, orderBy, limit, offset);
    }

    /** The query as sent for one page read by keyset: the matching records with an id above {@code afterId}. */
    String keysetPage(String afterId) {
        String condition = "id > " + (afterId == null ? "0" : afterId);
        return "select " + columns + " from " + module + " where "
               + (where == null ? condition : "(" + where + ") and " + condition)
               + " order by id asc limit " + api.coqlLimit();
    }

    /** The query as sent for one page read by offset (the route's order). */
    String offsetPage(int pageOffset) {
        return "select " + columns + " from " + module + (where == null ? "" : " where " + where) + " order by "
               + orderBy + " limit " + api.coqlLimit() + " offset " + pageOffset;
    }

    /** The query exactly as given (its own LIMIT and OFFSET). */
    String asGiven() {
        return "select " + columns + " from " + module + (where == null ? "" : " where " + where)
               + (orderBy == null ? "" : " order by " + orderBy) + " limit " + limit
               + (offset == null ? "" : " offset " + offset);
    }

    /** {@code select count(id) from Module [where …]}: the count of the records the query matches. */
    public String countQuery() {
        return "select count(id) from " + module + (where == null ? "" : " where " + where);
    }

    public String module() {
        return module;
    }

    /** Whether the query reads one page (it has a LIMIT). */
    boolean singlePage() {
        return limit != null;
    }

    /** Whether the route ordered the records (so they are read by offset, up to the API's reach). */
    boolean ordered() {
        return orderBy != null;
    }

    ZohoApi api() {
        return api;
    }

    @Override
    public String toString() {
        return limit != null ? asGiven() : "select " + columns + " from " + module + (where == null ? "" : " where "
                + where) + (orderBy == null ? "" : " order by " + orderBy);
    }

    /** The start of a top-level clause keyword (outside quotes and parentheses), or -1. */
    private static final Pattern LIMIT = Pattern.compile("(?i)\\blimit\\s+(\\d+)(?:\\s*,\\s*(\\d+))?\\s*(?:offset\\s+\\d+\\s*)?$");

    /**
     * The credits a COQL call costs by its LIMIT (Zoho CRM's table: 1 to 200 records 1 credit, to 1,000 2, to 2,000 3;
     * Bigin's LIMIT stops at 200, so 1); a query without LIMIT returns 200 records.
     */
    static int credits(String selectQuery) {
        java.util.regex.Matcher m = LIMIT.matcher(selectQuery.trim());
        long limit = m.find() ? Long.parseLong(m.group(2) != null ? m.group(2) : m.group(1)) : 200;
        return limit <= 200 ? 1 : limit <= 1000 ? 2 : 3;
    }

    private static int clause(String s, String keyword) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && s.regionMatches(true, i, keyword, 0, keyword.length())
                       && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))
                       && (i + keyword.length() == s.length()
                           || Character.isWhitespace(s.charAt(i + keyword.length())))) {
                return i;
            }
        }
        return -1;
    }

    /** The first of the positions after {@code from} (ignoring -1), or the end. */
    private static int firstAfter(String s, int from, int... positions) {
        int end = s.length();
        for (int p : positions) {
            if (p > from && p < end) {
                end = p;
            }
        }
        return end;
    }

    private static int number(String text, String what, String query) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("COQL " + what + " '" + text.trim() + "' in '" + query + "' is not a"
                                               + " number");
        }
    }

    /** Replaces each {@code :name} outside quotes with its value as a COQL literal. */
    static String bind(String query, Map<String, ?> parameters) {
        StringBuilder out = new StringBuilder(query.length() + 32);
        boolean quoted = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (quoted && c == '\\' && i + 1 < query.length()) {
                out.append(c).append(query.charAt(++i));
                continue;
            }
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && c == ':') {
                Matcher m = PARAMETER.matcher(query).region(i, query.length());
                if (m.lookingAt()) {
                    String name = m.group(1);
                    if (parameters == null || !parameters.containsKey(name)) {
                        throw new IllegalArgumentException("COQL parameter :" + name + " has no value: give it in the"
                                                           + " parameters map (header CamelBiginQueryParameters) or"
                                                           + " as a header named " + name);
                    }
                    out.append(literal(parameters.get(name), name));
                    i = m.end() - 1;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A value as a COQL literal: numbers and booleans bare, times and dates in Zoho's format, collections as
     * {@code (a, b)} for {@code in}, everything else as a quoted string with quotes and backslashes escaped.
     */
    static String literal(Object value, String name) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof BigDecimal) {
            return value.toString();
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof OffsetDateTime t) {
            return quote(ZohoTime.format(t));
        }
        if (value instanceof ZonedDateTime t) {
            return quote(ZohoTime.format(t.toOffsetDateTime()));
        }
        if (value instanceof Date d) {
            return quote(ZohoTime.format(d.toInstant().atOffset(java.time.ZoneOffset.UTC)));
        }
        if (value instanceof LocalDate || value instanceof TemporalAccessor) {
            return quote(value.toString());
        }
        if (value instanceof Collection<?> values) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("COQL parameter :" + name + " is an empty list: 'in ()' matches"
                                                   + " nothing and COQL refuses it");
            }
            List<String> parts = new ArrayList<>();
            values.forEach(v -> parts.add(literal(v, name)));
            return "(" + String.join(", ", parts) + ")";
        }
        return quote(value.toString());
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }
}
