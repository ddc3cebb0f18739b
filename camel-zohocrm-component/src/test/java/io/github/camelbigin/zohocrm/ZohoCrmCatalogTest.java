package io.github.camelbigin.zohocrm;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbigin.common.options.ZohoProduct;
import io.github.camelbigin.common.testing.CatalogContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * zohocrm.json holds the family's contract (every option described, secrets marked, Zoho CRM's operations and headers
 * only, no word of Bigin), Zoho CRM's own options, and its COQL limits where it states them.
 */
class ZohoCrmCatalogTest extends CatalogContract {

    @Override
    protected ZohoProduct product() {
        return ZohoCrmComponent.PRODUCT;
    }

    @Override
    protected String catalogResource() {
        return "/META-INF/io/github/camelbigin/zohocrm/zohocrm.json";
    }

    @Test
    void zohoCrmsOwnOptionsAreListedAndItsCoqlLimitsAreItsOwn() throws Exception {
        JsonNode props = catalog().get("properties");

        assertThat(props.has("edition")).isTrue();
        assertThat(props.has("externalField")).isTrue();
        assertThat(props.has("notifyFields")).isTrue();
        assertThat(props.get("query").get("description").asText()).contains("2,000 a call", "98,000",
                "CamelZohoCrmQueryParameters");
        assertThat(props.get("module").get("description").asText()).contains("Leads", "Deals");
    }

    @Test
    void theOperationsDeclaredForTheCatalogAreTheOnesZohoCrmOffers() {
        assertThat(ZohoCrmConfiguration.OPERATIONS.split(","))
                .containsExactlyElementsOf(ZohoCrmComponent.PRODUCT.operations().stream().map(Enum::name).toList());
    }

    @Test
    void generatedConfigurersAreCompiledIntoTheJar() throws Exception {
        assertThat(Class.forName("io.github.camelbigin.zohocrm.ZohoCrmEndpointConfigurer")).isNotNull();
        assertThat(Class.forName("io.github.camelbigin.zohocrm.ZohoCrmComponentConfigurer")).isNotNull();
        assertThat(getClass().getResource("/META-INF/services/org/apache/camel/component/zohocrm")).isNotNull();
    }
}
