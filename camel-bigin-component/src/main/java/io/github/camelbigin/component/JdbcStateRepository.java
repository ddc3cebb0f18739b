package io.github.camelbigin.component;

import javax.sql.DataSource;

/**
 * The JDBC state repository, by the name and package earlier releases gave it.
 *
 * @deprecated use {@link io.github.camelbigin.common.consumer.JdbcStateRepository}
 */
@Deprecated(since = "1.0.0")
public class JdbcStateRepository extends io.github.camelbigin.common.consumer.JdbcStateRepository {

    public JdbcStateRepository(DataSource dataSource) {
        super(dataSource);
    }

    public JdbcStateRepository(DataSource dataSource, String table) {
        super(dataSource, table);
    }
}
