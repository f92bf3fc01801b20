package io.cfxtrace.query.material;

import io.cfxtrace.query.config.QueryConfiguration;
import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.store.UnitAt;
import io.cfxtrace.query.store.WorkWindows;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * finds the units that contain a material.
 *
 * <p>Exact: the {@code unit_material} rows of the material, each unit key resolved through
 * {@code unit_alias} ({@link UnitAt#of}, one lookup for all rows). Inferred: the {@code
 * material_setup} intervals of the material; the work transactions at the same station whose
 * window (first {@code work_started} to last {@code work_completed} of the transaction in {@code
 * unit_event}, or its first to its last event) overlaps an interval; the units of those
 * transactions, unless the station linked that unit to the same package exactly.
 *
 * <p>Which transactions overlap an interval {@code [loaded, unloaded)}: those with an event at
 * the station within it, read by an index-only scan of the interval, and those that began before
 * it and ended after it with no event in between. The second kind lasts longer than the interval,
 * so it exists only for an interval shorter than {@link QueryConfiguration#longestTransaction()},
 * and began at most that long before the interval ended: only then is that stretch before the
 * interval read. A transaction whose work start or end is not among its events inside the
 * interval gets its window from all of its events (index by transaction). At 10 million unit
 * events, for a reel on 10,000 boards, this reads 51,000 index entries where widening the
 * interval by the longest transaction on both sides read 133,680.
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

  /** an exact link and the unit key its row carries. */
  private record Exact(String key, WhereUsed.Link link) {}

  /**
   * the units that contain a material.
   *
   * @param material the package or lot and the time window.
   * @return exact links in installation order, then inferred ones in transaction order.
   */
  public List<WhereUsed.Link> find(MaterialSelector material) {
    // the exact links (two statements) on another connection while this one runs the inferred
    // links' statement: on two cores the two halves of a reel's 10,000 boards overlap
    Supplier<List<WhereUsed.Link>> exactLinks = store.beside(() -> exact(material, null));
    List<WhereUsed.Link> inferred = inferred(material);
    return Stream.concat(exactLinks.get().stream(), inferred.stream()).toList();
  }

  /**
   * the inferred links of a material: one statement.
   *
   * @param material the package or lot and the time window.
   * @return the links in transaction order (then unit and package).
   */
  List<WhereUsed.Link> inferred(MaterialSelector material) {
    Object from = from(material);
    Object to = to(material);
    // Each step reads only what the material touches, and each lateral subquery is fenced
    // ("offset 0") so that it stays a per-row index scan: pulled up into a join, the planner may
    // answer it with a hash join over all of unit_event, as it did for a transaction list it
    // estimated large. The steps are written so that no plan depends on how many rows the
    // planner expects from a step before: it expects one or two "hits" whatever the material,
    // and a join of two such steps became a nested loop of 10,000 x 10,000 transactions (a page
    // of the recall of a lot on 10,000 boards with its reels' setups took 8.5 to 16 s in
    // RecallAtScaleTest, now about 0.25 s).
    String inferredSql = "with s as (select * from material_setup x where " + material.condition("x") + "),"
        // per transaction, its work start and end among the station's events inside an interval:
        // an index-only scan of the interval (covering index unit_event_station_tx of V6)
        + " inside as (select s.station, e.transaction_id,"
        + " min(e.event_time) filter (where e.event_type = 'work_started') as ws, max(e.event_time) filter (where e.event_type = 'work_completed') as wc"
        + " from s cross join lateral (select e.transaction_id, e.event_type, e.event_time from unit_event e where e.station = s.station"
        + " and e.transaction_id is not null and e.event_time >= s.loaded_at and e.event_time <= coalesce(s.unloaded_at, 'infinity') offset 0) e"
        + " group by s.station, e.transaction_id),"
        // transactions whose window needs events outside the intervals: without its start or its end
        // inside (at either end of an interval, or at a station that reports no work), and those
        // that may span a short interval with no event in it (begun at most the longest transaction
        // before the interval ended, and not completed before it began)
        + " partial as (select transaction_id from inside where ws is null or wc is null"
        + " union select e.transaction_id from s cross join lateral (select e.transaction_id, e.event_type from unit_event e where e.station = s.station"
        + " and e.transaction_id is not null and e.event_time >= s.unloaded_at - ?::interval and e.event_time < s.loaded_at offset 0) e"
        + " where s.unloaded_at - s.loaded_at < ?::interval group by e.transaction_id having not bool_or(e.event_type = 'work_completed')),"
        // each transaction's window: first work_started to last work_completed, or its first to its
        // last event when one is missing; for a partial one from all of its events
        + " win as (select station, transaction_id, ws as started, wc as ended from inside where ws is not null and wc is not null"
        + " union select u.station, p.transaction_id, coalesce(min(u.event_time) filter (where u.event_type = 'work_started'), min(u.event_time)),"
        + " coalesce(max(u.event_time) filter (where u.event_type = 'work_completed'), max(u.event_time))"
        + " from partial p cross join lateral (select u.station, u.event_time, u.event_type from unit_event u"
        + " where u.transaction_id = p.transaction_id and u.station is not null offset 0) u group by u.station, p.transaction_id),"
        + " hits as (select distinct w.station, w.transaction_id, w.started, w.ended, s.material_package_id, s.part_number, s.lot,"
        + " coalesce(s.location_identifier, s.location_name) as location"
        + " from win w join s on s.station = w.station and " + WorkWindows.overlapsSetup("w", "s")
        + " where (?::timestamptz is null or w.ended >= ?::timestamptz) and (?::timestamptz is null or w.started < ?::timestamptz)),"
        // the unit keys of each hit transaction, with the time of the key's first event in it (a
        // carrier key resolves per trip: unit_at, the window starts at the naming transaction),
        // read per hit (an index probe by transaction) rather than joined back to the hits;
        // a key the station linked to the package exactly in the same transaction is the same
        // unit: dropped before any key is resolved, by a probe of the transaction's exact links
        // (before: "not in" over every exact link of the material, which PostgreSQL compared row
        // by row once it expected them not to fit in work_mem)
        + " keys as (select f.unit_id, f.at, h.station, h.transaction_id, h.started, h.ended, h.material_package_id, h.part_number, h.lot, h.location"
        + " from hits h cross join lateral (select u.unit_id, min(u.event_time) as at from unit_event u where u.transaction_id = h.transaction_id"
        + " and u.station = h.station group by u.unit_id offset 0) f"
        + " where not exists (select 1 from unit_material x where x.transaction_id = h.transaction_id and x.unit_id = f.unit_id"
        + " and x.material_package_id = h.material_package_id and " + PLACED.replace("m.", "x.") + " offset 0)),"
        + " units as (select distinct " + UnitAt.sql("keys.unit_id", "keys.at") + " as unit, keys.station, keys.transaction_id, keys.started,"
        + " keys.ended, keys.material_package_id, keys.part_number, keys.lot, keys.location from keys),"
        // what is left is compared unit by unit with the exact links of the material's packages;
        // a hashed subplan, built (and its keys resolved) only when a row is left
        + " exact as (select distinct m.station, m.material_package_id, " + UnitAt.sql("m.unit_id", "m.installed_at") + " as unit from unit_material m"
        + " where m.material_package_id in (select material_package_id from s) and " + PLACED + ")"
        + " select * from units where (station, coalesce(material_package_id, ''), unit) not in"
        + " (select x.station, x.material_package_id, x.unit from exact x where x.station is not null)"
        + " order by started, unit, material_package_id";
    return store.queryPlannedPerCall(inferredSql,
        r -> new WhereUsed.Link(r.text("unit"), "inferred", r.text("station"), r.text("material_package_id"), r.text("part_number"), r.text("lot"),
            null, r.text("location"), r.text("transaction_id"), r.time("started"), r.time("ended")),
        params(material.parameters(), longestTransaction, longestTransaction, from, from, to, to));
  }

  /** the placed links of the material within the time window, as a condition on {@code unit_material m}. */
  private static String exactCondition(MaterialSelector material) {
    return material.condition("m") + " and " + PLACED
        + " and (?::timestamptz is null or m.installed_at >= ?::timestamptz) and (?::timestamptz is null or m.installed_at < ?::timestamptz)";
  }

  private static Object[] exactParameters(MaterialSelector material, @Nullable Object... more) {
    Object from = from(material);
    Object to = to(material);
    return params(params(material.parameters(), from, from, to, to), more);
  }

  /**
   * the exact links of a material, each unit key resolved to the unit it denotes at the link's
   * time ({@link UnitAt#of}).
   *
   * @param material the package or lot and the time window.
   * @param keys only the links stored under these unit keys, or null for all.
   * @return the links in installation order, then unit and designator.
   */
  List<WhereUsed.Link> exact(MaterialSelector material, String @Nullable [] keys) {
    String exactSql = "select m.unit_id, m.station, m.material_package_id, m.part_number, m.lot, m.reference_designator, m.location_identifier,"
        + " m.transaction_id, m.installed_at from unit_material m where " + exactCondition(material) + (keys == null ? "" : " and m.unit_id = any(?)");
    List<Exact> rows = store.query(exactSql,
        r -> new Exact(Objects.requireNonNull(r.text("unit_id")), new WhereUsed.Link(r.text("unit_id"), "exact", r.text("station"),
            r.text("material_package_id"), r.text("part_number"), r.text("lot"), r.text("reference_designator"), r.text("location_identifier"),
            r.text("transaction_id"), r.time("installed_at"), null)),
        keys == null ? exactParameters(material) : exactParameters(material, (Object) keys));
    UnitAt units = UnitAt.of(store, rows.stream().map(Exact::key).toList());
    return rows.stream().map(e -> e.link().withUnit(units.unit(e.key(), e.link().time())))
        .sorted(Comparator.comparing(WhereUsed.Link::time, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(WhereUsed.Link::unit)
            .thenComparing(WhereUsed.Link::referenceDesignator, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /**
   * the exact links of a material counted per unit key, for a recall's counts without reading
   * every link: a key without aliases is its own unit, a key with aliases may denote another unit
   * on each trip ({@link #exactTimes}).
   *
   * @param key the unit key the rows are stored under.
   * @param links how many links.
   * @param first the earliest link's time.
   * @param aliased whether {@code unit_alias} has the key as an alias.
   */
  record KeyLinks(String key, int links, Instant first, boolean aliased) {}

  /**
   * the exact links of a material per unit key: one aggregate statement.
   *
   * @param material the package or lot and the time window.
   * @return one entry per key, in no particular order.
   */
  List<KeyLinks> exactByKey(MaterialSelector material) {
    String sql = "select g.unit_id, g.links, g.first, exists (select 1 from unit_alias a where a.alias = g.unit_id) as aliased"
        + " from (select m.unit_id, count(*) as links, min(m.installed_at) as first from unit_material m where " + exactCondition(material)
        + " group by m.unit_id) g";
    return store.query(sql, r -> new KeyLinks(Objects.requireNonNull(r.text("unit_id")), Objects.requireNonNull(r.integer("links")),
        Objects.requireNonNull(r.time("first")), "t".equals(r.text("aliased"))), exactParameters(material));
  }

  /** an exact link's unit key and time. */
  record KeyTime(String key, Instant time) {}

  /**
   * the times of the exact links of a material stored under some unit keys, to resolve each to
   * the unit the key denoted then.
   *
   * @param material the package or lot and the time window.
   * @param keys the unit keys.
   * @return one entry per link.
   */
  List<KeyTime> exactTimes(MaterialSelector material, String[] keys) {
    String sql = "select m.unit_id, m.installed_at from unit_material m where " + exactCondition(material) + " and m.unit_id = any(?)";
    return store.query(sql, r -> new KeyTime(Objects.requireNonNull(r.text("unit_id")), Objects.requireNonNull(r.time("installed_at"))),
        exactParameters(material, (Object) keys));
  }

  private static @Nullable Object from(MaterialSelector material) {
    return material.from() == null ? null : material.from().atOffset(ZoneOffset.UTC);
  }

  private static @Nullable Object to(MaterialSelector material) {
    return material.to() == null ? null : material.to().atOffset(ZoneOffset.UTC);
  }

  private static Object[] params(Object[] first, @Nullable Object... rest) {
    List<Object> all = new ArrayList<>(Arrays.asList(first));
    all.addAll(Arrays.asList(rest));
    return all.toArray();
  }

}
