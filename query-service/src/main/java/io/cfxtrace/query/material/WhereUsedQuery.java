package io.cfxtrace.query.material;

import io.cfxtrace.query.config.QueryConfiguration;
import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.store.UnitAt;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * finds the units that contain a material.
 *
 * <p>Exact: the {@code unit_material} rows of the material, each unit key resolved through
 * {@code unit_alias}. Inferred: the {@code material_setup} intervals of the material; the work
 * transactions at the same station whose window (first {@code work_started} to last {@code
 * work_completed} of the transaction in {@code unit_event}, or its first to its last event)
 * overlaps an interval; the units of those transactions, unless the station linked that unit to
 * the same package exactly. Transactions are looked for only from {@link
 * QueryConfiguration#longestTransaction()} before the first interval began, so the scan of {@code
 * unit_event} stays within the time the material was on the line.
 */
@Singleton
public class WhereUsedQuery {


  /**
   * unit_material rows of parts in the unit: not those the station picked for it and discarded
   * (CFX NonInstalledComponents, stored as not_installed / not_applied).
   */
  private static final String PLACED = "m.link_kind not in ('not_installed', 'not_applied')";

  private final EventStoreReader store;
  private final String longestTransaction;

  /**
   * creates the query.
   *
   * @param store the event store.
   * @param config how long a transaction can last.
   */
  public WhereUsedQuery(EventStoreReader store, QueryConfiguration config) {
    this.store = store;
    this.longestTransaction = config.longestTransaction().toSeconds() + " seconds";
  }

  /**
   * the units that contain a material.
   *
   * @param material the package or lot and the time window.
   * @return exact links in installation order, then inferred ones in transaction order.
   */
  List<WhereUsed.Link> find(MaterialSelector material) {
    Object from = material.from() == null ? null : material.from().atOffset(ZoneOffset.UTC);
    Object to = material.to() == null ? null : material.to().atOffset(ZoneOffset.UTC);

    String exactSql = "select " + unit("m.unit_id", "m.installed_at") + " as unit, m.* from unit_material m where "
        + material.condition("m") + " and " + PLACED
        + " and (?::timestamptz is null or m.installed_at >= ?::timestamptz) and (?::timestamptz is null or m.installed_at < ?::timestamptz)"
        + " order by m.installed_at, unit, m.reference_designator";
    List<WhereUsed.Link> exact = store.query(exactSql,
        r -> new WhereUsed.Link(r.text("unit"), "exact", r.text("station"), r.text("material_package_id"), r.text("part_number"), r.text("lot"),
            r.text("reference_designator"), r.text("location_identifier"), r.text("transaction_id"), r.time("installed_at"), null),
        params(material.parameters(), from, from, to, to));

    // Each step reads only what the material touches: the stations' unit events within its
    // setups' time (the covering index unit_event_station_tx of V6 answers that scan alone), the
    // units of the overlapping transactions, and the exact links of the same packages (the
    // anti-join used to hash every unit_material row of the store).
    String inferredSql = "with s as (select * from material_setup x where " + material.condition("x") + "),"
        + " win as (select e.station, e.transaction_id,"
        + " coalesce(min(e.event_time) filter (where e.event_type = 'work_started'), min(e.event_time)) as started,"
        + " coalesce(max(e.event_time) filter (where e.event_type = 'work_completed'), max(e.event_time)) as ended"
        + " from unit_event e where e.transaction_id is not null and e.station in (select station from s)"
        + " and e.event_time >= (select min(loaded_at) from s) - ?::interval"
        + " and e.event_time <= (select max(coalesce(unloaded_at, 'infinity')) from s) + ?::interval"
        + " group by e.station, e.transaction_id),"
        + " hits as (select distinct w.station, w.transaction_id, w.started, w.ended, s.material_package_id, s.part_number, s.lot,"
        + " coalesce(s.location_identifier, s.location_name) as location"
        + " from win w join s on s.station = w.station and s.loaded_at <= w.ended and (s.unloaded_at is null or s.unloaded_at > w.started)"
        + " where (?::timestamptz is null or w.ended >= ?::timestamptz) and (?::timestamptz is null or w.started < ?::timestamptz)),"
        // the unit keys of each hit transaction, with the time of the key's first event in it (a
        // carrier key resolves per trip: unit_at, the window starts at the naming transaction)
        // (grouped on the three narrow columns before joining the hits back: grouping on every
        // column of the hit sorted 30,000 wide rows for a reel on 10,000 boards and spilled to disk)
        + " firsts as (select u.unit_id, u.station, u.transaction_id, min(u.event_time) as at from unit_event u"
        + " where u.transaction_id in (select transaction_id from hits) group by u.unit_id, u.station, u.transaction_id),"
        + " keys as (select f.unit_id, f.at, h.station, h.transaction_id, h.started, h.ended, h.material_package_id,"
        + " h.part_number, h.lot, h.location from hits h join firsts f on f.transaction_id = h.transaction_id and f.station = h.station),"
        + " units as (select distinct " + unit("keys.unit_id", "keys.at") + " as unit, keys.station, keys.transaction_id, keys.started, keys.ended,"
        + " keys.material_package_id, keys.part_number, keys.lot, keys.location from keys),"
        // only the exact links of the hit packages, not an anti-join over every unit_material row
        + " exact as (select distinct m.station, m.material_package_id, " + unit("m.unit_id", "m.installed_at") + " as unit from unit_material m"
        + " where m.material_package_id in (select material_package_id from hits) and " + PLACED + ")"
        + " select * from units where not exists (select 1 from exact x where x.material_package_id = units.material_package_id"
        + " and x.station = units.station and x.unit = units.unit)"
        + " order by started, unit, material_package_id";
    List<WhereUsed.Link> inferred = store.query(inferredSql,
        r -> new WhereUsed.Link(r.text("unit"), "inferred", r.text("station"), r.text("material_package_id"), r.text("part_number"), r.text("lot"),
            null, r.text("location"), r.text("transaction_id"), r.time("started"), r.time("ended")),
        params(material.parameters(), longestTransaction, longestTransaction, from, from, to, to));
    return Stream.concat(exact.stream(), inferred.stream()).toList();
  }

  private static Object[] params(Object[] first, @Nullable Object... rest) {
    List<Object> all = new ArrayList<>(Arrays.asList(first));
    all.addAll(Arrays.asList(rest));
    return all.toArray();
  }

  /**
   * a unit key resolved to the serial its alias gave it at the row's time (the store's {@code
   * unit_at}: a reusable carrier's {@code <carrier>#<n>} names another board on every trip).
   */
  private static String unit(String key, String time) {
    return UnitAt.sql(key, time);
  }
}
