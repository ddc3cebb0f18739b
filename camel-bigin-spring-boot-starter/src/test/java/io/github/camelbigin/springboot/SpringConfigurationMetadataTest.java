package io.github.camelbigin.springboot;

import io.github.camelbigin.springboot.common.CompletionMetadata;
import org.junit.jupiter.api.Test;

/**
 * The IDE completion metadata is rendered from bigin.json, so every component option is offered with its description,
 * type and default. Run with {@code -Dbigin.updateDocs=true} to rewrite it.
 */
class SpringConfigurationMetadataTest {

    @Test
    void theCompletionMetadataCoversEveryComponentOption() throws Exception {
        CompletionMetadata.check("/META-INF/io/github/camelbigin/component/bigin.json",
                BiginComponentAutoConfiguration.PREFIX);
    }
}
