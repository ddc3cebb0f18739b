package io.github.camelbigin.examples;

import org.apache.camel.main.Main;

/**
 * The main of README's "Your own project": Camel Main with the component's options and the YAML routes folder from
 * {@code application.properties}. Run in a project folder with {@code -pl file:application.properties}.
 */
public final class OwnProjectMain {

    private OwnProjectMain() {
    }

    // snippet-start (README: "Your own project")
    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.run(args); // -pl file:application.properties: the component's options and the routes folder
    }
    // snippet-end
}
