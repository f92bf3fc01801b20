package io.cfxtrace.ingest.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * the rows one database transaction writes: a COPY buffer per table, plus the few updates that
 * close intervals (a reel unloaded, an operator logged off). Tables and columns are declared here,
 * next to V1__event_store.sql and the later migrations that add to it.
 */
public final class StoreBatch {

  /** envelopes as received. */
  public final CopyBuffer rawMessages =
      new CopyBuffer(
          "raw_message",
          List.of(
              "received_at", "unique_id", "unique_id_text", "message_name", "typed", "source", "target", "request_id", "version",
              "event_time", "event_time_text", "channel", "connection_id", "remote_address", "remote_container", "sasl_user",
              "amqp_address", "amqp_properties", "batch_index", "envelope"));

  /** what could not be decoded or normalised. */
  public final CopyBuffer deadLetters =
      new CopyBuffer(
          "dead_letter",
          List.of(
              "received_at", "dead_letter_id", "channel", "connection_id", "remote_address", "remote_container", "sasl_user",
              "amqp_address", "amqp_properties", "batch_index", "kind", "reason", "payload"));

  /** per-unit events. */
  public final CopyBuffer unitEvents =
      new CopyBuffer(
          "unit_event",
          List.of(
              "event_time", "unit_id", "panel_id", "position", "event_type", "station", "lane", "stage", "transaction_id", "result",
              "operator", "recipe", "message_name", "unique_id", "details", "work_order", "work_order_batch", "event_tick"));

  /** provisional unit keys resolved to serials. */
  public final CopyBuffer unitAliases = new CopyBuffer("unit_alias", List.of("alias", "unit_id", "event_time", "unique_id", "valid_from", "transaction_id"));

  /** genealogy edges. */
  public final CopyBuffer unitEdges =
      new CopyBuffer(
          "unit_edge",
          List.of("parent_id", "child_id", "kind", "position", "reference_designator", "station", "transaction_id", "event_time", "unique_id"));

  /** units of transactions by position. */
  public final CopyBuffer transactionUnits =
      new CopyBuffer("transaction_unit", List.of("transaction_id", "position", "unit_id", "panel_id", "station", "event_time", "unique_id"));

  /** opened material setup intervals. */
  public final CopyBuffer materialSetups =
      new CopyBuffer(
          "material_setup",
          List.of(
              "station", "location_identifier", "location_name", "material_package_id", "part_number", "lot", "carrier_id", "carrier",
              "loaded_at", "unloaded_at", "ended_by", "loaded_unique_id", "loaded_tick", "unloaded_tick"))
          .keepRowsAfterEncoding(); // writeTo locks their stations and closes their setups

  /** material package events. */
  public final CopyBuffer materialEvents =
      new CopyBuffer(
          "material_event",
          List.of("event_time", "material_package_id", "event_type", "part_number", "lot", "quantity", "related_package_id", "station", "unique_id", "details",
              "event_tick"));

  /** component lot to serial links. */
  public final CopyBuffer unitMaterials =
      new CopyBuffer(
          "unit_material",
          List.of(
              "installed_at", "unit_id", "reference_designator", "material_package_id", "part_number", "lot", "quantity", "station",
              "location_identifier", "carrier_id", "head_and_nozzle", "transaction_id", "installed_unit_id", "link_kind", "unique_id",
              "leading_package_id", "splice_chain", "grey_zone", "reference_part_number", "rejection_reason", "details"));

  /** material packages: what each message said about a package (V4). */
  public final CopyBuffer materialPackages =
      new CopyBuffer(
          "material_package",
          List.of(
              "event_time", "material_package_id", "message_name", "station", "internal_part_number", "internal_package_name", "lot",
              "manufacturer", "manufacturer_part_number", "manufacturer_lot_code", "vendor", "vendor_part_number", "units", "initial_quantity",
              "quantity", "status", "created_at", "manufactured_at", "received_at", "expires_at", "leading_package_id", "batch_package_id",
              "unique_id", "details", "content_hash"));

  /** inspections, tests, repairs. */
  public final CopyBuffer unitChecks =
      new CopyBuffer(
          "unit_check",
          List.of(
              "event_time", "unit_id", "check_kind", "name", "check_id", "result", "started_at", "ended_at", "station", "transaction_id",
              "method", "operator", "recipe", "unique_id", "details"));

  /** measurement vectors; the geometry of deposits and inspected features in columns since V17 ({@link #GEOMETRY}). */
  public final CopyBuffer measurements =
      new CopyBuffer(
          "measurement",
          List.of(
              "event_time", "unit_id", "check_kind", "check_name", "name", "designators", "value", "value_text", "expected",
              "lower_limit", "upper_limit", "unit_of_measure", "result", "sequence", "station", "transaction_id", "unique_id", "details",
              "x", "ex", "y", "ey", "z", "ez", "dx", "dy", "dz", "vol", "e_vol", "a", "ea", "ar", "px", "py", "rxy", "rzx", "rzy"));

  /** how many geometry columns follow details in {@link #measurements}. */
  public static final int GEOMETRY = 19;

  /** defects and symptoms. */
  public final CopyBuffer defects =
      new CopyBuffer(
          "defect",
          List.of(
              "event_time", "unit_id", "defect_id", "check_name", "defect_code", "category", "description", "reference_designator",
              "part_number", "priority", "confidence", "verification", "station", "transaction_id", "unique_id"));

  /** process data; zone_sequence since V10. */
  public final CopyBuffer processValues =
      new CopyBuffer(
          "process_value",
          List.of(
              "event_time", "unit_id", "transaction_id", "station", "process_kind", "zone", "sub_zone", "parameter", "value", "value_text",
              "unit_of_measure", "unique_id", "zone_sequence"));

  /** personalisation. */
  public final CopyBuffer characteristics =
      new CopyBuffer("unit_characteristic", List.of("event_time", "unit_id", "name", "value", "station", "transaction_id", "unique_id"));

  /** opened operator sessions. */
  public final CopyBuffer operatorSessions =
      new CopyBuffer(
          "operator_session",
          List.of("station", "operator_id", "operator_name", "login_name", "activated_at", "deactivated_at", "unique_id", "activated_tick", "deactivated_tick"))
          .keepRowsAfterEncoding(); // writeTo locks their stations and closes their sessions

  /** station states, faults, recipes. */
  public final CopyBuffer stationEvents =
      new CopyBuffer(
          "station_event",
          List.of(
              "event_time", "station", "event_type", "state_code", "state_name", "old_state_code", "fault_code", "fault_id", "severity",
              "description", "message_name", "unique_id", "details", "event_tick"));

  private final List<CopyBuffer> all =
      List.of(
          rawMessages, deadLetters, unitEvents, unitAliases, unitEdges, transactionUnits, materialSetups, materialEvents, materialPackages, unitMaterials,
          unitChecks, measurements, defects, processValues, characteristics, operatorSessions, stationEvents);

  /** an interval to close, applied after the copies (so that one opened in the batch closes too). */
  private record Close(String station, String sql, Object[] params) {}

  private final List<Close> closes = new ArrayList<>();

  /** the work transactions whose rows this batch replaces (derived again from all their messages). */
  private final Set<String> rederived = new TreeSet<>();

  /** the transaction scope rows this batch writes, claimed first (see {@link #claimScope}). */
  private final Map<String, Object[]> scopes = new TreeMap<>();

  /**
   * the tables whose rows a work transaction's messages produce, each with a {@code
   * transaction_id} column and an index on it (V1, V8): what {@link #rederive} deletes.
   */
  private static final List<String> TRANSACTION_TABLES =
      List.of("unit_event", "unit_alias", "unit_edge", "transaction_unit", "unit_material", "unit_check", "measurement", "defect", "process_value",
          "unit_characteristic");

  /**
   * a stored time and its tick (the 100 ns {@link StoreTime#of} cuts off) as a row that compares in
   * their order; a tick stored before V15 (null) counts as 0, as V14's {@code event_tick} does.
   */
  private static String at(String time, String tick) {
    return "(" + time + ", coalesce(" + tick + ", 0))";
  }

  /**
   * whether a setup's stored end comes after the end given by the parameters (time, tick, reason,
   * reason): the order of ends is time and tick, then an explicit end (unloaded, empty, splice)
   * before 'replaced' (a splice's new reel is loaded at the splice's instant at the same location),
   * then the reason's name; the earliest end in that order is the setup's, whatever order they
   * arrive in.
   */
  private static final String LATER_END =
      "(unloaded_at, coalesce(unloaded_tick, 0), ended_by = 'replaced', ended_by) > (?, ?, ? = 'replaced', ?)";

  /**
   * closes the setup intervals of a material package at a station that began at or before {@code
   * at} (to the 100 ns), unless an earlier end is known: a setup ends at the earliest end after its
   * start, whatever order the ends arrive in (the same rule as {@link #SETUP_ENDS} for a setup
   * stored after its end). Ties of time go to the smaller reason, so that every order gives the
   * same row. The time alone is compared first, so that the index on {@code (station, loaded_at)}
   * serves; the tick refines within the microsecond.
   *
   * @param station the station.
   * @param packageId the material package (reel) id.
   * @param at when it ended.
   * @param endedBy unloaded, empty or splice.
   */
  public void closeMaterialSetup(String station, String packageId, Instant at, String endedBy) {
    Short tick = StoreTime.tick(at);
    closes.add(
        new Close(station,
            "update material_setup set unloaded_at = ?, unloaded_tick = ?, ended_by = ? where station = ? and material_package_id = ?"
                + " and loaded_at <= ? and " + at("loaded_at", "loaded_tick") + " <= (?, ?) and (unloaded_at is null or " + LATER_END + ")",
            new Object[] {at, tick, endedBy, station, packageId, at, at, tick, at, tick, endedBy, endedBy}));
  }

  /**
   * closes the setup intervals at a station location that began before {@code at} (to the 100 ns:
   * a reel loaded 100 ns after another in the same microsecond replaces it), when another package
   * is loaded there (ended by 'replaced'), unless an earlier end is known.
   *
   * @param station the station.
   * @param locationIdentifier the location (slot, feeder position).
   * @param at when it was replaced.
   */
  public void closeMaterialSetupAtLocation(String station, String locationIdentifier, Instant at) {
    Short tick = StoreTime.tick(at);
    closes.add(
        new Close(station,
            "update material_setup set unloaded_at = ?, unloaded_tick = ?, ended_by = 'replaced' where station = ? and location_identifier = ?"
                + " and loaded_at <= ? and " + at("loaded_at", "loaded_tick") + " < (?, ?) and (unloaded_at is null or " + LATER_END + ")",
            new Object[] {at, tick, station, locationIdentifier, at, at, tick, at, tick, "replaced", "replaced"}));
  }

  /**
   * closes an operator's sessions at a station that began at or before {@code at} (to the 100 ns),
   * unless an earlier deactivation is known (the same rule as {@link #SESSION_ENDS}).
   *
   * @param station the station.
   * @param operatorId the operator.
   * @param at when.
   */
  public void closeOperatorSession(String station, String operatorId, Instant at) {
    Short tick = StoreTime.tick(at);
    closes.add(
        new Close(station,
            "update operator_session set deactivated_at = ?, deactivated_tick = ? where station = ? and operator_id = ? and activated_at <= ?"
                + " and " + at("activated_at", "activated_tick") + " <= (?, ?)"
                + " and (deactivated_at is null or " + at("deactivated_at", "deactivated_tick") + " > (?, ?))",
            new Object[] {at, tick, station, operatorId, at, at, tick, at, tick}));
  }

  /**
   * the end of every setup this batch opened, from the ends the store already holds: the earliest
   * unload, empty or splice of its package at its station at or after its start, or the earliest
   * later load at its location, in the order of time and tick; the same rule {@link
   * #closeMaterialSetup} and {@link #closeMaterialSetupAtLocation} apply to setups stored earlier.
   * Times are compared alone first (the indexes on {@code material_event (material_package_id,
   * event_time)} and {@code material_setup (station, loaded_at)} serve), then with their ticks.
   */
  private static final String SETUP_ENDS =
      "update material_setup s set unloaded_at = x.at, unloaded_tick = x.tick, ended_by = x.reason from ("
          + " select n.ctid as id, e.at, e.tick, e.reason from material_setup n cross join lateral ("
          + "  select c.at, c.tick, c.reason from ("
          + "   select m.event_time as at, coalesce(m.event_tick, 0) as tick,"
          + "   case m.event_type when 'splice_depleted' then 'splice' else m.event_type end as reason"
          + "   from material_event m where m.material_package_id = n.material_package_id and m.station = n.station"
          + "   and m.event_type in ('unloaded', 'empty', 'splice_depleted') and m.event_time >= n.loaded_at"
          + "   and " + at("m.event_time", "m.event_tick") + " >= " + at("n.loaded_at", "n.loaded_tick")
          + "   union all select l.loaded_at, coalesce(l.loaded_tick, 0), 'replaced' from material_setup l where l.station = n.station"
          + "   and l.location_identifier = n.location_identifier and l.loaded_at >= n.loaded_at"
          + "   and " + at("l.loaded_at", "l.loaded_tick") + " > " + at("n.loaded_at", "n.loaded_tick") + ") c"
          + "  order by c.at, c.tick, c.reason = 'replaced', c.reason limit 1) e"
          + " where n.loaded_unique_id = any(?)) x where s.ctid = x.id";

  /**
   * the end of every operator session this batch opened: the earliest deactivation at or after its
   * start, in the order of time and tick (the deactivation's {@code station_event.event_tick}, V14).
   */
  private static final String SESSION_ENDS =
      "update operator_session s set deactivated_at = x.at, deactivated_tick = x.tick from ("
          + " select n.ctid as id, d.at, d.tick from operator_session n cross join lateral ("
          + "  select d.event_time as at, coalesce(d.event_tick, 0) as tick from station_event d where d.station = n.station"
          + "  and d.event_type = 'operator_deactivated' and d.details->>'operator' = n.operator_id and d.event_time >= n.activated_at"
          + "  and " + at("d.event_time", "d.event_tick") + " >= " + at("n.activated_at", "n.activated_tick")
          + "  order by d.event_time, coalesce(d.event_tick, 0) limit 1) d"
          + " where n.unique_id = any(?)) x where s.ctid = x.id";

  /**
   * replaces the rows of a work transaction: they are deleted before this batch's rows are
   * written, and the batch carries the rows derived again from all of the transaction's messages.
   *
   * @param transactionId the transaction.
   */
  public void rederive(String transactionId) {
    rederived.add(transactionId);
  }

  /**
   * writes a work transaction's scope row, on the condition that nobody else wrote it since it was
   * read at {@code version - 1} (0: not stored yet). Claims are made first, in transaction id
   * order, so that instances meeting on the same transactions wait for each other in one order.
   *
   * @param transactionId the transaction.
   * @param version the version this batch writes.
   * @param state the normaliser's state after the transaction's messages.
   */
  public void claimScope(String transactionId, int version, JsonNode state) {
    scopes.put(transactionId, new Object[] {transactionId, version, state});
  }

  /**
   * a scope row was written by another batch (of another instance) since this batch read it: the
   * batch must be normalised again on what the store holds now. SQLState 40001 (serialization
   * failure): a transient conflict, retried.
   */
  public static final class StaleScope extends SQLException {
    private static final long serialVersionUID = 1L;

    StaleScope(int claimed, int expected) {
      super(claimed + " of " + expected + " transaction scopes were as the batch read them; another writer changed the others", "40001");
    }
  }

  /**
   * keeps every table's rows as objects (they are otherwise encoded as they are added), for tests
   * and tools that read a batch's rows or write them one by one; before any row is added.
   *
   * @return this batch.
   */
  public StoreBatch keepRowsAfterEncoding() {
    all.forEach(CopyBuffer::keepRowsAfterEncoding);
    return this;
  }

  /**
   * encodes the rows for COPY now rather than in {@link #writeTo}, so that a thread other than
   * the one waiting for the database does that work; no row may be added or removed afterwards.
   */
  public void encode() {
    for (CopyBuffer b : all) {
      b.encode();
    }
  }

  /**
   * writes everything on the connection, inside the caller's transaction: the scope claims, the
   * locks of the stations whose material setups or operator sessions change, the deletion of
   * transactions derived again, the copies, then the interval ends.
   *
   * @param connection the connection.
   * @return rows written.
   * @throws StaleScope when another writer changed a transaction this batch read.
   * @throws SQLException as PostgreSQL reports it.
   */
  public long writeTo(Connection connection) throws SQLException {
    long rows = claimScopes(connection);
    lockStations(connection);
    for (String table : TRANSACTION_TABLES) {
      if (!rederived.isEmpty()) {
        try (PreparedStatement ps = connection.prepareStatement("delete from " + table + " where transaction_id = any(?)")) {
          ps.setArray(1, connection.createArrayOf("text", rederived.toArray()));
          rows += ps.executeUpdate();
        }
      }
    }
    UUID[] setups = uniqueIds(materialSetups, 11);
    UUID[] sessions = uniqueIds(operatorSessions, 6);
    for (CopyBuffer b : all) {
      rows += b == materialPackages ? mergePackages(connection) : b.copyTo(connection);
    }
    rows += update(connection, SETUP_ENDS, setups);
    rows += update(connection, SESSION_ENDS, sessions);
    for (Close c : closes) {
      try (PreparedStatement ps = connection.prepareStatement(c.sql())) {
        for (int i = 0; i < c.params().length; i++) {
          Object p = c.params()[i];
          if (p instanceof Instant t) {
            ps.setTimestamp(i + 1, Timestamp.from(StoreTime.of(t)));
          } else {
            ps.setObject(i + 1, p);
          }
        }
        rows += ps.executeUpdate();
      }
    }
    closes.clear();
    rederived.clear();
    scopes.clear();
    return rows;
  }

  private long claimScopes(Connection connection) throws SQLException {
    if (scopes.isEmpty()) {
      return 0;
    }
    ArrayNode claims = JsonNodeFactory.instance.arrayNode();
    for (Object[] s : scopes.values()) {
      claims.addObject().put("t", (String) s[0]).put("v", (Integer) s[1]).set("s", (JsonNode) s[2]);
    }
    try (PreparedStatement ps = connection.prepareStatement(
        "insert into transaction_scope as s (transaction_id, version, state)"
            + " select x.t, x.v, x.s from jsonb_to_recordset(?::jsonb) as x(t text, v int, s jsonb) order by x.t"
            + " on conflict (transaction_id) do update set version = excluded.version, state = excluded.state where s.version = excluded.version - 1")) {
      ps.setString(1, claims.toString());
      int claimed = ps.executeUpdate();
      if (claimed != scopes.size()) {
        throw new StaleScope(claimed, scopes.size());
      }
      return claimed;
    }
  }

  /**
   * transaction-level advisory locks on the stations whose setups or sessions this batch opens or
   * closes, in one order: two instances deriving interval ends at one station see each other's
   * rows (an end stored by one while the other inserts the setup it closes).
   */
  private void lockStations(Connection connection) throws SQLException {
    Set<String> stations = new TreeSet<>();
    closes.forEach(c -> stations.add(c.station()));
    materialSetups.forEach(r -> stations.add((String) r[0]));
    operatorSessions.forEach(r -> stations.add((String) r[0]));
    if (stations.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement(
        "select count(pg_advisory_xact_lock(k)) from (select hashtextextended('cfx-station:' || s, 0) as k from unnest(?::text[]) s order by 1) q")) {
      ps.setArray(1, connection.createArrayOf("text", stations.toArray()));
      ps.executeQuery().close();
    }
  }

  private static UUID[] uniqueIds(CopyBuffer b, int column) {
    Set<UUID> ids = new TreeSet<>();
    b.forEach(r -> ids.add((UUID) r[column]));
    return ids.toArray(UUID[]::new);
  }

  private static long update(Connection connection, String sql, UUID[] ids) throws SQLException {
    if (ids.length == 0) {
      return 0;
    }
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setArray(1, connection.createArrayOf("uuid", ids));
      return ps.executeUpdate();
    }
  }

  /**
   * material_package rows through a staging table: one row per package and content, the earliest
   * (event_time, unique_id) that stated it kept (V8).
   */
  private long mergePackages(Connection connection) throws SQLException {
    if (materialPackages.size() == 0) {
      return 0;
    }
    try (Statement st = connection.createStatement()) {
      st.execute("create temporary table if not exists material_package_stage (like material_package) on commit delete rows");
    }
    materialPackages.copyTo(connection, "material_package_stage");
    try (Statement st = connection.createStatement()) {
      return st.executeUpdate(
          "insert into material_package select distinct on (material_package_id, content_hash) * from material_package_stage"
              + " order by material_package_id, content_hash, event_time, unique_id"
              + " on conflict (material_package_id, content_hash) do update set event_time = excluded.event_time,"
              + " message_name = excluded.message_name, station = excluded.station, unique_id = excluded.unique_id"
              + " where (excluded.event_time, excluded.unique_id) < (material_package.event_time, material_package.unique_id)");
    }
  }

  /**
   * writes everything with one INSERT per row (the naive writer, for the ingest benchmark).
   *
   * @param connection the connection; its auto-commit decides the transactions.
   * @return rows written.
   * @throws SQLException as PostgreSQL reports it.
   */
  public long insertEachTo(Connection connection) throws SQLException {
    long rows = 0;
    for (CopyBuffer b : all) {
      // a package's content is one row (V8): a repetition from another batch is skipped, as the
      // merge of writeTo keeps one
      rows += b.insertEach(connection, b == materialPackages ? " on conflict do nothing" : "");
    }
    closes.clear();
    rederived.clear();
    scopes.clear();
    return rows;
  }

  /** how far the batch's buffers were filled: {@link #mark} and {@link #reset}. */
  public record Mark(int[] sizes, int closes) {}

  /**
   * where the batch stands before an envelope's rows are added.
   *
   * @return the mark.
   */
  public Mark mark() {
    int[] sizes = new int[all.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = all.get(i).size();
    }
    return new Mark(sizes, closes.size());
  }

  /**
   * drops every row and interval end added since the mark: an envelope whose rows could not all be
   * made adds none (it becomes a dead letter, its raw row kept or not as the caller decides).
   *
   * @param mark from {@link #mark}.
   */
  public void reset(Mark mark) {
    for (int i = 0; i < mark.sizes().length; i++) {
      all.get(i).truncate(mark.sizes()[i]);
    }
    while (closes.size() > mark.closes()) {
      closes.remove(closes.size() - 1);
    }
  }

  /** rows buffered so far, for metrics. */
  public long bufferedRows() {
    long n = closes.size() + scopes.size();
    for (CopyBuffer b : all) {
      n += b.size();
    }
    return n;
  }

  /** a fresh random id for a dead letter. */
  public static UUID newId() {
    return UUID.randomUUID();
  }
}
