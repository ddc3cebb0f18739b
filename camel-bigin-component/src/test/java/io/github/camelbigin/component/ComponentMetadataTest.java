package io.github.camelbigin.component;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated component descriptor is what Karavan, Camel JBang, IDEs and the catalog read. */
class ComponentMetadataTest {

    private static final Set<String> SECRETS = Set.of("clientId", "clientSecret", "refreshToken", "accessToken", "apiKey");

    private JsonNode descriptor() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelbigin/component/bigin.json")) {
            assertThat(in).as("the generated bigin.json on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyOptionAndHeaderHasADescription() throws Exception {
        JsonNode json = descriptor();
        List<String> undocumented = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            Iterator<Map.Entry<String, JsonNode>> it = json.get(section).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().path("description").asText("").isBlank()) {
                    undocumented.add(section + "." + e.getKey());
                }
            }
        }
        assertThat(undocumented).isEmpty();
        assertThat(json.get("headers").size()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void credentialOptionsAreMarkedSecretInBothComponentAndEndpoint() throws Exception {
        JsonNode json = descriptor();
        for (String section : List.of("componentProperties", "properties")) {
            for (String secret : SECRETS) {
                assertThat(json.get(section).get(secret)).as(section + "." + secret).isNotNull();
                assertThat(json.get(section).get(secret).get("secret").asBoolean()).as(section + "." + secret).isTrue();
            }
        }
    }

    @Test
    void optionsWithDefaultsDeclareThem() throws Exception {
        JsonNode props = descriptor().get("properties");

        assertThat(props.get("perPage").get("defaultValue").asInt()).isEqualTo(200);
        assertThat(props.get("batchSize").get("defaultValue").asInt()).isEqualTo(100);
        assertThat(props.get("dataCenter").get("defaultValue").asText()).isEqualTo("US");
        assertThat(props.get("operation").get("enum").size()).isEqualTo(BiginOperation.values().length);
        assertThat(props.get("dataCenter").get("enum").toString()).contains("CA", "SA", "CN");
    }

    @Test
    void generatedConfigurersAreCompiledIntoTheJarSoCamelNeedsNoReflection() throws Exception {
        assertThat(Class.forName("io.github.camelbigin.component.BiginEndpointConfigurer")).isNotNull();
        assertThat(Class.forName("io.github.camelbigin.component.BiginComponentConfigurer")).isNotNull();
        assertThat(Class.forName("io.github.camelbigin.component.BiginEndpointUriFactory")).isNotNull();
        assertThat(getClass().getResource("/META-INF/services/org/apache/camel/component/bigin")).isNotNull();
    }
}
