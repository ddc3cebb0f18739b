package io.github.camelbigin.common.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product's options page in docs/ is rendered from its generated component descriptor, so the documented options,
 * defaults and headers are always the ones the code has. Run with {@code -Dbigin.updateDocs=true} to rewrite it.
 */
public abstract class OptionsDocContract {

    /** The page, from the module's directory, e.g. {@code ../docs/options.md}. */
    protected abstract Path doc();

    /** The product's scheme, e.g. {@code bigin}. */
    protected abstract String scheme();

    /** The catalog's resource, e.g. {@code /META-INF/io/github/camelbigin/component/bigin.json}. */
    protected abstract String catalogResource();

    @Test
    void theOptionsPageMatchesTheGeneratedComponentDescriptor() throws Exception {
        String expected = render();
        if (Boolean.getBoolean("bigin.updateDocs")) {
            Files.writeString(doc(), expected);
        }
        Path rendered = Path.of("target", doc().getFileName().toString());
        Files.createDirectories(rendered.getParent());
        Files.writeString(rendered, expected);
        assertThat(Files.exists(doc()) ? Files.readString(doc()) : "")
                .as(doc() + " is stale: run the module's tests with -Dbigin.updateDocs=true (or copy " + rendered + ")")
                .isEqualTo(expected);
    }

    private String render() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream(catalogResource())) {
            json = new ObjectMapper().readTree(in);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(scheme()).append(": options and headers\n\n");
        sb.append("Generated from the component descriptor that camel-package-maven-plugin writes ")
                .append("(`").append(catalogResource().substring(1)).append("`); a test keeps ")
                .append("this file in step with it.\n\n");
        sb.append("Syntax: `").append(json.get("component").get("syntax").asText()).append("`\n\n");
        table(sb, "Path and query options of an endpoint", json.get("properties"), true);
        table(sb, "Component options (defaults for every endpoint)", json.get("componentProperties"), false);
        sb.append("## Message headers\n\n| header | java type | when | description |\n|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> h = it.next();
            sb.append("| `").append(h.getKey()).append("` | `").append(h.getValue().path("javaType").asText())
                    .append("` | ").append(h.getValue().path("label").asText("common")).append(" | ")
                    .append(cell(h.getValue().path("description").asText())).append(" |\n");
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, String title, JsonNode props, boolean withKind) {
        sb.append("## ").append(title).append("\n\n| name | group | default | type | description |\n")
                .append("|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode v = p.getValue();
            String type = v.has("enum") ? "one of " + String.join(", ", iterable(v.get("enum"))) : v.path("type").asText();
            sb.append("| `").append(p.getKey()).append('`').append(withKind && "path".equals(v.path("kind").asText())
                    ? " (path)" : "").append(v.path("secret").asBoolean() ? " (secret)" : "").append(" | ")
                    .append(v.path("group").asText()).append(" | ")
                    .append(v.has("defaultValue") ? "`" + v.get("defaultValue").asText() + "`" : "").append(" | ")
                    .append(cell(type)).append(" | ").append(cell(v.path("description").asText())).append(" |\n");
        }
        sb.append('\n');
    }

    private static Iterable<String> iterable(JsonNode array) {
        java.util.List<String> l = new java.util.ArrayList<>();
        array.forEach(n -> l.add(n.asText()));
        return l;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
