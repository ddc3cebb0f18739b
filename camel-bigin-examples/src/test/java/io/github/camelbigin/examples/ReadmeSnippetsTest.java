package io.github.camelbigin.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelbigin.component.BiginComponent;
import io.github.camelbigin.emulator.BiginEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every YAML route the README shows loads, starts and runs against the emulator. */
class ReadmeSnippetsTest {

    private static final Pattern YAML = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    static List<String> yamlSnippets() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> snippets = new ArrayList<>();
        Matcher m = YAML.matcher(readme);
        while (m.find()) {
            snippets.add(m.group(1));
        }
        return snippets;
    }

    @Test
    void everyYamlRouteInTheReadmeLoadsAndStarts() throws Exception {
        List<String> snippets = yamlSnippets();
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(9);
        try (BiginEmulator emulator = new BiginEmulator().start()) {
            emulator.seedContacts(3);
            for (int i = 0; i < snippets.size(); i++) {
                CamelContext context = new DefaultCamelContext();
                BiginComponent bigin = new BiginComponent();
                bigin.getConfiguration().setAccessToken(BiginEmulator.ACCESS_TOKEN);
                bigin.getConfiguration().setApiUrl(emulator.apiUrl());
                context.addComponent("bigin", bigin);
                PluginHelper.getRoutesLoader(context)
                        .loadRoutes(ResourceHelper.fromString("readme-" + i + ".camel.yaml", snippets.get(i)));
                context.start();
                try {
                    assertThat(context.getRoutes()).as("snippet %d:%n%s", i, snippets.get(i)).isNotEmpty();
                    String from = context.getRoutes().get(0).getEndpoint().getEndpointUri();
                    if (from.equals("direct://new-contact")) {
                        context.createProducerTemplate().requestBody("direct:new-contact",
                                "{\"Last_Name\":\"FromReadme\"}");
                        assertThat(emulator.records("Contacts")).anyMatch(r -> "FromReadme".equals(r.get("Last_Name")));
                    } else if (from.equals("direct://find")) {
                        List<?> found = context.createProducerTemplate().requestBody("direct:find",
                                "contact1@example.com", List.class);
                        assertThat(found).hasSize(1);
                    }
                } finally {
                    context.stop();
                }
            }
        }
    }
}
