package io.github.camelbigin.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Bigin's paging rules: {@code per_page} 1 to 200 (default 200), {@code page} from 1, and no plain {@code page} past
 * the 2,000th record — beyond that only a {@code page_token} goes on (where the endpoint hands one out).
 */
final class Paging {

    static final int MAX_PER_PAGE = 200;
    static final int PAGE_LIMIT_RECORDS = 2000;

    final int perPage;
    final int page;
    final int offset;
    final boolean byToken;

    private Paging(int perPage, int page, int offset, boolean byToken) {
        this.perPage = perPage;
        this.page = page;
        this.offset = offset;
        this.byToken = byToken;
    }

    /**
     * Reads page, per_page and (when {@code queryKey} is not null, i.e. the endpoint supports tokens) page_token.
     */
    static Paging of(RecordedRequest req, String queryKey) {
        int perPage = intParam(req, "per_page", MAX_PER_PAGE);
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw EmulatorError.badRequest("INVALID_DATA", "per_page must be between 1 and 200", "param_name",
                    "per_page", "maximum_length", MAX_PER_PAGE);
        }
        String token = req.query("page_token");
        if (token != null && queryKey != null) {
            if (req.query("page") != null) {
                throw EmulatorError.badRequest("INVALID_DATA", "page and page_token cannot be given together",
                        "param_name", "page");
            }
            int offset = decode(token, queryKey);
            return new Paging(perPage, offset / perPage + 1, offset, true);
        }
        int page = intParam(req, "page", 1);
        if (page < 1) {
            throw EmulatorError.badRequest("INVALID_DATA", "page must be 1 or more", "param_name", "page");
        }
        if ((long) page * perPage > PAGE_LIMIT_RECORDS) {
            throw EmulatorError.badRequest("DISCRETE_PAGINATION_LIMIT_EXCEEDED",
                    "cannot fetch more than 2000 records with page and per_page; use page_token", "limit",
                    PAGE_LIMIT_RECORDS);
        }
        return new Paging(perPage, page, (page - 1) * perPage, false);
    }

    static String token(int offset, String queryKey) {
        String raw = offset + "|" + queryKey;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token, String queryKey) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar > 0 && raw.substring(bar + 1).equals(queryKey)) {
                return Integer.parseInt(raw.substring(0, bar));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error
        }
        throw EmulatorError.badRequest("INVALID_DATA", "the page_token is invalid or belongs to another query",
                "param_name", "page_token");
    }

    private static int intParam(RecordedRequest req, String name, int dflt) {
        String v = req.query(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw EmulatorError.badRequest("INVALID_DATA", name + " must be a number", "param_name", name);
        }
    }

    /** This request's page of the records that pass a filter, as rendered, and what paging needs to know. */
    static final class Slice {
        final List<Map<String, Object>> page = new ArrayList<>();
        /** Matching records seen: the ones before the page, the page's, and (when there is more) one after it. */
        int matched;
        boolean more;
    }

    /** Walks {@code records} in order and renders the ones that {@code match} and fall on this request's page. */
    <T> Slice slice(Iterable<T> records, Predicate<T> match, Function<T, Map<String, Object>> render) {
        Slice s = new Slice();
        for (T r : records) {
            if (!match.test(r) || s.matched++ < offset) {
                continue;
            }
            if (s.page.size() == perPage) {
                s.more = true;
                break;
            }
            s.page.add(render.apply(r));
        }
        return s;
    }

    /** The short {@code info} of users and watch lists: per_page, count, page, more_records. */
    Map<String, Object> info(int count, boolean more) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("per_page", perPage);
        info.put("count", count);
        info.put("page", page);
        info.put("more_records", more);
        return info;
    }

    /** The page-token keys list and related answers always carry, null when there is no token (production's shape). */
    static Map<String, Object> withTokens(Map<String, Object> info, String nextToken, String expiry) {
        info.put("next_page_token", nextToken);
        info.put("previous_page_token", null);
        info.put("page_token_expiry", nextToken == null ? null : expiry);
        return info;
    }

    /** The sort keys list and search answers carry. */
    static Map<String, Object> withSort(Map<String, Object> info, String sortBy, String sortOrder) {
        info.put("sort_by", sortBy);
        info.put("sort_order", sortOrder);
        return info;
    }
}
