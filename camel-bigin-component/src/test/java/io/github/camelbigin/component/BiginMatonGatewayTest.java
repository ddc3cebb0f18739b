package io.github.camelbigin.component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Maton's gateway as a user meets it: several connections behind one key, a wrong key, a key with no connection. */
class BiginMatonGatewayTest extends BiginTestSupport {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private AbstractAppender appender;

    @BeforeEach
    void captureWarnings() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender("maton-warnings", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
                    warnings.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        ctx.getConfiguration().getRootLogger().addAppender(appender, Level.WARN, null);
        ctx.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender(appender.getName());
        ctx.updateLoggers();
        appender.stop();
    }

    private String gateway(String key, String operation) {
        return "bigin:Contacts?operation=" + operation + "&fields=Last_Name&apiKey=" + key + "&matonControlUrl="
               + emulator().matonControlUrl() + "&apiUrl=" + emulator().matonApiUrl();
    }

    @Test
    void twoActiveConnectionsWithoutAConnectionIdAreSaidOnceAtStartNamingTheOneMatonUses() {
        emulator().addMatonKey("key-of-two-orgs", "c-sandbox", "c-production");

        send(gateway("key-of-two-orgs", "list"), null);
        send(gateway("key-of-two-orgs", "list") + "&perPage=10", null); // a second endpoint of the same key

        assertThat(warnings).filteredOn(w -> w.contains("ACTIVE zoho-bigin connections")).singleElement()
                .asString().contains("uses the oldest, c-sandbox").contains("c-production").contains("connectionId")
                .doesNotContain("key-of-two-orgs");
    }

    @Test
    void oneActiveConnectionOrAConnectionIdIsNotWarnedAbout() {
        emulator().addMatonKey("key-of-one-org", "c-only");
        emulator().addMatonKey("key-of-two-orgs", "c-sandbox", "c-production");

        send(gateway("key-of-one-org", "list"), null);
        send(gateway("key-of-two-orgs", "list") + "&connectionId=c-production", null);

        assertThat(warnings).noneMatch(w -> w.contains("ACTIVE zoho-bigin connections"));
    }

    @Test
    void aKeyMatonRefusesGetsMatonAdviceNotOAuthAdviceAndNeverTheKey() {
        Exchange ex = send(gateway("not-a-maton-key", "list"), null);

        assertThat(ex.getException()).hasMessageContaining("HTTP 401").hasMessageContaining("Maton refused the API key")
                .hasMessageContaining("apiKey").hasMessageNotContaining("An access token lives one hour")
                .hasMessageNotContaining("dataCenter").hasMessageNotContaining("not-a-maton-key");
    }

    @Test
    void aKeyWhoseLastConnectionWasDeletedGetsMissingConnection() {
        emulator().addMatonKey("key-of-one-org", "c-only");
        send(gateway("key-of-one-org", "deleteConnection") + "&connectionId=c-only", null);

        Exchange ex = send(gateway("key-of-one-org", "list"), null);

        assertThat(ex.getException()).hasMessageContaining("HTTP 400").hasMessageContaining("MISSING_CONNECTION")
                .hasMessageContaining("createConnection");
    }
}
