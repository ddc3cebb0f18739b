package io.github.camelbigin.component;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.zoho.http.ZohoApiException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known secret values go through failing and succeeding runs of every way in — a token refresh, reads and writes —
 * with every logger on (the root, Camel, this project, all of HttpClient's including its header and raw wire logs); none of them, nor an
 * access token minted on the way, may appear in a log line, a stack trace, an exception message, a toString() or an
 * endpoint URI Camel shows. At DEBUG that holds with credentials written in endpoint URIs; at TRACE Camel itself logs
 * URIs as written and resolved placeholders, so there the credentials are set on the component, as the README says.
 */
class SecretsNeverLeakTest extends ConsumerTestSupport {

    private static final String CLIENT_SECRET = "s3cret-client-Q1w2E3";
    private static final String REFRESH = "1000.r3fresh-Z9x8C7";
    private static final String STATIC = "st4tic-token-V5b6N7";
    private static final String MATON = "mat0n-key-M4n5B6";
    private static final List<String> SECRETS = List.of(CLIENT_SECRET, REFRESH, STATIC, MATON);

    private final List<String> captured = new CopyOnWriteArrayList<>();
    private final Map<String, Level> previous = new java.util.HashMap<>();
    private AbstractAppender appender;
    private Level rootLevel;

    private void captureEveryLogLine(Level level) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        appender = new AbstractAppender("secrets-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder sb = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    StringWriter w = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(w));
                    sb.append('\n').append(w);
                }
                captured.add(sb.toString());
            }
        };
        appender.start();
        config.addAppender(appender);
        rootLevel = config.getRootLogger().getLevel();
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        config.getRootLogger().setLevel(level);
        level(config, "io.github.camelbigin", level);
        level(config, "org.apache.camel", level);
        level(config, "org.apache.hc", level);
        level(config, "org.apache.hc.client5.http.wire", level);
        ctx.updateLoggers();
    }

    private void level(Configuration config, String name, Level level) {
        LoggerConfig existing = config.getLoggers().get(name);
        if (existing != null) {
            previous.put(name, existing.getLevel());
            existing.setLevel(level);
        } else {
            config.addLogger(name, new LoggerConfig(name, level, true));
        }
    }

    @AfterEach
    void stopCapturing() {
        if (appender == null) {
            return;
        }
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        config.getRootLogger().removeAppender("secrets-capture");
        config.getRootLogger().setLevel(rootLevel);
        for (String name : List.of("io.github.camelbigin", "org.apache.camel", "org.apache.hc", "org.apache.hc.client5.http.wire")) {
            if (previous.containsKey(name)) {
                config.getLoggers().get(name).setLevel(previous.get(name));
            } else {
                config.removeLogger(name);
            }
        }
        ctx.updateLoggers();
        appender.stop();
    }

    private final List<String> secrets = new CopyOnWriteArrayList<>(SECRETS);

    private void assertNoSecretIn(String where, String text) {
        for (String secret : secrets) {
            assertThat(text).as(where + " contains a secret").doesNotContain(secret);
        }
    }

    @Test
    void noSecretReachesLogsExceptionsToStringOrShownUris() throws Exception {
        captureEveryLogLine(Level.DEBUG);
        emulator().seed().oauthClient("1000.LEAKTEST", CLIENT_SECRET, REFRESH);
        emulator().seed().accessToken(STATIC);
        emulator().seed().matonKey(MATON, "conn-1");
        String oauth = "bigin:Contacts?operation=org&clientId=1000.LEAKTEST&clientSecret=" + CLIENT_SECRET
                       + "&refreshToken=" + REFRESH + "&accountsUrl=" + emulator().accountsUrl();
        String wrongSecret = "bigin:Contacts?operation=org&clientId=1000.LEAKTEST&clientSecret=" + CLIENT_SECRET
                             + "x&refreshToken=" + REFRESH + "&accountsUrl=" + emulator().accountsUrl();
        String staticToken = "bigin:Contacts?operation=list&fields=Last_Name&accessToken=" + STATIC + "&apiUrl="
                             + emulator().apiUrl();
        String maton = "bigin:Contacts?operation=org&apiKey=" + MATON + "&apiUrl=" + emulator().matonApiUrl();
        String matonWrongConnection = maton + "&connectionId=unknown";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigin:Contacts?fields=Last_Name&delay=50&initialDelay=0&maxRetries=0&accessToken=" + STATIC
                     + "x&apiUrl=" + emulator().apiUrl()).routeId("failing-consumer").to("log:x");
            }
        });

        List<Exchange> runs = List.of(
                send(oauth, null), // succeeds: mints a token
                send(wrongSecret, null), // refused client
                send(staticToken, null), // succeeds
                send(staticToken.replace(STATIC, STATIC + "x"), null), // refused token
                send(maton, null), // succeeds
                send(matonWrongConnection, null), // refused connection
                send(oauth.replace("operation=org", "operation=create"), Map.of("First_Name", "no last name")));
        emulator().faults().expireTokens();
        send(oauth, null); // 401, refresh, replay
        awaitPolls(3); // the failing consumer logs its failures

        addMintedTokensToTheSecrets();
        assertThat(captured).as("HttpClient's logs were on")
                .anyMatch(l -> l.startsWith("org.apache.hc.client5"));
        assertThat(runs.get(1).getException()).isInstanceOf(ZohoApiException.class);
        assertThat(runs.get(3).getException()).isInstanceOf(ZohoApiException.class);
        assertThat(runs.get(5).getException()).isInstanceOf(ZohoApiException.class);
        for (Exchange run : runs) {
            if (run.getException() != null) {
                StringWriter w = new StringWriter();
                run.getException().printStackTrace(new PrintWriter(w));
                assertNoSecretIn("an exception", w.toString());
            }
            assertNoSecretIn("the exchange", run.toString());
        }
        for (org.apache.camel.Endpoint e : context.getEndpoints()) {
            assertNoSecretIn("an endpoint", e.toString());
            assertNoSecretIn("a shown endpoint URI", org.apache.camel.util.URISupport.sanitizeUri(e.getEndpointUri()));
            if (e instanceof BiginEndpoint) {
                assertNoSecretIn("a configuration", ((BiginEndpoint) e).getConfiguration().toString());
            }
        }
        assertThat(captured).as("log lines captured").hasSizeGreaterThan(20);
        for (String line : captured) {
            assertNoSecretIn("a log line", line);
        }
        // every call is logged: method, path, status, duration, attempt
        assertThat(captured).anyMatch(l -> l.matches("(?s).*Bigin GET /Contacts -> \\d{3} in \\d+ ms \\(attempt 1\\).*"));
        assertThat(captured).anyMatch(l -> l.contains("Bigin GET /org -> 401"));
    }

    /** The access tokens the emulator minted on the way are credentials too. */
    private void addMintedTokensToTheSecrets() {
        emulator().observe().apiRequests().stream().map(r -> r.header("Authorization")).filter(a -> a != null)
                .map(a -> a.substring(a.indexOf(' ') + 1)).filter(t -> t.startsWith("1000.")) // the emulator mints 1000.<hex>
                .distinct().forEach(secrets::add);
    }

    private BiginComponent component(java.util.function.Consumer<BiginConfiguration> credentials) {
        BiginComponent component = new BiginComponent();
        credentials.accept(component.getConfiguration());
        component.getConfiguration().setMaxRetries(0);
        return component;
    }

    @Test
    void atTraceNoCredentialSetOnTheComponentAppearsAnywhere() throws Exception {
        captureEveryLogLine(Level.TRACE);
        emulator().seed().oauthClient("1000.LEAKTEST", CLIENT_SECRET, REFRESH);
        emulator().seed().accessToken(STATIC);
        emulator().seed().matonKey(MATON, "conn-1");
        context.addComponent("bigin-oauth", component(c -> {
            c.setClientId("1000.LEAKTEST");
            c.setClientSecret(CLIENT_SECRET);
            c.setRefreshToken(REFRESH);
            c.setAccountsUrl(emulator().accountsUrl());
        }));
        context.addComponent("bigin-token", component(c -> {
            c.setAccessToken(STATIC);
            c.setApiUrl(emulator().apiUrl());
        }));
        context.addComponent("bigin-maton", component(c -> {
            c.setApiKey(MATON);
            c.setApiUrl(emulator().matonApiUrl());
        }));
        List<String> ids = emulator().seed().contacts(3);

        Exchange created = send("bigin-oauth:Contacts?operation=create", Map.of("Last_Name", "Traced")); // mints
        Exchange listed = send("bigin-oauth:Contacts?operation=list&fields=Last_Name", null);
        emulator().faults().expireTokens();
        Exchange updated = send("bigin-oauth:Contacts?operation=update", Map.of("id", ids.get(0), "Title", "T"));
        Exchange read = send("bigin-token:Contacts?operation=get", ids.get(1));
        Exchange deleted = send("bigin-maton:Contacts?operation=delete", ids.get(2));
        addMintedTokensToTheSecrets();

        for (Exchange run : List.of(created, listed, updated, read, deleted)) {
            assertThat(run.getException()).isNull();
        }
        assertThat(emulator().observe().tokenRequests()).hasSize(2); // the first token, then the refresh after expiry
        assertThat(secrets).as("minted tokens were seen").hasSizeGreaterThan(SECRETS.size());
        assertThat(captured).as("Camel's and HttpClient's TRACE logs were on")
                .anyMatch(l -> l.startsWith("org.apache.hc.client5"))
                .anyMatch(l -> l.startsWith("org.apache.camel"));
        for (String line : captured) {
            assertNoSecretIn("a log line", line);
        }
    }
}
