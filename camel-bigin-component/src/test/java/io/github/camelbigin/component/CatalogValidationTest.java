package io.github.camelbigin.component;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What IDEs, Karavan and Camel JBang do with the generated descriptor: load it into the catalog and validate URIs. */
class CatalogValidationTest {

    private final CamelCatalog catalog = new DefaultCamelCatalog();

    @BeforeEach
    void addBigin() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelbigin/component/bigin.json")) {
            catalog.addComponent("bigin", BiginComponent.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theCatalogKnowsTheComponentWithItsOptionsAndHeaders() {
        ComponentModel model = catalog.componentModel("bigin");

        assertThat(model.getTitle()).isEqualTo("Zoho Bigin");
        assertThat(model.getEndpointOptions()).extracting(ComponentModel.EndpointOptionModel::getName)
                .contains("module", "operation", "events", "initialPosition", "apiKey");
        assertThat(model.getEndpointHeaders()).extracting(ComponentModel.EndpointHeaderModel::getName)
                .contains(BiginConstants.OPERATION, BiginConstants.RECORD_ID, BiginConstants.EVENT_TYPE);
    }

    @Test
    void aValidUriPasses() {
        EndpointValidationResult result = catalog.validateEndpointProperties(
                "bigin:Contacts?operation=search&email=ada@example.com&perPage=50&accessToken=x");

        assertThat(result.isSuccess()).as(result.summaryErrorMessage(false)).isTrue();
    }

    @Test
    void aWrongOperationNameIsRejected() {
        EndpointValidationResult result = catalog.validateEndpointProperties("bigin:Contacts?operation=craete");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getInvalidEnum()).containsKey("operation");
        assertThat(result.getInvalidEnumChoices().get("operation")).contains("create", "list", "upsert");
    }

    @Test
    void anUnknownOptionIsRejected() {
        EndpointValidationResult result = catalog.validateEndpointProperties("bigin:Contacts?operation=list&perPge=5");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getUnknown()).contains("perPge");
        assertThat(result.summaryErrorMessage(false)).contains("perPge");
    }

    @Test
    void aWrongTypeAndAWrongEnumValueAreRejected() {
        EndpointValidationResult result = catalog.validateEndpointProperties(
                "bigin:Contacts?operation=list&perPage=many&sortOrder=sideways&dataCenter=MARS");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getInvalidInteger()).containsKey("perPage");
        assertThat(result.getInvalidEnum()).containsKeys("sortOrder", "dataCenter");
    }
}
