package io.github.camelbigin.benchmarks;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * What a user writes without this component: camel-http and camel-jackson, one record per create call, Bigin's default
 * page size and page numbers, and a "newest page" poll for changes — the patterns bigin-api.md's peers shipped.
 */
final class NaiveRoutes extends RouteBuilder {

    private final String apiUrl;
    private final String authorization;
    /** What the naive change poll delivered. */
    final java.util.concurrent.atomic.AtomicLong polledRecords = new java.util.concurrent.atomic.AtomicLong();
    private volatile java.time.OffsetDateTime newestSeen;

    NaiveRoutes(String apiUrl, String accessToken) {
        this.apiUrl = apiUrl;
        this.authorization = "Zoho-oauthtoken " + accessToken;
    }

    @Override
    public void configure() {
        // create: one record per call
        from("direct:naive-create")
                .split(body())
                    .process(e -> e.getMessage().setBody(Map.of("data", List.of(e.getMessage().getBody()))))
                    .marshal().json()
                    .setHeader("Authorization", constant(authorization))
                    .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                    .to(apiUrl + "/Contacts?throwExceptionOnFailure=false")
                .end();

        // list: page numbers with Bigin's default page size, until more_records is false (or Bigin refuses)
        from("direct:naive-list")
                .setProperty("page", constant(1))
                .setProperty("records", constant(0))
                .setProperty("more", constant(true))
                .loopDoWhile(exchangeProperty("more").isEqualTo(true))
                    .setHeader(Exchange.HTTP_QUERY, simple("${exchangeProperty.query}&page=${exchangeProperty.page}"))
                    .setHeader("Authorization", constant(authorization))
                    .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                    .setBody(constant(null))
                    .toD(apiUrl + "${exchangeProperty.path}?throwExceptionOnFailure=false")
                    .process(e -> {
                        int status = e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
                        String body = e.getMessage().getBody(String.class);
                        if (status != 200 || body == null || body.isEmpty()) {
                            e.setProperty("more", false);
                            e.setProperty("status", status);
                            return;
                        }
                        Map<?, ?> answer = e.getContext().getTypeConverter().convertTo(Map.class,
                                new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class));
                        e.setProperty("records", e.getProperty("records", Integer.class)
                                                 + ((List<?>) answer.get("data")).size());
                        e.setProperty("more", ((Map<?, ?>) answer.get("info")).get("more_records"));
                        e.setProperty("page", e.getProperty("page", Integer.class) + 1);
                    })
                .end()
                .setBody(exchangeProperty("records"));

        // changes: every poll reads the newest page and keeps what is newer than the newest seen so far
        from("timer:naive-poll?delay=0&period=20").routeId("naive-poll").autoStartup(false)
                .setHeader(Exchange.HTTP_QUERY,
                        constant("fields=Last_Name,Modified_Time&sort_by=Modified_Time&sort_order=desc"))
                .setHeader("Authorization", constant(authorization))
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setBody(constant(null))
                .to(apiUrl + "/Contacts?throwExceptionOnFailure=false")
                .process(e -> {
                    String body = e.getMessage().getBody(String.class);
                    if (body == null || body.isEmpty()) {
                        return;
                    }
                    Map<?, ?> answer = new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class);
                    java.time.OffsetDateTime newest = newestSeen;
                    for (Object r : (List<?>) answer.get("data")) {
                        java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(
                                ((Map<?, ?>) r).get("Modified_Time").toString());
                        if (newestSeen == null || t.isAfter(newestSeen)) {
                            polledRecords.incrementAndGet();
                            if (newest == null || t.isAfter(newest)) {
                                newest = t;
                            }
                        }
                    }
                    newestSeen = newest;
                });
    }

    /** Starts the naive change poll as if it had been running: only changes after {@code now} count. */
    void startPollingFrom(java.time.OffsetDateTime now) {
        newestSeen = now;
        polledRecords.set(0);
    }
}
