package io.github.camelbigin.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.RecordedRequest;
import org.apache.camel.main.Main;

/**
 * Runs a route the designer (Kaoto) wrote on Camel Main against the emulator: the YAML the designer test saved
 * (camel-bigin-designer/target/designer-route.camel.yaml: from direct:designer to a bigin list of Contacts with the
 * fields typed in the form, the module re-serialised by Kaoto as a parameter). Exits 1 when Camel does not run it as
 * written (an exception: exec:java fails). .ci/run calls it after the designer test; DesignerYamlCheckTest runs it on
 * a copy of that YAML.
 */
public final class DesignerYamlCheck {

    private DesignerYamlCheck() {
    }

    public static void main(String[] args) throws Exception {
        String problem = check(Path.of(args[0]));
        if (problem != null) {
            throw new IllegalStateException("The designer's YAML did not run as written: " + problem);
        }
        System.out.println("Camel Main ran the designer's YAML against the emulator: " + args[0]);
    }

    /** What went wrong running the YAML, or null when it listed the contacts with the fields the form gave. */
    static String check(Path yaml) throws Exception {
        if (!Files.isRegularFile(yaml)) {
            return "no such file " + yaml.toAbsolutePath();
        }
        try (BiginEmulator emulator = new BiginEmulator().start()) {
            emulator.seed().contacts(3);
            Main main = new Main();
            main.configure().withRoutesIncludePattern("file:" + yaml.toAbsolutePath());
            main.addInitialProperty("camel.component.bigin.access-token", BiginEmulator.ACCESS_TOKEN);
            main.addInitialProperty("camel.component.bigin.api-url", emulator.apiUrl());
            main.start();
            try {
                List<?> contacts = main.getCamelContext().createProducerTemplate().requestBody("direct:designer", null,
                        List.class);
                List<RecordedRequest> lists = emulator.observe().apiRequests().stream()
                        .filter(r -> r.apiPath().equals("/Contacts")).toList();
                if (contacts == null || contacts.size() != 3) {
                    return "expected the 3 contacts, got " + contacts;
                }
                if (lists.isEmpty() || !"Last_Name,Email".equals(lists.get(0).query("fields"))) {
                    return "expected GET /Contacts?fields=Last_Name,Email, saw " + emulator.observe().apiRequests();
                }
                Map<?, ?> first = (Map<?, ?>) contacts.get(0);
                return first.containsKey("Last_Name") ? null : "a contact without Last_Name: " + first;
            } finally {
                main.stop();
            }
        }
    }
}
