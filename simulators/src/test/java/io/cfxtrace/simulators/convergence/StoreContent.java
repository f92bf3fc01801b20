package io.cfxtrace.simulators.convergence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * every row of every table of an event store, with the columns that record a delivery left out:
 * per table, the multiset of its rows (a digest per row) and one content hash over them in sorted
 * order, so that two stores compare table by table whatever order their rows were written in.
 *
 * <p>Every base table of the schema is read, tables added by later migrations too, except Flyway's
 * own history. What is compared of a table is all of its columns except those in {@link
 * #PER_DELIVERY}: a column there records how one copy of an envelope reached one ingest instance,
 * which differs between two deliveries of the same envelope and so is not, and cannot be, a
 * function of the set of envelopes. Every other column is derived from the envelopes and must be
 * the same in every store that holds the same envelopes. A column added later is compared unless
 * it is added here with the reason it depends on the delivery.
 *
 * <p>Columns that name the message a row came from ({@code unique_id}, {@code event_time}, {@code
 * valid_from} of unit_alias...) are derived, not delivered: where several messages could give the
 * same row (an alias named at the laser, again at ICT, again when a board is scrapped), a store that
 * is a function of the set of envelopes picks one by what the messages say, never by which came
 * first; so they are compared.
 */
final class StoreContent {

  /**
   * not event-store content: which migrations ran, and when ({@code flyway_schema_history}); how
   * the envelopes were written ({@code transaction_scope}: the normaliser's state per work
   * transaction, whose version counts the batches that wrote it and whose message list follows
   * their arrival; no query reads it); and the last run of {@code ./cfx rebuild} ({@code
   * rebuild_progress}).
   */
  private static final Set<String> NOT_CONTENT = Set.of("flyway_schema_history", "transaction_scope", "rebuild_progress");

  /**
   * the columns that depend on the delivery, per table. Why each one does:
   *
   * <ul>
   *   <li>{@code envelope_key.received_at}: when the batch that stored the envelope first began, on
   *       the clock of the instance that stored it.
   *   <li>{@code raw_message.received_at}: when that copy's last byte arrived at the endpoint.
   *   <li>{@code raw_message.channel}: the listener or subscription of the instance that took the
   *       copy; competing instances and a resend after a restart may take it on another.
   *   <li>{@code raw_message.connection_id}: the AMQP connection, new on every reconnect and
   *       process run.
   *   <li>{@code raw_message.remote_address}: the peer's socket address, a new port per connection.
   *   <li>{@code raw_message.remote_container}: the peer's container: the machine when it publishes
   *       to the listener, the broker when the copy came through a queue.
   *   <li>{@code raw_message.sasl_user}: who authenticated that connection.
   *   <li>{@code raw_message.amqp_address}: the link address the copy came over.
   *   <li>{@code raw_message.amqp_properties}: the properties of the AMQP message that carried the
   *       copy; a replay or a re-publish is another message.
   *   <li>{@code raw_message.batch_index}: the envelope's place in the AMQP message that carried it,
   *       which another sender or a replay batches differently.
   *   <li>{@code raw_message.feed_seq}: the live feed's insertion number (V5): the order in which
   *       rows were stored, the arrival order itself.
   *   <li>{@code dead_letter}: its id is random per row; its time and origin columns record the
   *       delivery as in raw_message. What was refused and why (kind, reason, payload) is compared.
   * </ul>
   */
  static final Map<String, Set<String>> PER_DELIVERY = Map.of(
      "envelope_key", Set.of("received_at"),
      "raw_message", Set.of("received_at", "channel", "connection_id", "remote_address", "remote_container", "sasl_user", "amqp_address",
          "amqp_properties", "batch_index", "feed_seq"),
      "dead_letter", Set.of("dead_letter_id", "received_at", "channel", "connection_id", "remote_address", "remote_container", "sasl_user",
          "amqp_address", "amqp_properties", "batch_index"));

  /** the longest a row is shown in a report. */
  private static final int SHOWN_CHARACTERS = 400;

  /**
   * one table's rows.
   *
   * @param columns the columns compared.
   * @param rows row digest to how many rows have it, in digest order.
   * @param shown row digest to the row as text, cut for a report.
   * @param hash the content hash: every digest with its count, in digest order.
   */
  record Table(List<String> columns, TreeMap<String, Integer> rows, Map<String, String> shown, String hash) {

    int count() {
      return rows.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** the tables by name, in name order. */
  final Map<String, Table> tables;

  private StoreContent(Map<String, Table> tables) {
    this.tables = tables;
  }

  /**
   * reads a store.
   *
   * @param c a connection to it.
   * @return its content.
   * @throws SQLException when it cannot be read.
   */
  static StoreContent read(Connection c) throws SQLException {
    Map<String, List<String>> columns = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("select c.table_name, c.column_name from information_schema.columns c"
        + " join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name"
        + " where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String table = rs.getString(1);
        if (!NOT_CONTENT.contains(table) && !PER_DELIVERY.getOrDefault(table, Set.of()).contains(rs.getString(2))) {
          columns.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> t : columns.entrySet()) {
      tables.put(t.getKey(), table(c, t.getKey(), t.getValue()));
    }
    return new StoreContent(tables);
  }

  private static Table table(Connection c, String name, List<String> columns) throws SQLException {
    TreeMap<String, Integer> rows = new TreeMap<>();
    Map<String, String> shown = new LinkedHashMap<>();
    String select = "select " + String.join(", ", columns.stream().map(StoreContent::quoted).toList()) + " from " + quoted(name);
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns.size(); i++) {
          String v = rs.getString(i);
          // the text PostgreSQL gives; a separator that no value holds keeps columns apart
          row.append(i > 1 ? "\u001f" : "").append(columns.get(i - 1)).append('=').append(v == null ? "\u2400" : v);
        }
        String text = row.toString();
        String digest = sha256(text);
        rows.merge(digest, 1, Integer::sum);
        shown.putIfAbsent(digest, shorten(text.replace('\u001f', ' ').replace('\u2400', '∅')));
      }
    }
    StringBuilder all = new StringBuilder();
    rows.forEach((digest, n) -> all.append(digest).append('*').append(n).append('\n'));
    return new Table(List.copyOf(columns), rows, shown, sha256(all.toString()));
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String shorten(String s) {
    return s.length() <= SHOWN_CHARACTERS ? s : s.substring(0, SHOWN_CHARACTERS) + "…";
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * how this store differs from another, table by table: for each table whose content hash
   * differs, how many rows only one of them has, and a few of those rows.
   *
   * @param expected the store this one should equal.
   * @param expectedName what to call it in the report.
   * @param rowsShown how many differing rows to show per side and table.
   * @return one entry per differing table; empty when every table is equal.
   */
  List<String> differencesFrom(StoreContent expected, String expectedName, int rowsShown) {
    List<String> out = new ArrayList<>();
    Set<String> names = new TreeSet<>(tables.keySet());
    names.addAll(expected.tables.keySet());
    for (String name : names) {
      Table mine = tables.get(name);
      Table theirs = expected.tables.get(name);
      if (mine == null || theirs == null) {
        out.add("table " + name + " exists only in " + (mine == null ? expectedName : "this store"));
        continue;
      }
      if (mine.hash().equals(theirs.hash())) {
        continue;
      }
      List<String> onlyHere = surplus(mine, theirs);
      List<String> onlyThere = surplus(theirs, mine);
      StringBuilder b = new StringBuilder();
      b.append("table ").append(name).append(": ").append(mine.count()).append(" rows here, ").append(theirs.count()).append(" in ")
          .append(expectedName).append("; ").append(onlyHere.size()).append(" only here, ").append(onlyThere.size()).append(" only in ")
          .append(expectedName);
      onlyHere.stream().limit(rowsShown).forEach(r -> b.append("\n      only here:  ").append(r));
      onlyThere.stream().limit(rowsShown).forEach(r -> b.append("\n      only in ").append(expectedName).append(": ").append(r));
      out.add(b.toString());
    }
    return out;
  }

  /** the rows {@code a} has more often than {@code b}, one entry per surplus copy. */
  private static List<String> surplus(Table a, Table b) {
    List<String> out = new ArrayList<>();
    a.rows().forEach((digest, n) -> {
      int extra = n - b.rows().getOrDefault(digest, 0);
      for (int i = 0; i < extra; i++) {
        out.add(a.shown().get(digest));
      }
    });
    // in row order, so that the rows of one unit or package come together
    Collections.sort(out);
    return out;
  }

  /** per table, its row count and content hash (for the report). */
  String summary() {
    StringBuilder b = new StringBuilder();
    tables.forEach((name, t) -> b.append(String.format(java.util.Locale.ROOT, "%n      %-22s %7d rows  %s", name, t.count(), t.hash().substring(0, 16))));
    return b.toString();
  }
}
