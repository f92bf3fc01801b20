package io.cfxtrace.ingest.store;

import io.cfxtrace.ingest.config.StoreConfiguration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * applies the compression and retention policies of the configuration to the hypertables, at
 * every start (they may have changed). Does nothing on plain PostgreSQL. Retention defaults to
 * keeping everything: audits ask about serials 5-10+ years later.
 */
@Requires(property = "cfx.ingest.enabled", value = "true", defaultValue = "true")
@Context
@Requires(beans = DataSource.class)
public class TimescalePolicies {

  private static final Logger LOG = LoggerFactory.getLogger(TimescalePolicies.class);

  /**
   * applies the policies.
   *
   * @param dataSource the store (Micronaut Flyway migrates it when the bean is created).
   * @param config the store settings.
   * @throws SQLException if the policies cannot be applied.
   */
  @Inject
  public TimescalePolicies(DataSource dataSource, StoreConfiguration config) throws SQLException {
    try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
      List<String> hypertables = hypertables(c);
      if (hypertables.isEmpty()) {
        return;
      }
      apply(c, hypertables, config.compressAfter(), config.retention());
    }
  }

  static List<String> hypertables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet ext = s.executeQuery("select 1 from pg_extension where extname = 'timescaledb'")) {
      if (!ext.next()) {
        return out;
      }
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select hypertable_name from timescaledb_information.hypertables where hypertable_schema = current_schema()")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  static void apply(Connection c, List<String> hypertables, Duration compressAfter, Duration retention) throws SQLException {
    for (String table : hypertables) {
      try (PreparedStatement remove = c.prepareStatement("select remove_compression_policy(?::regclass, if_exists => true)")) {
        remove.setString(1, table);
        remove.execute();
      }
      try (PreparedStatement add = c.prepareStatement("select add_compression_policy(?::regclass, ?::interval)")) {
        add.setString(1, table);
        add.setString(2, compressAfter.getSeconds() + " seconds");
        add.execute();
      }
      try (PreparedStatement remove = c.prepareStatement("select remove_retention_policy(?::regclass, if_exists => true)")) {
        remove.setString(1, table);
        remove.execute();
      }
      if (!retention.isZero()) {
        try (PreparedStatement add = c.prepareStatement("select add_retention_policy(?::regclass, ?::interval)")) {
          add.setString(1, table);
          add.setString(2, retention.getSeconds() + " seconds");
          add.execute();
        }
      }
    }
    LOG.info("TimescaleDB policies: compress after {}, retention {}", compressAfter, retention.isZero() ? "forever" : retention);
  }
}
