package io.cfxtrace.ingest.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
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
  private final StringBuilder csv = new StringBuilder(4096);
  private int rows;

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
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.size() + " columns");
    }
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      append(values[i]);
    }
    csv.append('\n');
    rows++;
  }

  private void append(Object v) {
    if (v == null) {
      return; // unquoted empty: NULL in CSV format
    }
    if (v instanceof Number || v instanceof Boolean) {
      csv.append(v);
    } else if (v instanceof byte[] b) {
      csv.append("\"\\x").append(HEX.formatHex(b)).append('"');
    } else if (v instanceof Instant || v instanceof UUID) {
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

  /** how many rows are buffered. */
  public int size() {
    return rows;
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
    if (rows == 0) {
      return 0;
    }
    String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
    try {
      long n = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
      csv.setLength(0);
      rows = 0;
      return n;
    } catch (IOException e) {
      throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), "08006", e);
    }
  }
}
