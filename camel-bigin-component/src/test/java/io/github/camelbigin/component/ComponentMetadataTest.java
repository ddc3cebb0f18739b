package io.github.camelbigin.component;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbigin.common.options.ZohoProduct;
import io.github.camelbigin.common.testing.CatalogContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated component descriptor is what Karavan, Camel JBang, IDEs and the catalog read: the family's contract
 * (every option described, secrets marked, Bigin's operations and headers only, no word of another product), and
 * Bigin's defaults.
 */
class ComponentMetadataTest extends CatalogContract {

    @Override
    protected ZohoProduct product() {
        return BiginComponent.PRODUCT;
    }

    @Override
    protected String catalogResource() {
        return "/META-INF/io/github/camelbigin/component/bigin.json";
    }

    @Test
    void optionsWithDefaultsDeclareThem() throws Exception {
        JsonNode props = catalog().get("properties");

        assertThat(props.get("perPage").get("defaultValue").asInt()).isEqualTo(200);
        assertThat(props.get("batchSize").get("defaultValue").asInt()).isEqualTo(100);
        assertThat(props.get("dataCenter").get("defaultValue").asText()).isEqualTo("US");
        assertThat(props.get("dataCenter").get("enum").toString()).contains("CA", "SA", "CN");
    }

    @Test
    void theOperationsDeclaredForTheCatalogAreTheOnesBiginOffers() {
        assertThat(BiginConfiguration.OPERATIONS.split(","))
                .containsExactlyElementsOf(BiginComponent.PRODUCT.operations().stream().map(Enum::name).toList());
    }

    @Test
    void generatedConfigurersAreCompiledIntoTheJarSoCamelNeedsNoReflection() throws Exception {
        assertThat(Class.forName("io.github.camelbigin.component.BiginEndpointConfigurer")).isNotNull();
        assertThat(Class.forName("io.github.camelbigin.component.BiginComponentConfigurer")).isNotNull();
        assertThat(Class.forName("io.github.camelbigin.component.BiginEndpointUriFactory")).isNotNull();
        assertThat(getClass().getResource("/META-INF/services/org/apache/camel/component/bigin")).isNotNull();
    }
}
