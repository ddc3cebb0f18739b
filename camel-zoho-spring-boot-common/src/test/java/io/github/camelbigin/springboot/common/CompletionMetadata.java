package io.github.camelbigin.springboot.common;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.util.StringHelper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A starter's IDE completion metadata is rendered from the component descriptor that camel-package-maven-plugin
 * generates, so every component option is offered with its description, type and default; each starter's test checks
 * its own. Run with {@code -Dbigin.updateDocs=true} to rewrite it.
 */
public final class CompletionMetadata {

    private CompletionMetadata() {
    }

    private static final Path FILE = Path.of("src", "main", "resources", "META-INF", "spring-configuration-metadata.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Renders the completion metadata of the component whose descriptor is {@code descriptorResource} and compares it
     * with the module's file (rewriting it with {@code -Dbigin.updateDocs=true}).
     */
    public static void check(String descriptorResource, String prefix) throws Exception {
        String expected = JSON.writeValueAsString(render(descriptorResource, prefix)) + "\n";
        if (Boolean.getBoolean("bigin.updateDocs")) {
            Files.writeString(FILE, expected);
        }
        assertThat(Files.readString(FILE))
                .as("spring-configuration-metadata.json is stale: run this test with -Dbigin.updateDocs=true")
                .isEqualTo(expected);
    }

    static ObjectNode render(String descriptorResource, String prefix) throws Exception {
        JsonNode descriptor;
        try (InputStream in = CompletionMetadata.class.getResourceAsStream(descriptorResource)) {
            descriptor = JSON.readTree(in);
        }
        String componentType = descriptor.get("component").get("javaType").asText();
        String scheme = descriptor.get("component").get("scheme").asText();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode group = root.putArray("groups").addObject();
        group.put("name", prefix);
        group.put("type", componentType);
        group.put("description", descriptor.get("component").get("description").asText());
        List<ObjectNode> properties = new ArrayList<>();
        ObjectNode enabled = JSON.createObjectNode();
        enabled.put("name", prefix + ".enabled");
        enabled.put("type", "java.lang.Boolean");
        enabled.put("description", "Whether to configure the " + scheme + " component from these properties. Enabled"
                                   + " by default.");
        enabled.put("defaultValue", true);
        properties.add(enabled);
        for (Iterator<Map.Entry<String, JsonNode>> it = descriptor.get("componentProperties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode option = e.getValue();
            ObjectNode p = JSON.createObjectNode();
            p.put("name", prefix + "." + StringHelper.camelCaseToDash(e.getKey()));
            p.put("type", type(option.get("javaType").asText()));
            p.put("description", option.path("description").asText()
                                 + (option.path("secret").asBoolean() ? " (secret)" : ""));
            p.put("sourceType", componentType);
            if (option.has("defaultValue")) {
                p.set("defaultValue", option.get("defaultValue"));
            }
            if (option.path("deprecated").asBoolean()) {
                p.putObject("deprecation").put("level", "warning");
            }
            properties.add(p);
        }
        properties.sort(Comparator.comparing(p -> p.get("name").asText()));
        ArrayNode array = root.putArray("properties");
        properties.forEach(array::add);
        root.putArray("hints");
        return root;
    }

    private static String type(String javaType) {
        switch (javaType) {
            case "int":
                return "java.lang.Integer";
            case "long":
                return "java.lang.Long";
            case "boolean":
                return "java.lang.Boolean";
            default:
                return javaType.replaceAll("<.*>", "");
        }
    }
}
