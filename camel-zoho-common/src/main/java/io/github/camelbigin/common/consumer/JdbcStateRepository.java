package io.github.camelbigin.common.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link StateRepository} in a database table, for consumers on several nodes: every read goes to the table, so the
 * node that takes over polling continues exactly where the previous one stopped. (Camel's FileStateRepository caches
 * its file at start, so two nodes would not see each other's progress; Camel ships no shared one besides Cassandra.)
 * <p>
 * Works with any JDBC database that has {@code VARCHAR} and {@code CLOB}/{@code TEXT} (H2, PostgreSQL, MySQL, …). The
 * table is created when missing:
 *
 * <pre>
 * CREATE TABLE CAMEL_BIGIN_STATE (STATE_KEY VARCHAR(255) PRIMARY KEY, STATE_VALUE TEXT)
 * </pre>
 */
@ManagedResource(description = "JDBC based state repository")
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,127}");

    private final DataSource dataSource;
    private final String table;
    private String valueType = "TEXT";

    public JdbcStateRepository(DataSource dataSource) {
        this(dataSource, "CAMEL_BIGIN_STATE");
    }

    public JdbcStateRepository(DataSource dataSource, String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("'" + table + "' is not a table name (letters, digits, _ and .)");
        }
        this.dataSource = dataSource;
        this.table = table;
    }

    /** The SQL type of the value column when the table is created (default TEXT; e.g. CLOB for Oracle). */
    public void setValueType(String valueType) {
        this.valueType = valueType;
    }

    @Override
    protected void doStart() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (STATE_KEY VARCHAR(255) PRIMARY KEY, STATE_VALUE "
                      + valueType + ")");
        }
    }

    @Override
    public String getState(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT STATE_VALUE FROM " + table + " WHERE STATE_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot read the state " + key + " from " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void setState(String key, String value) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET STATE_VALUE = ? WHERE STATE_KEY = ?")) {
                update.setString(1, value);
                update.setString(2, key);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (STATE_KEY, STATE_VALUE) VALUES (?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, value);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot write the state " + key + " to " + table + ": " + e.getMessage(), e);
        }
    }
}
