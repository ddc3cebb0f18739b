package io.github.camelbigin.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbigin.common.options.Header;
import io.github.camelbigin.common.options.ZohoOperation;
import io.github.camelbigin.common.options.ZohoProduct;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a product's generated catalog must say, checked the same way for every product of the family: every option and
 * header described, secrets marked, the operations the product offers and no other, the family's headers with the
 * product's prefix — and nothing of another product: no other product's name, scheme, header, scope, path or limit.
 */
public abstract class CatalogContract {

    /** What marks each product's text, in its catalog and nowhere else. */
    private static final Map<String, List<String>> MARKS = Map.of(
            "bigin", List.of("Bigin", "bigin:", "CamelBigin", "ZohoBigin", "/bigin/", "zoho-bigin",
                    "LIMIT (at most 200)", "9,800", "10,000-record"),
            "zohocrm", List.of("Zoho CRM", "zohocrm:", "CamelZohoCrm", "ZohoCRM", "/crm/", "zoho-crm",
                    "LIMIT (at most 2,000)", "98,000", "100,000-record"));
    private static final Set<String> SECRETS = Set.of("clientId", "clientSecret", "refreshToken", "accessToken",
            "apiKey");

    /** The product whose catalog this is. */
    protected abstract ZohoProduct product();

    /** The catalog's resource, e.g. {@code /META-INF/io/github/camelbigin/component/bigin.json}. */
    protected abstract String catalogResource();

    protected JsonNode catalog() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(catalogResource())) {
            assertThat(in).as("the generated " + catalogResource() + " on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyOptionAndHeaderIsDescribed() throws IOException {
        JsonNode json = catalog();
        List<String> undocumented = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.get(section).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().path("description").asText("").isBlank()) {
                    undocumented.add(section + "." + e.getKey());
                }
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void credentialOptionsAreSecretInTheComponentAndTheEndpoint() throws IOException {
        JsonNode json = catalog();
        for (String section : List.of("componentProperties", "properties")) {
            for (String secret : SECRETS) {
                assertThat(json.get(section).path(secret).path("secret").asBoolean()).as(section + "." + secret)
                        .isTrue();
            }
        }
    }

    @Test
    void theOperationOptionListsExactlyTheOperationsTheProductOffers() throws IOException {
        List<String> listed = new ArrayList<>();
        catalog().get("properties").get("operation").get("enum").forEach(n -> listed.add(n.asText()));

        assertThat(listed).containsExactlyElementsOf(product().operations().stream().map(Enum::name).toList());
        for (ZohoOperation op : ZohoOperation.values()) {
            assertThat(listed.contains(op.name())).as(op.name()).isEqualTo(op.isOffered(product().api()));
        }
    }

    @Test
    void theHeadersAreTheFamilysWithTheProductsPrefix() throws IOException {
        Set<String> listed = new LinkedHashSet<>();
        catalog().get("headers").fieldNames().forEachRemaining(listed::add);

        Set<String> expected = new LinkedHashSet<>();
        for (Header h : Header.values()) {
            expected.add(product().header(h));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void noTextOfTheCatalogSpeaksOfAnotherProduct() throws IOException {
        // the catalog's own words: descriptions, titles, labels and values (not the Java types' package names)
        String text = catalog().toString().replaceAll("io\\.github\\.camelbigin[\\w.$]*", "");
        List<String> found = new ArrayList<>();
        MARKS.forEach((scheme, marks) -> {
            if (scheme.equals(product().scheme())) {
                return;
            }
            for (String mark : marks) {
                Matcher m = Pattern.compile(Pattern.quote(mark)).matcher(text);
                while (m.find()) {
                    found.add(mark + " in …" + text.substring(Math.max(0, m.start() - 80),
                            Math.min(text.length(), m.end() + 40)) + "…");
                }
            }
        });
        assertThat(found).as(product().scheme() + "'s catalog names another product").isEmpty();
    }
}
