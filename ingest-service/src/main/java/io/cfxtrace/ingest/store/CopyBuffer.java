package io.cfxtrace.ingest.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * rows for one table, written with one {@code COPY ... FROM STDIN (FORMAT csv)}: PostgreSQL's
 * fastest way in, one round trip per table per batch.
 *
 * <p>Values: null, String, Number, Boolean, Instant, UUID, JsonNode (as jsonb text), byte[] (as
 * bytea hex). Not thread-safe; one per table per batch.
 */
public final class CopyBuffer {

  private static final HexFormat HEX = HexFormat.of();

  private final String table;
  private final List<String> columns;
  private final List<Object[]> rows = new ArrayList<>();
  private StringBuilder csv = new StringBuilder();
  private @Nullable String encoded;

  /**
   * a buffer for a table.
   *
   * @param table the table name.
   * @param columns the columns, in the order rows give values.
   */
  public CopyBuffer(String table, List<String> columns) {
    this.table = table;
    this.columns = List.copyOf(columns);
  }

  /**
   * adds a row.
   *
   * @param values one value per column.
   * @throws IllegalArgumentException if the count does not match the columns.
   */
  public void add(Object... values) {
    if (encoded != null) {
      throw new IllegalStateException(table + ": rows added after encoding");
    }
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.size() + " columns");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof String s) {
        StoreValues.check(table, columns.get(i), s);
      }
    }
    rows.add(values);
  }

  /**
   * drops the rows added after the buffer held {@code size} rows (an envelope whose rows could not
   * all be made).
   *
   * @param size the row count to go back to.
   */
  public void truncate(int size) {
    if (encoded != null) {
      throw new IllegalStateException(table + ": rows removed after encoding");
    }
    while (rows.size() > size) {
      rows.remove(rows.size() - 1);
    }
  }

  private void append(Object v) {
    if (v == null) {
      return; // unquoted empty: NULL in CSV format
    }
    if (v instanceof Number || v instanceof Boolean) {
      csv.append(v);
    } else if (v instanceof byte[] b) {
      csv.append("\"\\x").append(HEX.formatHex(b)).append('"');
    } else if (v instanceof Instant t) {
      csv.append(StoreTime.of(t));
    } else if (v instanceof UUID) {
      csv.append(v);
    } else {
      String s = v instanceof JsonNode j ? j.toString() : v.toString();
      csv.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"') {
          csv.append('"');
        }
        csv.append(c);
      }
      csv.append('"');
    }
  }

  /**
   * visits the buffered rows (not after {@link #encode}: they are kept until written).
   *
   * @param visitor receives each row; it must not change it.
   */
  public void forEach(java.util.function.Consumer<Object[]> visitor) {
    rows.forEach(visitor);
  }

  /**
   * drops buffered rows.
   *
   * @param drop which rows to drop.
   */
  public void removeIf(java.util.function.Predicate<Object[]> drop) {
    if (encoded != null) {
      throw new IllegalStateException(table + ": rows removed after encoding");
    }
    rows.removeIf(drop);
  }

  /**
   * encodes the rows as CSV now, for a later {@link #copyTo}; the rows cannot change afterwards.
   * Idempotent.
   */
  public void encode() {
    if (encoded == null && !rows.isEmpty()) {
      encoded = csv();
    }
  }

  private String csv() {
    csv = new StringBuilder(rows.size() * 128);
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          csv.append(',');
        }
        append(row[i]);
      }
      csv.append('\n');
    }
    String text = csv.toString();
    csv = new StringBuilder();
    return text;
  }

  /** how many rows are buffered. */
  public int size() {
    return rows.size();
  }

  /** the table name. */
  public String table() {
    return table;
  }

  /**
   * copies the rows into the table on the given connection (inside the caller's transaction) and
   * empties the buffer.
   *
   * @param connection a PostgreSQL connection (pool wrappers are unwrapped).
   * @return rows written.
   * @throws SQLException as PostgreSQL reports it.
   */
  public long copyTo(Connection connection) throws SQLException {
    return copyTo(connection, table);
  }

  /**
   * copies the rows into another table with the same columns (a staging table that a statement
   * then merges into {@link #table}) and empties the buffer.
   *
   * @param connection a PostgreSQL connection (pool wrappers are unwrapped).
   * @param target the table to copy into.
   * @return rows written.
   * @throws SQLException as PostgreSQL reports it.
   */
  public long copyTo(Connection connection, String target) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    String data = encoded != null ? encoded : csv();
    String sql = "COPY " + target + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
    try {
      long n = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data));
      encoded = null;
      rows.clear();
      return n;
    } catch (IOException e) {
      throw new SQLException("COPY into " + target + " failed: " + e.getMessage(), "08006", e);
    }
  }

  /**
   * writes the rows with one INSERT statement each, as a naive writer would (the baseline of the
   * ingest benchmark); the connection's auto-commit decides the transactions.
   *
   * @param connection the connection.
   * @return rows written.
   * @throws SQLException as PostgreSQL reports it.
   */
  public long insertEach(Connection connection) throws SQLException {
    return insertEach(connection, "");
  }

  /**
   * {@link #insertEach(Connection)} with a clause after each INSERT's values.
   *
   * @param connection the connection.
   * @param onConflict for example {@code " on conflict do nothing"}, or empty.
   * @return rows written.
   * @throws SQLException as PostgreSQL reports it.
   */
  public long insertEach(Connection connection, String onConflict) throws SQLException {
    String sql =
        "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")" + onConflict;
    long n = 0;
    try (java.sql.PreparedStatement ps = connection.prepareStatement(sql)) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          bind(ps, i + 1, row[i]);
        }
        n += ps.executeUpdate();
      }
    }
    rows.clear();
    return n;
  }

  private static void bind(java.sql.PreparedStatement ps, int i, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(i, java.sql.Types.OTHER);
    } else if (v instanceof Instant t) {
      ps.setObject(i, java.time.OffsetDateTime.ofInstant(StoreTime.of(t), java.time.ZoneOffset.UTC));
    } else if (v instanceof JsonNode j) {
      org.postgresql.util.PGobject o = new org.postgresql.util.PGobject();
      o.setType("jsonb");
      o.setValue(j.toString());
      ps.setObject(i, o);
    } else if (v instanceof byte[] b) {
      ps.setBytes(i, b);
    } else if (v instanceof String t) {
      ps.setObject(i, t, java.sql.Types.OTHER); // untyped: the server casts to the column (json, text)
    } else {
      ps.setObject(i, v);
    }
  }
}
