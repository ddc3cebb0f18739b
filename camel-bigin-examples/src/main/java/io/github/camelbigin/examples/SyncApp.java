package io.github.camelbigin.examples;

import java.io.File;
import javax.sql.DataSource;

import io.github.camelbigin.component.BiginComponent;
import org.apache.camel.main.Main;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * The sync example as an application that runs until stopped. Configuration (system properties or environment):
 * <ul>
 * <li>{@code sync.dir} (default {@code target/camel-bigin-sync}, which git ignores): where the database, the inbox
 * and the watermark live unless set one by one below</li>
 * <li>{@code sync.jdbc.url} (default an H2 database {@code crm} in {@code sync.dir}), {@code sync.jdbc.user},
 * {@code sync.jdbc.password}</li>
 * <li>{@code sync.inbox} (default {@code inbox} in {@code sync.dir}): drop CSV files here</li>
 * <li>{@code sync.delay} (default 5000 ms): how often Bigin is polled</li>
 * <li>Bigin credentials as for the demo ({@link BiginConnection}); none: the embedded emulator</li>
 * </ul>
 * The consumer's watermark is kept in {@code sync.state} in {@code sync.dir}, so a restart misses nothing.
 */
public final class SyncApp {

    private SyncApp() {
    }

    public static void main(String[] args) throws Exception {
        File dir = new File(setting("sync.dir", "target/camel-bigin-sync")).getAbsoluteFile();
        String url = setting("sync.jdbc.url", "jdbc:h2:" + new File(dir, "crm").getPath());
        String inbox = setting("sync.inbox", new File(dir, "inbox").getPath());
        DataSource crm = CrmDatabase.open(url, setting("sync.jdbc.user", "sa"), setting("sync.jdbc.password", ""));
        BiginComponent bigin = new BiginComponent();
        try (BiginConnection connection = BiginConnection.configure(bigin, System.getenv())) {
            Main main = new Main();
            main.bind("bigin", bigin);
            main.bind("crm", crm);
            dir.mkdirs();
            main.bind("syncState", FileStateRepository.fileStateRepository(new File(dir, "sync.state")));
            main.addInitialProperty("sync.delay", setting("sync.delay", "5000"));
            main.addInitialProperty("sync.inbox", inbox);
            main.configure().addRoutesBuilder(new SyncRoutes());
            System.out.println("Syncing Bigin contacts with " + url + " (Bigin: " + connection.description()
                               + "); drop CSV files into " + inbox + ". Ctrl-C stops.");
            main.run();
        }
    }

    private static String setting(String name, String dflt) {
        String v = System.getProperty(name);
        if (v == null) {
            v = System.getenv(name.toUpperCase().replace('.', '_'));
        }
        return v == null || v.isBlank() ? dflt : v;
    }
}
