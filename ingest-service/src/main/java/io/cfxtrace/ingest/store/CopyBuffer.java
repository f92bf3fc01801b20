package io.cfxtrace.ingest.store;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * rows for one table, written with one {@code COPY ... FROM STDIN (FORMAT csv)}: PostgreSQL's
 * fastest way in, one round trip per table per batch.
 *
 * <p>Rows are encoded as CSV as they are added, into chunks of 256 K characters, and not kept as
 * objects: the 64,000 measurement rows of a 30 MB inspection result are held as their CSV text
 * only (issue #13). A buffer whose rows are read back while writing ({@link #forEach}, as the
 * material setups are) or written one by one ({@link #insertEach}) keeps them: {@link
 * #keepRowsAfterEncoding}, before any row is added.
 *
 * <p>Values: null, String, Number, Boolean, Instant, UUID, JsonNode (as jsonb text), byte[] (as
 * bytea hex). Not thread-safe; one per table per batch.
 */
public final class CopyBuffer {

  private static final HexFormat HEX = HexFormat.of();

  private final String table;
  private final List<String> columns;
  /** each column as {@code table.column}, for the reason of a refused value. */
  private final String[] fields;
  /** which columns hold keys ({@link StoreValues#isKey}). */
  private final boolean[] keys;
  /** the last time encoded and its text: the rows of one message mostly share their time. */
  private @org.jspecify.annotations.Nullable Instant lastTime;
  private String lastTimeText = "";
  /** the rows, only when kept ({@link #keepRowsAfterEncoding}). */
  private final List<Object[]> rows = new ArrayList<>();
  /** the chunk being written. */
  private StringBuilder csv = new StringBuilder();
  /** the rows as CSV: chunks of text and, in their places, streamed values. */
  private final List<Object> parts = new ArrayList<>();
  /** where each row's CSV ends: the part the current chunk will become, and its length then. */
  private int[] rowEndPart = new int[64];
  private int[] rowEndChar = new int[64];
  /** whether {@link #encode} ran: no row may change afterwards. */
  private boolean encoded;
  /** rows held. */
  private int count;
  /** whether the rows are kept as objects too (for {@link #forEach} while writing). */
  private boolean keepRows;

  /**
   * encoded rows are cut into chunks of about this many characters, not one text: below half a
   * G1 region of a small heap, so that no chunk is a humongous object.
   */
  private static final int CHUNK_CHARS = 256 * 1024;

  /**
   * a value too large to hold as one text, such as the 30 MB JSON of a large inspection result
   * (issue #13): it is read as the rows are copied into the database, quoted as it streams.
   */
  @FunctionalInterface
  public interface Streamed {
    /**
     * opens the value's text.
     *
     * @return its UTF-8 bytes.
     */
    java.io.InputStream open();
  }

  /**
   * a buffer for a table.
   *
   * @param table the table name.
   * @param columns the columns, in the order rows give values.
   */
  public CopyBuffer(String table, List<String> columns) {
    this.table = table;
    this.columns = List.copyOf(columns);
    this.fields = new String[columns.size()];
    this.keys = new boolean[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = table + "." + columns.get(i);
      keys[i] = StoreValues.isKey(columns.get(i));
    }
  }

  /**
   * adds a row.
   *
   * @param values one value per column.
   * @throws IllegalArgumentException if the count does not match the columns.
   */
  public void add(Object... values) {
    if (encoded) {
      throw new IllegalStateException(table + ": rows added after encoding");
    }
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.size() + " columns");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof String s) {
        StoreValues.check(fields[i], s, keys[i]);
      }
    }
    if (keepRows) {
      rows.add(values);
    } else {
      encodeRow(values);
      if (count == rowEndPart.length) {
        rowEndPart = java.util.Arrays.copyOf(rowEndPart, count * 2);
        rowEndChar = java.util.Arrays.copyOf(rowEndChar, count * 2);
      }
      rowEndPart[count] = parts.size();
      rowEndChar[count] = csv.length();
    }
    count++;
  }

  /**
   * a row's CSV line, into the current chunk, which is closed once it reaches {@link
   * #CHUNK_CHARS}; a streamed value closes the chunk and stands after it.
   */
  private void encodeRow(Object[] row) {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      if (row[i] instanceof Streamed value) {
        csv.append('"');
        parts.add(csv.toString());
        parts.add(value);
        csv.setLength(0);
        csv.append('"');
      } else {
        append(row[i]);
      }
    }
    csv.append('\n');
    if (csv.length() >= CHUNK_CHARS) {
      parts.add(csv.toString());
      csv.setLength(0);
    }
  }

  /**
   * drops the rows added after the buffer held {@code size} rows (an envelope whose rows could not
   * all be made).
   *
   * @param size the row count to go back to.
   */
  public void truncate(int size) {
    if (encoded) {
      throw new IllegalStateException(table + ": rows removed after encoding");
    }
    if (size >= count) {
      return;
    }
    if (keepRows) {
      while (rows.size() > size) {
        rows.remove(rows.size() - 1);
      }
    } else if (size == 0) {
      parts.clear();
      csv.setLength(0);
    } else {
      // back to where row size-1 ended: in the current chunk, or in one written out since, which
      // then begins with exactly the text the chunk held at that point
      int part = rowEndPart[size - 1];
      int chars = rowEndChar[size - 1];
      if (part < parts.size()) {
        csv = new StringBuilder(((String) parts.get(part)).substring(0, chars));
        parts.subList(part, parts.size()).clear();
      } else {
        csv.setLength(chars);
      }
    }
    count = size;
  }

  private void append(Object v) {
    if (v == null) {
      return; // unquoted empty: NULL in CSV format
    }
    if (v instanceof Double d) {
      // Schubfach (as in JDK 19+'s Double.toString): the shortest text that reads back as the same
      // double, several times faster than JDK 17's Double.toString; a 30 MB SPI result has over a
      // million doubles
      csv.append(NumberOutput.toString(d, true));
    } else if (v instanceof Number || v instanceof Boolean) {
      csv.append(v);
    } else if (v instanceof byte[] b) {
      csv.append("\"\\x").append(HEX.formatHex(b)).append('"');
    } else if (v instanceof Instant t) {
      if (!t.equals(lastTime)) {
        lastTime = t;
        lastTimeText = StoreTime.of(t).toString();
      }
      csv.append(lastTimeText);
    } else if (v instanceof UUID) {
      csv.append(v);
    } else {
      String s = v instanceof JsonNode j ? j.toString() : v.toString();
      if (s.indexOf('"') < 0) {
        csv.append('"').append(s).append('"');
        return;
      }
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
   * keeps the rows visible to {@link #forEach} after {@link #encode} (which otherwise lets them go).
   *
   * @return this buffer.
   */
  public CopyBuffer keepRowsAfterEncoding() {
    if (count > 0 && !keepRows) {
      throw new IllegalStateException(table + ": rows are kept only if asked before the first is added");
    }
    keepRows = true;
    return this;
  }

  /**
   * visits the buffered rows (after {@link #encode} only if {@link #keepRowsAfterEncoding}).
   *
   * @param visitor receives each row; it must not change it.
   */
  public void forEach(java.util.function.Consumer<Object[]> visitor) {
    requireRows("visited");
    rows.forEach(visitor);
  }

  /**
   * drops buffered rows.
   *
   * @param drop which rows to drop.
   */
  public void removeIf(java.util.function.Predicate<Object[]> drop) {
    if (encoded) {
      throw new IllegalStateException(table + ": rows removed after encoding");
    }
    requireRows("removed");
    rows.removeIf(drop);
    count = rows.size();
  }

  private void requireRows(String what) {
    if (!keepRows) {
      throw new IllegalStateException(table + ": rows " + what + " that were encoded as they were added (keepRowsAfterEncoding)");
    }
  }

  /**
   * finishes the rows' CSV now, for a later {@link #copyTo}; the rows cannot change afterwards.
   * Idempotent.
   */
  public void encode() {
    if (!encoded) {
      csv();
      encoded = true;
    }
  }

  /** completes {@link #parts}: the kept rows encoded, and the current chunk closed. */
  private List<Object> csv() {
    if (keepRows && !encoded) {
      for (Object[] row : rows) {
        encodeRow(row);
      }
    }
    if (csv.length() > 0) {
      parts.add(csv.toString());
      csv = new StringBuilder();
    }
    return parts;
  }

  /** the encoded parts as one stream: chunks as they are, streamed values with quotes doubled. */
  private static java.io.InputStream stream(List<Object> parts) {
    java.util.Iterator<Object> it = parts.iterator();
    return new java.io.SequenceInputStream(
        new java.util.Enumeration<java.io.InputStream>() {
          @Override
          public boolean hasMoreElements() {
            return it.hasNext();
          }

          @Override
          public java.io.InputStream nextElement() {
            Object part = it.next();
            return part instanceof String text
                ? new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))
                : new QuoteDoubling(((Streamed) part).open());
          }
        });
  }

  /** CSV quoting of a streamed value: each {@code "} written twice (UTF-8 never has 0x22 inside a multi-byte character). */
  private static final class QuoteDoubling extends java.io.InputStream {
    private final java.io.InputStream in;
    private final byte[] buf = new byte[16384];
    private int pos;
    private int end;
    private boolean pendingQuote;

    QuoteDoubling(java.io.InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (pendingQuote) {
        pendingQuote = false;
        return '"';
      }
      if (pos == end) {
        end = in.read(buf, 0, buf.length);
        pos = 0;
        if (end <= 0) {
          end = 0;
          return -1;
        }
      }
      byte b = buf[pos++];
      if (b == '"') {
        pendingQuote = true;
      }
      return b & 0xFF;
    }

    /** copies what the buffer holds in one pass, each quote twice (a 30 MB envelope streams through here). */
    @Override
    public int read(byte[] out, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int n = 0;
      if (pendingQuote) {
        pendingQuote = false;
        out[off + n++] = '"';
      }
      if (pos == end && n == 0) {
        end = in.read(buf, 0, buf.length);
        pos = 0;
        if (end <= 0) {
          end = 0;
          return -1;
        }
      }
      byte[] in = buf;
      int p = pos;
      int e = end;
      int o = off + n;
      int limit = off + len;
      while (o < limit && p < e) {
        byte b = in[p++];
        out[o++] = b;
        if (b == '"') {
          if (o < limit) {
            out[o++] = '"';
          } else {
            pendingQuote = true;
          }
        }
      }
      pos = p;
      return o - off;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** empties the buffer once written. */
  private void clear() {
    encoded = false;
    rows.clear();
    parts.clear();
    csv.setLength(0);
    count = 0;
  }

  /** how many rows are buffered. */
  public int size() {
    return count;
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
    if (count == 0) {
      return 0;
    }
    List<Object> data = csv();
    String sql = "COPY " + target + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
    try {
      long n = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, stream(data), 65536);
      clear();
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
    requireRows("inserted one by one");
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
    clear();
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
    } else if (v instanceof Streamed t) {
      try (java.io.InputStream in = t.open()) {
        ps.setObject(i, new String(in.readAllBytes(), StandardCharsets.UTF_8), java.sql.Types.OTHER);
      } catch (IOException e) {
        throw new SQLException("reading a streamed value failed: " + e.getMessage(), "58030", e);
      }
    } else if (v instanceof String t) {
      ps.setObject(i, t, java.sql.Types.OTHER); // untyped: the server casts to the column (json, text)
    } else {
      ps.setObject(i, v);
    }
  }
}
