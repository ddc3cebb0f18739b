package io.github.camelbigin.examples;

import io.github.camelbigin.component.BiginComponent;
import org.apache.camel.main.Main;

/**
 * The Bigin → Zoho Books sync ({@link BooksSyncRoutes}) as an application that runs until stopped. Configuration
 * (environment): Bigin credentials as for the demo ({@link BiginConnection}) — an OAuth refresh token whose scopes
 * include Zoho Books' (ZohoBooks.contacts.ALL) — and {@code BOOKS_ORGANIZATION_ID}; {@code BOOKS_DELAY} (default
 * 60000 ms). Without credentials it runs on the embedded emulator, which serves that much of Books too.
 */
public final class BooksSyncApp {

    private BooksSyncApp() {
    }

    public static void main(String[] args) throws Exception {
        BiginComponent bigin = new BiginComponent();
        try (BiginConnection connection = BiginConnection.configure(bigin, System.getenv())) {
            Main main = new Main();
            main.bind("bigin", bigin);
            main.addInitialProperty("books.organizationId", setting("BOOKS_ORGANIZATION_ID",
                    connection.emulator() != null ? "700200001" : null));
            main.addInitialProperty("books.delay", setting("BOOKS_DELAY", "60000"));
            main.configure().addRoutesBuilder(new BooksSyncRoutes());
            if (connection.emulator() != null) {
                // on the embedded emulator nobody else edits Bigin: one contact made after the start shows a sync
                main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
                    @Override
                    public void afterStart(org.apache.camel.main.BaseMainSupport m) {
                        String id = connection.emulator().seed().insert("Contacts", java.util.Map.of("First_Name", "Ada",
                                "Last_Name", "Lovelace", "Email", "ada@example.com"));
                        System.out.println("Created the sample contact " + id + " in the embedded Bigin: watch it"
                                           + " reach Books");
                    }
                });
            }
            System.out.println("Syncing Bigin contacts to Zoho Books (" + connection.description() + "). Ctrl-C stops.");
            main.run();
        }
    }

    private static String setting(String name, String dflt) {
        String v = System.getenv(name);
        if ((v == null || v.isBlank()) && dflt == null) {
            throw new IllegalArgumentException(name + " is not set: give the Zoho Books organization id (Books, Settings,"
                                               + " Organization Profile)");
        }
        return v == null || v.isBlank() ? dflt : v;
    }
}
