package io.github.camelbigin.component;

import io.github.camelbigin.emulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every consumer behaviour again, with changes asked through COQL. */
class BiginConsumerCoqlTest extends BiginConsumerTest {

    @Override
    protected String strategyOptions() {
        return "&changeDetection=coql";
    }

    @Override
    protected String pollPath() {
        return "/coql";
    }

    @Override
    protected void assertIdlePoll(RecordedRequest r) {
        assertThat(r.method() + " " + r.apiPath()).isEqualTo("POST /coql");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.bodyJson().get("select_query").asText()).contains(" > '").contains("order by Modified_Time asc, id asc");
    }
}
