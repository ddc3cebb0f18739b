package io.github.camelbigin.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;

import io.github.camelbigin.component.JdbcStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The consumer {@link CrashTest} kills: a bigin consumer whose watermark lives in a {@link JdbcStateRepository} and
 * whose route writes each delivery (record id, event type, Modified_Time, Last_Name) to the same H2 database, committed before
 * the exchange completes — as a route writing to a database would. Runs until killed.
 * <p>
 * Arguments: the emulator's API URL, the JDBC URL, stateSaveEvery.
 */
public final class CrashTestConsumer {

    private CrashTestConsumer() {
    }

    public static void main(String[] args) throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(args[1]);
        Connection keepOpen = db.getConnection(); // the database stays open while the JVM lives
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("create table if not exists deliveries (seq identity primary key,"
                                        + " id varchar(32), type varchar(16), modified varchar(40), name varchar(200))");
        }
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("state", new JdbcStateRepository(db));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigin:Contacts?events=created,updated&fields=Last_Name&stateRepository=#state&delay=100"
                     + "&initialDelay=0&initialPosition=beginning&maxMessagesPerPoll=50&stateSaveEvery=" + args[2]
                     + "&accessToken=" + io.github.camelbigin.emulator.BiginEmulator.ACCESS_TOKEN + "&apiUrl="
                     + args[0]).routeId("crash-test")
                        .process(e -> {
                            try (Connection c = db.getConnection();
                                 PreparedStatement ps = c.prepareStatement(
                                         "insert into deliveries (id, type, modified, name) values (?, ?, ?, ?)")) {
                                ps.setString(1, e.getIn().getHeader("CamelBiginRecordId", String.class));
                                ps.setString(2, e.getIn().getHeader("CamelBiginEventType", String.class));
                                ps.setString(3, String.valueOf(e.getIn().getHeader("CamelBiginModifiedTime")));
                                // the content too: a record changed twice within one second is two versions
                                ps.setString(4, String.valueOf(e.getIn().getBody(java.util.Map.class).get("Last_Name")));
                                ps.executeUpdate();
                            }
                        });
            }
        });
        context.start();
        System.out.println("crash-test consumer started");
        Thread.currentThread().join(); // until killed
        keepOpen.close();
    }
}
