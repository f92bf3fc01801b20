package io.cfxtrace.query.station;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * what happened at a station within {@code [from, to)}, in time order.
 *
 * @param station the station asked for.
 * @param from the start of the window (inclusive).
 * @param to the end of the window (exclusive).
 * @param limit the most entries answered.
 * @param truncated whether the window holds more entries than {@code limit}: the list ends early.
 * @param entries the entries, oldest first.
 */
public record StationTimeline(String station, Instant from, Instant to, int limit, boolean truncated, List<Entry> entries) {

  /** {@code kind} of an event of a unit at the station ({@code unit_event}). */
  public static final String UNIT_EVENT = "unit_event";
  /** {@code kind} of a state change, fault, recipe change or going on- or offline ({@code station_event}). */
  public static final String STATION_EVENT = "station_event";
  /** {@code kind} of an operator's login or logout ({@code operator_session}). */
  public static final String OPERATOR_SESSION = "operator_session";
  /** {@code kind} of a material package loaded or ended (unloaded, empty, splice, replaced) ({@code material_setup}). */
  public static final String MATERIAL_SETUP = "material_setup";

  /**
   * one entry; the fields that do not apply to its kind are absent.
   *
   * @param time when it happened.
   * @param kind {@code unit_event}, {@code station_event}, {@code operator_session} or {@code material_setup}.
   * @param event what happened: the unit event's type ({@code work_started}, ...), the station event's
   *     type ({@code state_changed}, {@code fault_occurred}, ...), {@code login} or {@code logout},
   *     {@code loaded} or how the setup ended ({@code unloaded}, {@code empty}, {@code splice}, {@code replaced}).
   * @param unit the unit (its serial when one was named), for a unit event.
   * @param transaction the work transaction, for a unit event.
   * @param result the unit event's result.
   * @param recipe the unit event's recipe.
   * @param operator the operator's id (a unit event's operator, or the session's).
   * @param operatorName the operator's name, for a session.
   * @param stateCode the new state's SEMI E10/E58 code, for a state change.
   * @param stateName the new state's name, for a state change.
   * @param faultCode the fault's code.
   * @param faultId the fault occurrence's id.
   * @param severity the fault's severity.
   * @param description the fault's description.
   * @param location the feeder slot or location, for a setup change.
   * @param materialPackage the package (reel), for a setup change.
   * @param partNumber the package's part number.
   * @param lot the package's lot.
   */
  public record Entry(
      Instant time,
      String kind,
      @Nullable String event,
      @Nullable String unit,
      @Nullable String transaction,
      @Nullable String result,
      @Nullable String recipe,
      @Nullable String operator,
      @Nullable String operatorName,
      @Nullable Integer stateCode,
      @Nullable String stateName,
      @Nullable String faultCode,
      @Nullable String faultId,
      @Nullable String severity,
      @Nullable String description,
      @Nullable String location,
      @Nullable String materialPackage,
      @Nullable String partNumber,
      @Nullable String lot) {}
}
