package io.cfxtrace.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
              "operator", "recipe", "message_name", "unique_id", "details", "work_order", "work_order_batch"));

  /** provisional unit keys resolved to serials. */
  public final CopyBuffer unitAliases = new CopyBuffer("unit_alias", List.of("alias", "unit_id", "event_time", "unique_id", "valid_from"));

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
              "loaded_at", "unloaded_at", "ended_by", "loaded_unique_id"));

  /** material package events. */
  public final CopyBuffer materialEvents =
      new CopyBuffer(
          "material_event",
          List.of("event_time", "material_package_id", "event_type", "part_number", "lot", "quantity", "related_package_id", "station", "unique_id", "details"));

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
              "unique_id", "details"));

  /** inspections, tests, repairs. */
  public final CopyBuffer unitChecks =
      new CopyBuffer(
          "unit_check",
          List.of(
              "event_time", "unit_id", "check_kind", "name", "check_id", "result", "started_at", "ended_at", "station", "transaction_id",
              "method", "operator", "recipe", "unique_id", "details"));

  /** measurement vectors. */
  public final CopyBuffer measurements =
      new CopyBuffer(
          "measurement",
          List.of(
              "event_time", "unit_id", "check_kind", "check_name", "name", "designators", "value", "value_text", "expected",
              "lower_limit", "upper_limit", "unit_of_measure", "result", "sequence", "station", "transaction_id", "unique_id", "details"));

  /** defects and symptoms. */
  public final CopyBuffer defects =
      new CopyBuffer(
          "defect",
          List.of(
              "event_time", "unit_id", "defect_id", "check_name", "defect_code", "category", "description", "reference_designator",
              "part_number", "priority", "confidence", "verification", "station", "transaction_id", "unique_id"));

  /** process data. */
  public final CopyBuffer processValues =
      new CopyBuffer(
          "process_value",
          List.of(
              "event_time", "unit_id", "transaction_id", "station", "process_kind", "zone", "sub_zone", "parameter", "value", "value_text",
              "unit_of_measure", "unique_id"));

  /** personalisation. */
  public final CopyBuffer characteristics =
      new CopyBuffer("unit_characteristic", List.of("event_time", "unit_id", "name", "value", "station", "transaction_id", "unique_id"));

  /** opened operator sessions. */
  public final CopyBuffer operatorSessions =
      new CopyBuffer(
          "operator_session", List.of("station", "operator_id", "operator_name", "login_name", "activated_at", "deactivated_at", "unique_id"));

  /** station states, faults, recipes. */
  public final CopyBuffer stationEvents =
      new CopyBuffer(
          "station_event",
          List.of(
              "event_time", "station", "event_type", "state_code", "state_name", "old_state_code", "fault_code", "fault_id", "severity",
              "description", "message_name", "unique_id", "details"));

  private final List<CopyBuffer> all =
      List.of(
          rawMessages, deadLetters, unitEvents, unitAliases, unitEdges, transactionUnits, materialSetups, materialEvents, materialPackages, unitMaterials,
          unitChecks, measurements, defects, processValues, characteristics, operatorSessions, stationEvents);

  /** an interval to close, applied after the copies (so that one opened in the batch closes too). */
  private record Close(String sql, Object[] params) {}

  private final List<Close> closes = new ArrayList<>();

  /**
   * closes the open setup intervals of a material package at a station.
   *
   * @param station the station.
   * @param packageId the material package (reel) id.
   * @param at when it ended.
   * @param endedBy unloaded, empty or splice.
   */
  public void closeMaterialSetup(String station, String packageId, Instant at, String endedBy) {
    closes.add(
        new Close(
            "update material_setup set unloaded_at = ?, ended_by = ? where station = ? and material_package_id = ? and unloaded_at is null and loaded_at <= ?",
            new Object[] {at, endedBy, station, packageId, at}));
  }

  /**
   * closes the open setup intervals at a station location, when another package is loaded there.
   *
   * @param station the station.
   * @param locationIdentifier the location (slot, feeder position).
   * @param at when it was replaced.
   */
  public void closeMaterialSetupAtLocation(String station, String locationIdentifier, Instant at) {
    closes.add(
        new Close(
            "update material_setup set unloaded_at = ?, ended_by = 'replaced' where station = ? and location_identifier = ? and unloaded_at is null and loaded_at < ?",
            new Object[] {at, station, locationIdentifier, at}));
  }

  /**
   * closes an operator's open session at a station.
   *
   * @param station the station.
   * @param operatorId the operator.
   * @param at when.
   */
  public void closeOperatorSession(String station, String operatorId, Instant at) {
    closes.add(
        new Close(
            "update operator_session set deactivated_at = ? where station = ? and operator_id = ? and deactivated_at is null and activated_at <= ?",
            new Object[] {at, station, operatorId, at}));
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
   * writes everything on the connection, inside the caller's transaction.
   *
   * @param connection the connection.
   * @return rows written.
   * @throws SQLException as PostgreSQL reports it.
   */
  public long writeTo(Connection connection) throws SQLException {
    long rows = 0;
    for (CopyBuffer b : all) {
      rows += b.copyTo(connection);
    }
    for (Close c : closes) {
      try (PreparedStatement ps = connection.prepareStatement(c.sql())) {
        for (int i = 0; i < c.params().length; i++) {
          Object p = c.params()[i];
          if (p instanceof Instant t) {
            ps.setTimestamp(i + 1, Timestamp.from(t));
          } else {
            ps.setObject(i + 1, p);
          }
        }
        rows += ps.executeUpdate();
      }
    }
    closes.clear();
    return rows;
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
      rows += b.insertEach(connection);
    }
    closes.clear();
    return rows;
  }

  /** rows buffered so far, for metrics. */
  public long bufferedRows() {
    long n = closes.size();
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
