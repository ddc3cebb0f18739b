package io.github.camelbigin.zoho.feed;

import java.net.URI;
import java.util.Map;

import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.StaticTokenAuthenticator;
import io.github.camelbigin.zoho.client.ZohoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a feed decides before it calls anything. */
class ChangeFeedTest {

    // never called: these tests make no request
    private final ZohoClient client = ZohoClient.builder()
            .authenticator(new StaticTokenAuthenticator(ZohoApi.BIGIN_V2, "unused", null))
            .apiUrl(URI.create("http://127.0.0.1:9/bigin/v2")).build();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aFeedOfNewRecordsOnlyNeedsNoFingerprint() {
        ChangeFeed created = new ChangeFeed(client, "Contacts", null, "Created_Time", ChangeDetection.list);

        assertThat(created.fingerprint(Map.of("id", "1", "Last_Name", "Boyle"))).isNull();
    }

    @Test
    void aFeedOfEveryChangeFingerprintsRecordsByContent() {
        ChangeFeed modified = new ChangeFeed(client, "Contacts", null, "Modified_Time", ChangeDetection.coql);
        Map<String, Object> r = Map.of("id", "1", "Last_Name", "Boyle");

        assertThat(modified.fingerprint(r)).isEqualTo(Fingerprint.of(r));
    }
}
