package io.github.camelbigin.examples;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel runs a route as the designer (Kaoto) writes it — the component's path parameter moved into
 * {@code parameters} ({@code uri: bigin}, {@code module: Contacts}) — on a copy of the YAML the designer test saved;
 * .ci/run checks the designer's fresh output the same way.
 */
class DesignerYamlCheckTest {

    @Test
    void camelMainRunsTheYamlKaotoWroteWithTheModuleAsAParameter() throws Exception {
        assertThat(DesignerYamlCheck.check(Path.of("src", "test", "resources", "designer", "kaoto-route.camel.yaml")))
                .isNull();
    }
}
