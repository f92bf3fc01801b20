package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * turns the time-series tables into TimescaleDB hypertables, with compression segmented by station
 * or unit, when the server has TimescaleDB preloaded; on plain PostgreSQL it does nothing and the
 * tables stay as V1 made them (BRIN-indexed, equally queryable).
 *
 * <p>Compression and retention policies are applied at start-up from the configuration (they can
 * change), by {@code io.cfxtrace.ingest.store.TimescalePolicies}.
 */
public class V2__TimescaleDb extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V2__TimescaleDb.class);

  /** table, time column, chunk interval, segment-by column(s). */
  private record Hypertable(String table, String time, String chunk, String segmentBy) {}

  /** the tables that grow with production volume; genealogy and interval tables stay plain. */
  static final List<Hypertable> HYPERTABLES =
      List.of(
          new Hypertable("raw_message", "received_at", "1 day", "source"),
          new Hypertable("dead_letter", "received_at", "7 days", "channel"),
          new Hypertable("unit_event", "event_time", "7 days", "station"),
          new Hypertable("unit_material", "installed_at", "7 days", "station"),
          new Hypertable("unit_check", "event_time", "7 days", "station"),
          new Hypertable("measurement", "event_time", "1 day", "station"),
          new Hypertable("process_value", "event_time", "7 days", "station"),
          new Hypertable("station_event", "event_time", "7 days", "station"));

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    if (!timescaleLoaded(c)) {
      LOG.info("TimescaleDB is not loaded on this server: the event store uses plain PostgreSQL tables");
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("create extension if not exists timescaledb");
      for (Hypertable h : HYPERTABLES) {
        s.execute(
            "select create_hypertable('" + h.table() + "', by_range('" + h.time() + "', interval '" + h.chunk()
                + "'), migrate_data => true, if_not_exists => true)");
        s.execute(
            "alter table " + h.table() + " set (timescaledb.compress, timescaledb.compress_segmentby = '" + h.segmentBy()
                + "', timescaledb.compress_orderby = '" + h.time() + "')");
      }
    }
    LOG.info("TimescaleDB: {} hypertables with compression", HYPERTABLES.size());
  }

  /** whether TimescaleDB can be used: installed and preloaded (CREATE EXTENSION needs both). */
  static boolean timescaleLoaded(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select exists (select 1 from pg_available_extensions where name = 'timescaledb'),"
                    + " coalesce(current_setting('shared_preload_libraries', true), '') like '%timescaledb%'")) {
      rs.next();
      return rs.getBoolean(1) && rs.getBoolean(2);
    }
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }
}
