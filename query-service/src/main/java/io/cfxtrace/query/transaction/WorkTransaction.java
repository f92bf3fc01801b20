package io.cfxtrace.query.transaction;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * what the event store knows about one work transaction.
 *
 * @param transaction the transaction's id.
 * @param station the station it ran at (the first one named, should a transaction id be reused).
 * @param started its first event.
 * @param ended its last event.
 * @param units its units by position, from {@code transaction_unit}.
 * @param events its unit events in time order.
 * @param processValues its process data (reflow zones, print parameters, ...).
 * @param checks its inspections and tests, one per unit and check.
 */
public record WorkTransaction(
    String transaction,
    @Nullable String station,
    @Nullable Instant started,
    @Nullable Instant ended,
    List<Unit> units,
    List<Event> events,
    List<ProcessValue> processValues,
    List<Check> checks) {

  /**
   * a unit of the transaction.
   *
   * @param position its position in the transaction (1-based).
   * @param unit the unit: its serial when one was named (through {@code unit_alias}), else the key recorded.
   * @param recorded the key the transaction recorded, such as {@code PANEL-1001#2}, when it differs from {@code unit}.
   * @param panel the panel it was on.
   */
  public record Unit(int position, String unit, @Nullable String recorded, @Nullable String panel) {}

  /**
   * a unit event of the transaction.
   *
   * @param time when.
   * @param event the event's type ({@code work_started}, {@code inspected}, ...).
   * @param unit the unit (its serial when one was named).
   * @param result the result, if any.
   */
  public record Event(Instant time, String event, String unit, @Nullable String result, @Nullable String stage, @Nullable String operator,
      @Nullable String recipe) {}

  /**
   * a process value of the transaction.
   *
   * @param time when it was reported.
   * @param kind the kind of process ({@code reflow}, ...).
   * @param unit the unit it applies to, when only one.
   */
  public record ProcessValue(Instant time, String kind, @Nullable String unit, @Nullable String zone, @Nullable String subZone,
      String parameter, @Nullable Double value, @Nullable String valueText, @Nullable String unitOfMeasure) {}

  /**
   * an inspection or test of a unit in the transaction.
   *
   * @param time when it was reported.
   * @param unit the unit (its serial when one was named).
   * @param kind {@code inspection} or {@code test}, as stored.
   */
  public record Check(Instant time, String unit, String kind, @Nullable String name, @Nullable String result, @Nullable String method) {}
}
