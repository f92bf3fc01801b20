package io.cfxtrace.query.transaction;

import io.cfxtrace.query.store.EventStoreReader;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * reads a work transaction through the {@code transaction_id} indexes of {@code unit_event},
 * {@code transaction_unit} and {@code process_value}; unit keys are resolved through {@code
 * unit_alias} to the serial they were given.
 */
@Singleton
public class TransactionQuery {

  private final EventStoreReader store;

  /**
   * creates the query.
   *
   * @param store the event store.
   */
  public TransactionQuery(EventStoreReader store) {
    this.store = store;
  }

  /**
   * a work transaction.
   *
   * @param transaction its id.
   * @return the transaction, or empty when no row of the store names it.
   */
  Optional<WorkTransaction> find(String transaction) {
    List<WorkTransaction.Unit> units = store.query("select distinct on (t.position, unit) t.position, " + unit("t.unit_id") + " as unit,"
        + " t.unit_id, t.panel_id, t.event_time from transaction_unit t where t.transaction_id = ? order by t.position, unit, t.event_time",
        r -> {
          String resolved = Objects.requireNonNull(r.text("unit"));
          String recorded = r.text("unit_id");
          return new WorkTransaction.Unit(Objects.requireNonNull(r.integer("position")), resolved,
              resolved.equals(recorded) ? null : recorded, r.text("panel_id"));
        }, transaction);
    List<WorkTransaction.Event> events = store.query("select e.event_time, e.event_type, " + unit("e.unit_id") + " as unit, e.result, e.stage,"
        + " e.operator, e.recipe from unit_event e where e.transaction_id = ? order by e.event_time, e.event_tick nulls first, unit, e.event_type",
        r -> new WorkTransaction.Event(Objects.requireNonNull(r.time("event_time")), r.text("event_type"), r.text("unit"), r.text("result"),
            r.text("stage"), r.text("operator"), r.text("recipe")), transaction);
    List<WorkTransaction.ProcessValue> values = store.query("select p.*, case when p.unit_id is null then null else " + unit("p.unit_id")
        + " end as unit from process_value p where p.transaction_id = ? order by p.event_time, p.process_kind, p.zone, p.sub_zone, p.parameter",
        r -> new WorkTransaction.ProcessValue(Objects.requireNonNull(r.time("event_time")), r.text("process_kind"), r.text("unit"), r.text("zone"),
            r.text("sub_zone"), r.text("parameter"), r.decimal("value"), r.text("value_text"), r.text("unit_of_measure")), transaction);
    // unit_check has no transaction index: look through the checks of the transaction's units (by any of their keys)
    List<WorkTransaction.Check> checks = store.query("with keys as (select unit_id as k from unit_event where transaction_id = ?"
        + " union select unit_id from transaction_unit where transaction_id = ?),"
        + " all_keys as (select k from keys union select a.unit_id from unit_alias a where a.alias in (select k from keys)"
        + " union select a.alias from unit_alias a where a.unit_id in (select k from keys))"
        + " select c.event_time, " + unit("c.unit_id") + " as unit, c.check_kind, c.name, c.result, c.method from unit_check c"
        + " where c.unit_id in (select k from all_keys) and c.transaction_id = ? order by c.event_time, unit, c.check_kind, c.name",
        r -> new WorkTransaction.Check(Objects.requireNonNull(r.time("event_time")), r.text("unit"), r.text("check_kind"), r.text("name"),
            r.text("result"), r.text("method")), transaction, transaction, transaction);
    if (units.isEmpty() && events.isEmpty() && values.isEmpty() && checks.isEmpty()) {
      return Optional.empty();
    }
    List<String> station = store.query("select station from (select station, event_time from unit_event where transaction_id = ?"
        + " and station is not null union all select station, event_time from transaction_unit where transaction_id = ? and station is not null"
        + " union all select station, event_time from process_value where transaction_id = ? and station is not null) s"
        + " order by event_time limit 1", r -> r.text("station"), transaction, transaction, transaction);
    Instant started = events.isEmpty() ? null : events.get(0).time();
    Instant ended = events.isEmpty() ? null : events.get(events.size() - 1).time();
    return Optional.of(new WorkTransaction(transaction, station.isEmpty() ? null : station.get(0), started, ended, units, events, values, checks));
  }

  /** a unit key resolved through unit_alias to the serial it was given, if any. */
  private static String unit(String key) {
    return "coalesce((select a.unit_id from unit_alias a where a.alias = " + key + " order by a.event_time limit 1), " + key + ")";
  }
}
