package io.github.camelbigin.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ceiling: a hand-written loop on the JDK's HTTP client doing the optimal calls with no framework — 100 records a
 * write, 200 a page following page tokens, no retries, no validation, no Camel. Records are parsed into maps with the
 * same Jackson the component uses, so the comparison is about everything around the JSON.
 */
final class Ceiling {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String apiUrl;
    private final String authorization;

    Ceiling(String apiUrl, String accessToken) {
        this.apiUrl = apiUrl;
        this.authorization = "Zoho-oauthtoken " + accessToken;
    }

    /** Creates the records 100 a call; returns how many Bigin reported written. */
    int create(List<Map<String, Object>> records) throws IOException, InterruptedException {
        int written = 0;
        for (int from = 0; from < records.size(); from += 100) {
            byte[] body = JSON.writeValueAsBytes(Map.of("data", records.subList(from, Math.min(from + 100, records.size()))));
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/Contacts"))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, Object> answer = JSON.readValue(r.body(), MAP);
            for (Object result : (List<?>) answer.get("data")) {
                if ("success".equals(((Map<?, ?>) result).get("status"))) {
                    written++;
                }
            }
        }
        return written;
    }

    /** Reads every record of a query, page after page, handing each to {@code sink}; returns the calls made. */
    int read(String pathAndQuery, String ifModifiedSince, Consumer<Map<String, Object>> sink)
            throws IOException, InterruptedException {
        String token = null;
        int page = 1;
        int calls = 0;
        while (true) {
            String url = apiUrl + pathAndQuery + "&per_page=200"
                         + (token != null ? "&page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) : "&page=" + page);
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization);
            if (ifModifiedSince != null) {
                rb.header("If-Modified-Since", ifModifiedSince);
            }
            HttpResponse<byte[]> r = http.send(rb.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            calls++;
            if (r.statusCode() == 204 || r.statusCode() == 304) {
                return calls;
            }
            Map<String, Object> answer = JSON.readValue(r.body(), MAP);
            for (Object record : (List<?>) answer.get("data")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) record;
                sink.accept(m);
            }
            Map<?, ?> info = (Map<?, ?>) answer.get("info");
            if (!Boolean.TRUE.equals(info.get("more_records"))) {
                return calls;
            }
            token = (String) info.get("next_page_token");
            page++;
        }
    }

    /** Everything modified after {@code since}, oldest first (the changes since a watermark); returns the calls made. */
    int changesSince(OffsetDateTime since, String fields, Consumer<Map<String, Object>> sink)
            throws IOException, InterruptedException {
        return read("/Contacts?fields=" + fields + "&sort_by=Modified_Time&sort_order=asc",
                since == null ? null : since.minusSeconds(1).toString(), sink);
    }

    static List<Map<String, Object>> contacts(String prefix, int n) {
        List<Map<String, Object>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("First_Name", "Bench");
            c.put("Last_Name", prefix + i);
            c.put("Email", prefix.toLowerCase() + i + "@example.com");
            list.add(c);
        }
        return list;
    }
}
