package io.cfxtrace.query.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** the current row of a result set, read by column name with SQL NULL as {@code null}. */
public final class Row {

  private final ResultSet rs;

  Row(ResultSet rs) {
    this.rs = rs;
  }

  /** a text column. */
  public @Nullable String text(String column) throws SQLException {
    return rs.getString(column);
  }

  /** an integer column. */
  public @Nullable Integer integer(String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  /** a {@code bigint} column. */
  public @Nullable Long whole(String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  /** a floating-point column. */
  public @Nullable Double decimal(String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  /** a {@code timestamptz} column. */
  public @Nullable Instant time(String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
