package io.github.camelbigin.zoho.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and checking a callback as Zoho posts it (bigin-api.md). */
class NotificationTest {

    private static final String CALLBACK = "{\"server_time\":1718117126473,\"query_params\":{},\"module\":\"Contacts\","
            + "\"resource_uri\":\"https://www.zohoapis.com/bigin/v1/Contacts\",\"ids\":[\"5725767000003000064\","
            + "\"5725767000003000065\"],\"affected_fields\":[],\"operation\":\"update\",\"channel_id\":\"1000000068001\","
            + "\"token\":\"s3cret-token\"}";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCallbackIsReadWithEveryId() {
        Notification n = Notification.parse(bytes(CALLBACK));

        assertThat(n.module()).isEqualTo("Contacts");
        assertThat(n.operation()).isEqualTo(Operation.update);
        assertThat(n.ids()).containsExactly("5725767000003000064", "5725767000003000065");
        assertThat(n.serverTime()).isEqualTo(Instant.ofEpochMilli(1718117126473L));
    }

    @Test
    void aCallbackCountsOnlyWithItsChannelsIdAndToken() {
        Notification n = Notification.parse(bytes(CALLBACK));

        assertThat(n.isFrom("1000000068001", "s3cret-token")).isTrue();
        assertThat(n.isFrom("1000000068001", "s3cret-tokeN")).isFalse();
        assertThat(n.isFrom("1000000068002", "s3cret-token")).isFalse();
        assertThat(n.isFrom("1000000068001", null)).isFalse();
        assertThat(Notification.parse(bytes(CALLBACK.replace(",\"token\":\"s3cret-token\"", "")))
                .isFrom("1000000068001", null)).as("no token on either side is no match").isFalse();
    }

    @Test
    void malformedOrOversizedBodiesAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> Notification.parse(bytes("{not json s3cret-token")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the notification is not JSON");
        assertThatThrownBy(() -> Notification.parse(bytes("{\"token\":\"s3cret-token\"}")))
                .hasMessageNotContaining("s3cret").hasMessageContaining("channel_id");
        assertThatThrownBy(() -> Notification.parse(new byte[Notification.MAX_BYTES + 1]))
                .hasMessageContaining("more than");
        assertThatThrownBy(() -> Notification.parse(new byte[0])).hasMessageContaining("no body");
    }

    @Test
    void theTokenStaysOutOfTheStringForm() {
        assertThat(Notification.parse(bytes(CALLBACK)).toString()).doesNotContain("s3cret");
    }

    @Test
    void anOperationZohoDoesNotDocumentIsReadAsNone() {
        assertThat(Notification.parse(bytes(CALLBACK.replace("\"update\"", "\"merge\""))).operation()).isNull();
    }
}
