package io.github.camelbigin.kamelets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/camel-k.md shows the Pipe and Integration files the Kamelet tests run, byte for byte. */
class CamelKDocsTest {

    @Test
    void everyResourceOnTheCamelKPageIsOneOfTheTestedFiles() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "camel-k.md"));
        List<String> shown = new ArrayList<>();
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(page);
        while (m.find()) {
            if (m.group(1).contains("apiVersion: camel.apache.org/v1")) {
                shown.add(m.group(1));
            }
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("..", "docs", "camel-k"))) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                files.add(Files.readString(p));
            }
        }

        assertThat(shown).hasSize(3).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void thePipeInTheReadmeIsOneOfTheTestedFiles() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> pipes = new ArrayList<>();
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            if (m.group(1).contains("kind: Pipe")) {
                pipes.add(m.group(1));
            }
        }

        assertThat(pipes).containsExactly(Files.readString(Path.of("..", "docs", "camel-k", "bigin-contacts-pipe.yaml")));
    }
}
