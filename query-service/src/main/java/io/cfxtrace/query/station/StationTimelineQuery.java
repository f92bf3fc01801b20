package io.cfxtrace.query.station;

import io.cfxtrace.query.store.EventStoreReader;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * reads the timeline of a station: one {@code union all} over {@code unit_event}, {@code
 * station_event}, {@code operator_session} (activation and deactivation as two entries) and {@code
 * material_setup} (load and end as two entries), each restricted to the station and the window
 * through its {@code (station, time)} index. Entries are in the order of time and tick (the 100 ns
 * the stored time was cut to: V14, V15; 0 in rows stored before); at the same instant an end comes
 * before a start, so a splice closes the old reel before the new one opens.
 */
@Singleton
public class StationTimelineQuery {

  private static final String NONE = "null::int as state_code, null::text as state_name, null::text as fault_code, null::text as fault_id,"
      + " null::text as severity, null::text as description, null::text as operator_name, null::text as location,"
      + " null::text as material_package_id, null::text as part_number, null::text as lot";

  private static final String SQL = "select * from ("
      + " select e.event_time as time, 'unit_event' as kind, e.event_type as event, 1 as ord, coalesce(e.event_tick, 0) as tick,"
      + " coalesce((select a.unit_id from unit_alias a where a.alias = e.unit_id order by a.event_time limit 1), e.unit_id) as unit,"
      + " e.transaction_id, e.result, e.recipe, e.operator, " + NONE
      + " from unit_event e where e.station = ? and e.event_time >= ? and e.event_time < ?"
      + " union all"
      + " select s.event_time, 'station_event', s.event_type, 1, coalesce(s.event_tick, 0), null, null, null,"
      // recipe_activated keeps the recipe (name and revision) in state_name
      + " case when s.event_type = 'recipe_activated' then s.state_name end, null, s.state_code,"
      + " case when s.event_type = 'recipe_activated' then null else s.state_name end,"
      + " s.fault_code, s.fault_id, s.severity, s.description, null, null, null, null, null"
      + " from station_event s where s.station = ? and s.event_time >= ? and s.event_time < ?"
      + " union all"
      + " select o.activated_at, 'operator_session', 'login', 1, coalesce(o.activated_tick, 0), null, null, null, null, o.operator_id,"
      + " null, null, null, null, null, null, o.operator_name, null, null, null, null"
      + " from operator_session o where o.station = ? and o.activated_at >= ? and o.activated_at < ?"
      + " union all"
      + " select o.deactivated_at, 'operator_session', 'logout', 0, coalesce(o.deactivated_tick, 0), null, null, null, null, o.operator_id,"
      + " null, null, null, null, null, null, o.operator_name, null, null, null, null"
      + " from operator_session o where o.station = ? and o.deactivated_at >= ? and o.deactivated_at < ?"
      + " union all"
      + " select m.loaded_at, 'material_setup', 'loaded', 1, coalesce(m.loaded_tick, 0), null, null, null, null, null,"
      + " null, null, null, null, null, null, null, coalesce(m.location_identifier, m.location_name), m.material_package_id, m.part_number, m.lot"
      + " from material_setup m where m.station = ? and m.loaded_at >= ? and m.loaded_at < ?"
      + " union all"
      + " select m.unloaded_at, 'material_setup', coalesce(m.ended_by, 'unloaded'), 0, coalesce(m.unloaded_tick, 0), null, null, null, null, null,"
      + " null, null, null, null, null, null, null, coalesce(m.location_identifier, m.location_name), m.material_package_id, m.part_number, m.lot"
      + " from material_setup m where m.station = ? and m.unloaded_at >= ? and m.unloaded_at < ?"
      + ") t order by time, tick, ord, kind, unit, location, material_package_id, event limit ?";

  private final EventStoreReader store;

  /**
   * creates the query.
   *
   * @param store the event store.
   */
  public StationTimelineQuery(EventStoreReader store) {
    this.store = store;
  }

  /**
   * the timeline of a station.
   *
   * @param station the station; one the store never heard of has an empty timeline.
   * @param from the start of the window (inclusive).
   * @param to the end of the window (exclusive).
   * @param limit the most entries to answer.
   * @return the timeline, oldest entry first.
   */
  StationTimeline find(String station, Instant from, Instant to, int limit) {
    OffsetDateTime start = from.atOffset(ZoneOffset.UTC);
    OffsetDateTime end = to.atOffset(ZoneOffset.UTC);
    Object[] params = new Object[3 * 6 + 1];
    for (int i = 0; i < 6; i++) {
      params[3 * i] = station;
      params[3 * i + 1] = start;
      params[3 * i + 2] = end;
    }
    params[18] = limit + 1;
    List<StationTimeline.Entry> rows = store.query(SQL, r -> new StationTimeline.Entry(Objects.requireNonNull(r.time("time")), r.text("kind"),
        r.text("event"), r.text("unit"), r.text("transaction_id"), r.text("result"), r.text("recipe"), r.text("operator"),
        r.text("operator_name"), r.integer("state_code"), r.text("state_name"), r.text("fault_code"), r.text("fault_id"), r.text("severity"),
        r.text("description"), r.text("location"), r.text("material_package_id"), r.text("part_number"), r.text("lot")), params);
    boolean truncated = rows.size() > limit;
    return new StationTimeline(station, from, to, limit, truncated, truncated ? List.copyOf(rows.subList(0, limit)) : rows);
  }
}
