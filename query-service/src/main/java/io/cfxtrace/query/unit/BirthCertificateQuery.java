package io.cfxtrace.query.unit;

import io.cfxtrace.query.config.WorkbenchConfiguration;
import io.cfxtrace.query.conflict.Conflict;
import io.cfxtrace.query.conflict.ConflictRule;
import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.store.UnitAt;
import io.cfxtrace.query.store.WorkWindows;
import io.cfxtrace.query.unit.BirthCertificate.Characteristic;
import io.cfxtrace.query.unit.BirthCertificate.Check;
import io.cfxtrace.query.unit.BirthCertificate.Defect;
import io.cfxtrace.query.unit.BirthCertificate.Genealogy;
import io.cfxtrace.query.unit.BirthCertificate.MaterialLink;
import io.cfxtrace.query.unit.BirthCertificate.Measurement;
import io.cfxtrace.query.unit.BirthCertificate.ProcessValue;
import io.cfxtrace.query.unit.BirthCertificate.Relative;
import io.cfxtrace.query.unit.BirthCertificate.RouteStep;
import io.cfxtrace.query.unit.BirthCertificate.SplicedPackage;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * assembles a {@link BirthCertificate} from the event store.
 *
 * <p>A unit's rows carry its serial or, for what happened before a station named the serial, a
 * provisional key {@code <panel>#<position>} that {@code unit_alias} resolves. Every section
 * reads the rows of all of the unit's keys ({@code k} below, from the store's {@code unit_keys}:
 * the id at any time, and each alias within its validity window, so that a reusable carrier's
 * {@code <carrier>#<n>} brings only the rows of the trip that carried this unit).
 *
 * <p>Inferred materials: the unit's windows are the transactions it took part in (its
 * {@code unit_event} rows and {@code transaction_unit}), each from its {@code work_started} to its
 * {@code work_completed} (or its first to its last event when one is missing); every
 * {@code material_setup} interval at that station overlapping a window is a candidate, except
 * packages the station linked exactly to the unit.
 *
 * <p>Conflicts: the same windows, paired by {@link ConflictRule} (different stations, overlapping
 * times), in a statement of their own beside the others.
 */
@Singleton
public class BirthCertificateQuery {

  /** the unit's keys and their windows as a relation, from the unit id, the first parameter of each statement. */
  private static final String KEYS = "with k as (select key, lower_bound, upper_bound from unit_keys(?))";

  /** the transactions the unit took part in. */
  private static final String TRANSACTIONS =
      KEYS + ", tx as (select e.transaction_id from unit_event e where " + mine("e", "event_time") + " and e.transaction_id is not null"
          + " union select t.transaction_id from transaction_unit t where " + mine("t", "event_time") + ")";

  /** the transactions the unit took part in, and each one's window at its station. */
  private static final String WINDOWS =
      TRANSACTIONS + ", win as (select e.station, e.transaction_id, " + WorkWindows.started("e") + " as started, " + WorkWindows.ended("e") + " as ended"
          + " from unit_event e where e.transaction_id in (select transaction_id from tx) and e.station is not null"
          + " group by e.station, e.transaction_id)";

  private static final String INFERRED =
      WINDOWS + ", cand as (select w.station, w.transaction_id, w.started, w.ended,"
          + " coalesce(s.location_identifier, s.location_name) as location, s.material_package_id, s.part_number, s.lot, s.carrier_id,"
          + " s.loaded_at, s.unloaded_at,"
          + " count(*) over (partition by w.station, w.transaction_id, coalesce(s.location_identifier, s.location_name)) as candidates"
          + " from win w join material_setup s on s.station = w.station and " + WorkWindows.overlapsSetup("w", "s") + ")"
          + " select c.* from cand c"
          + " where not exists (select 1 from unit_material m where " + mine("m", "installed_at")
          + " and m.station = c.station and m.material_package_id = c.material_package_id)"
          + " order by c.started, c.location, c.loaded_at";

  /** the pairs of the unit's windows that conflict, first window's columns {@code a_*}, second's {@code b_*}. */
  private static final String CONFLICTS =
      WINDOWS + " select " + ConflictRule.columns("a", "b") + " from win a join win b on " + ConflictRule.sql("a", "b")
          + " order by " + ConflictRule.overlapFrom("a", "b") + ", a.started, a.station, a.transaction_id, b.station, b.transaction_id";

  /** link kinds of parts picked for the unit and not placed (CFX NonInstalledComponents). */
  private static final java.util.Set<String> REJECTED = java.util.Set.of("not_installed", "not_applied");

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * the condition that a row of table alias {@code a} belongs to the unit: its key is one of
   * {@code k} and its time lies in that key's window.
   */
  private static String mine(String a, String time) {
    return mine(a, "unit_id", time);
  }

  private static String mine(String a, String keyColumn, String time) {
    // the "in" restates the key equality alone so that the planner can probe the table's index
    // by key for each of the few keys (a semi-join whose condition also compares the windows
    // cannot be turned around, and was answered by a sequential scan of the whole table)
    return a + "." + keyColumn + " in (select key from k) and exists (select 1 from k where k.key = " + a + "." + keyColumn + " and " + a + "." + time + " >= k.lower_bound and " + a + "." + time
        + " < k.upper_bound)";
  }

  private final EventStoreReader store;
  private final WorkbenchConfiguration workbench;

  /**
   * creates the query.
   *
   * @param store the event store.
   * @param workbench the liquidus and the final stations.
   */
  public BirthCertificateQuery(EventStoreReader store, WorkbenchConfiguration workbench) {
    this.store = store;
    this.workbench = workbench;
  }

  /**
   * the birth certificate of a unit, its reflow runs measured against the configured liquidus.
   *
   * @param id a serial, a provisional key ({@code PANEL-1001#2}) or a panel id.
   * @return the certificate, or empty when no row of the store names the unit.
   */
  public Optional<BirthCertificate> find(String id) {
    return find(id, workbench.liquidus());
  }

  /**
   * the birth certificate of a unit.
   *
   * @param id a serial, a provisional key ({@code PANEL-1001#2}) or a panel id.
   * @param liquidus the liquidus of the reflow summary, °C.
   * @return the certificate, or empty when no row of the store names the unit.
   */
  public Optional<BirthCertificate> find(String id, double liquidus) {
    // a provisional key names the unit its latest alias gives (a reusable carrier's current board)
    // (and the unit's other keys, in the same round trip: one row per key, a null key when none)
    List<String[]> named = store.query("with u as (select coalesce((select a.unit_id from unit_alias a where a.alias = ?"
            + " order by a.valid_from desc, a.event_time desc limit 1), ?) as unit)"
            + " select u.unit, k.key from u left join lateral (select distinct x.key from unit_keys(u.unit) x where x.key <> u.unit) k on true"
            + " order by k.key",
        r -> new String[] {r.text("unit"), r.text("key")}, id, id);
    String unit = Objects.requireNonNull(named.get(0)[0]);
    List<String> keys = new ArrayList<>();
    keys.add(unit);
    named.stream().map(n -> n[1]).filter(Objects::nonNull).forEach(keys::add);
    String k = unit;
    // the sections that find the unit's transactions and their windows (materials, then process
    // data and conflicts, the two shorter ones one after the other) on other connections while this
    // thread reads the rest: on two cores their statements overlap, and a third thread beside
    // them made the certificate slower, not faster
    Supplier<List<MaterialLink>> materials = store.beside(() -> materials(k));
    Supplier<ProcessAndConflicts> processAndConflicts = store.beside(() -> new ProcessAndConflicts(process(k), conflicts(unit, k)));
    // a unit with events is known: the check of every other table is needed only without them
    List<RouteStep> route = route(k);
    if (route.isEmpty() && !known(k)) {
      return Optional.empty();
    }
    List<String> workOrders = route.stream().map(RouteStep::workOrder).filter(Objects::nonNull).distinct().toList();
    List<Check> checks = checks(k);
    List<Characteristic> characteristics = characteristics(k);
    Genealogy genealogy = genealogy(unit, k);
    ProcessAndConflicts beside = processAndConflicts.get();
    Map<String, java.time.Instant> started = new java.util.HashMap<>();
    for (RouteStep r : route) {
      if (r.transaction() != null && r.eventType().equals("work_started")) {
        started.putIfAbsent(r.transaction(), r.time());
      }
    }
    return Optional.of(new BirthCertificate(unit, List.copyOf(keys), workOrders, marked(route, beside.conflicts()), materials.get(),
        beside.process(), checks, characteristics, genealogy, beside.conflicts(), summary(route, checks, workOrders),
        ReflowRun.of(beside.process(), started, liquidus)));
  }

  /** the header: verdict, recipes, work order, first and last station. */
  private BirthCertificate.Summary summary(List<RouteStep> route, List<Check> checks, List<String> workOrders) {
    Verdict verdict = Verdict.of(route.stream().map(r -> new Verdict.Step(r.time(), r.station(), r.eventType(), r.result(), finalTest(r, checks)))
        .toList(), workbench);
    RouteStep first = route.isEmpty() ? null : route.get(0);
    RouteStep last = route.isEmpty() ? null : route.get(route.size() - 1);
    return new BirthCertificate.Summary(verdict, route.stream().map(RouteStep::recipe).filter(Objects::nonNull).distinct().toList(),
        workOrders.isEmpty() ? null : workOrders.get(0), first == null ? null : first.station(), first == null ? null : first.time(),
        last == null ? null : last.station(), last == null ? null : last.time(),
        (int) route.stream().map(RouteStep::station).filter(Objects::nonNull).distinct().count());
  }

  /** whether a route step is a passed functional test: UnitsTested with TestMethod FCT (the check of its transaction). */
  static boolean finalTest(RouteStep r, List<Check> checks) {
    return r.eventType().equals("tested") && "passed".equalsIgnoreCase(r.result()) && checks.stream()
        .anyMatch(c -> c.kind().equals("test") && "FCT".equalsIgnoreCase(c.method()) && Objects.equals(c.transaction(), r.transaction())
            && Objects.equals(c.station(), r.station()));
  }

  /** two sections read one after the other on one connection. */
  private record ProcessAndConflicts(List<ProcessValue> process, List<Conflict> conflicts) {}

  private List<Conflict> conflicts(String unit, String k) {
    return store.query(CONFLICTS, r -> ConflictRule.read(r, unit), k);
  }

  /** the route with the steps of conflicting windows (same station and transaction) marked. */
  private static List<RouteStep> marked(List<RouteStep> route, List<Conflict> conflicts) {
    if (conflicts.isEmpty()) {
      return route;
    }
    Set<List<String>> windows = new HashSet<>();
    for (Conflict c : conflicts) {
      windows.add(List.of(c.first().station(), c.first().transaction()));
      windows.add(List.of(c.second().station(), c.second().transaction()));
    }
    return route.stream()
        .map(s -> s.station() != null && s.transaction() != null && windows.contains(List.of(s.station(), s.transaction())) ? s.inConflict() : s)
        .toList();
  }

  private boolean known(String k) {
    // one exists per table and key column: an OR across them makes the planner read whole tables
    return store.query(KEYS + " select exists (select 1 from unit_event e where " + mine("e", "event_time") + ")"
        + " or exists (select 1 from unit_edge e where " + mine("e", "parent_id", "event_time") + ")"
        + " or exists (select 1 from unit_edge e where " + mine("e", "child_id", "event_time") + ")"
        + " or exists (select 1 from unit_alias where alias = ?)"
        + " or exists (select 1 from unit_alias where unit_id = ?)"
        + " or exists (select 1 from unit_material m where " + mine("m", "installed_at") + ")"
        + " or exists (select 1 from unit_check c where " + mine("c", "event_time") + ")"
        + " or exists (select 1 from unit_characteristic c where " + mine("c", "event_time") + ") as known",
        r -> "t".equals(r.text("known")), k, k, k).get(0);
  }

  /**
   * the unit a key names now (as {@link #find} resolves it) and its route: what
   * an interlock needs to decide whether the unit may be processed.
   *
   * @param id a serial or a provisional key ({@code PANEL-1001#2}).
   * @return the unit and its steps in time order; no steps when the store has no unit event of it.
   */
  public UnitRoute unitRoute(String id) {
    String unit = Objects.requireNonNull(store.query("select " + RESOLVED + " as unit", r -> r.text("unit"), id, id).get(0));
    return new UnitRoute(unit, route(unit));
  }

  /** a unit and its route. */
  public record UnitRoute(String unit, List<RouteStep> steps) {}

  private static final String RESOLVED = "coalesce((select a.unit_id from unit_alias a where a.alias = ? order by a.valid_from desc, a.event_time desc limit 1), ?)";

  private List<RouteStep> route(String k) {
    // a step's work order: its own (WorkStarted, UnitsInitialized), else its transaction's WorkStarted's
    // a step's operator: the one its message named, else the one logged in at the station then
    // (operator_session, CFX OperatorActivated/OperatorDeactivated: an index probe by station)
    return store.query(KEYS + " select e.*, coalesce(e.work_order, wo.work_order) as wo, case when e.work_order is not null"
            + " then e.work_order_batch else wo.work_order_batch end as wo_batch, coalesce(e.operator, op.operator_id) as op,"
            + " op.operator_name as op_name from unit_event e"
            + " left join lateral (select w.work_order, w.work_order_batch from unit_event w where e.transaction_id is not null"
            + " and w.transaction_id = e.transaction_id and w.work_order is not null order by w.event_time limit 1) wo on true"
            + " left join lateral (select o.operator_id, o.operator_name from operator_session o where o.station = e.station"
            + " and o.activated_at <= e.event_time and (o.deactivated_at is null or o.deactivated_at > e.event_time)"
            + " and (e.operator is null or o.operator_id = e.operator) order by o.activated_at desc limit 1) op on true"
            // the 100 ns digit the store's microseconds cut off keeps events of one microsecond in order (V14)
            + " where " + mine("e", "event_time") + " order by e.event_time, e.event_tick nulls first",
        r -> new RouteStep(r.time("event_time"), r.text("station"), r.text("event_type"), r.text("transaction_id"), r.integer("lane"),
            r.text("stage"), r.text("result"), r.text("recipe"), r.text("op"), r.text("unit_id"), r.text("wo"), r.text("wo_batch"), false,
            r.text("op_name")),
        k);
  }

  private List<MaterialLink> materials(String k) {
    List<MaterialLink> exact = store.query(
        KEYS + " select m.* from unit_material m where " + mine("m", "installed_at") + " order by m.installed_at, m.reference_designator",
        r -> {
          String kind = r.text("link_kind");
          return new MaterialLink(REJECTED.contains(kind) ? "rejected" : "exact", r.text("reference_designator"), r.text("part_number"),
              r.text("material_package_id"), r.text("lot"), r.text("station"), r.text("location_identifier"), r.text("carrier_id"),
              r.text("head_and_nozzle"), r.text("transaction_id"), r.time("installed_at"), null, null, null, 1, kind, null, null, null, null, null,
              r.text("reference_part_number"), r.text("leading_package_id"), r.decimal("grey_zone"), spliceChain(r.text("splice_chain")),
              r.text("rejection_reason"));
        },
        k);
    List<MaterialLink> inferred = store.query(INFERRED,
        r -> new MaterialLink("inferred", null, r.text("part_number"), r.text("material_package_id"), r.text("lot"), r.text("station"),
            r.text("location"), r.text("carrier_id"), null, r.text("transaction_id"), r.time("started"), r.time("ended"), r.time("loaded_at"),
            r.time("unloaded_at"), Objects.requireNonNull(r.integer("candidates")), null, null, null, null, null, null, null, null, null, List.of(),
            null),
        k);
    List<MaterialLink> links = Stream.concat(exact.stream(), inferred.stream()).toList();
    Map<String, Label> labels = labels(links.stream().map(MaterialLink::materialPackage).filter(Objects::nonNull).distinct().toArray(String[]::new));
    return links.stream().map(l -> {
      Label label = l.materialPackage() == null ? null : labels.get(l.materialPackage());
      return label == null ? l : l.withLabel(label.manufacturer(), label.manufacturerPartNumber(), label.manufacturerLotCode(), label.vendor(),
          label.expiresAt());
    }).toList();
  }

  /** what the package's label says (material_package_current). */
  private record Label(@Nullable String manufacturer, @Nullable String manufacturerPartNumber, @Nullable String manufacturerLotCode,
      @Nullable String vendor, java.time.@Nullable Instant expiresAt) {}

  /**
   * the label data of the unit's packages, read for those packages only: the view aggregates
   * material_package per package, and joined to the links it let the planner aggregate every
   * package of the store (7 ms of a 13 ms certificate with 1,600 packages, growing with the store),
   * where a condition on its grouping column is applied before the aggregation.
   */
  private Map<String, Label> labels(String[] packages) {
    if (packages.length == 0) {
      return Map.of();
    }
    return store.query("select * from material_package_current where material_package_id = any(?)",
            r -> Map.entry(Objects.requireNonNull(r.text("material_package_id")), new Label(r.text("manufacturer"), r.text("manufacturer_part_number"),
                r.text("manufacturer_lot_code"), r.text("vendor"), r.time("expires_at"))),
            (Object) packages)
        .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** unit_material.splice_chain ({@code [{"id","partNumber","lot"}]}, written by the ingest service). */
  private static List<SplicedPackage> spliceChain(@Nullable String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return List.of(JSON.readValue(json, SplicedPackage[].class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unit_material.splice_chain is not the array the ingest service writes: " + e.getOriginalMessage(), e);
    }
  }

  private List<ProcessValue> process(String k) {
    // two index scans (process_value by unit, by transaction) rather than one OR, which the
    // planner answers by reading the whole table; the two parts are disjoint (unit_id null or not)
    return store.query(TRANSACTIONS + ", p as (select * from process_value p where " + mine("p", "event_time")
            + " union all select * from process_value p where p.unit_id is null and p.transaction_id in (select transaction_id from tx))"
            + " select * from p order by p.event_time, p.process_kind, p.zone_sequence nulls first, p.zone nulls first, p.sub_zone nulls first,"
            + " p.parameter",
        r -> new ProcessValue(r.time("event_time"), r.text("station"), r.text("transaction_id"), r.text("process_kind"), r.text("zone"),
            r.text("sub_zone"), r.text("parameter"), r.decimal("value"), r.text("value_text"), r.text("unit_of_measure"), r.integer("zone_sequence")),
        k);
  }

  /** a check row and the identity its measurements and defects are matched by. */
  private record CheckRow(String uniqueId, Check check) {}

  /** a measurement or defect row and the check it belongs to. */
  private record Finding<T>(String uniqueId, String kind, @Nullable String checkName, @Nullable String station, @Nullable String transaction,
      java.time.Instant time, T value) {}

  private List<Check> checks(String k) {
    List<CheckRow> rows = store.query(KEYS + " select *, unique_id::text as uid from unit_check c where " + mine("c", "event_time")
            + " order by event_time, check_kind, name",
        r -> new CheckRow(r.text("uid"), new Check(r.time("event_time"), r.text("check_kind"), r.text("name"), r.text("check_id"), r.text("result"),
            r.text("station"), r.text("transaction_id"), r.text("method"), r.text("operator"), r.text("recipe"), r.time("started_at"),
            r.time("ended_at"), new ArrayList<>(), new ArrayList<>())),
        k);
    List<Finding<Measurement>> measurements = store.query(
        KEYS + " select *, unique_id::text as uid from measurement m where " + mine("m", "event_time")
            + " order by event_time, sequence nulls last, name",
        r -> new Finding<>(r.text("uid"), r.text("check_kind"), r.text("check_name"), r.text("station"), r.text("transaction_id"), r.time("event_time"),
            new Measurement(r.text("name"), r.text("designators"), r.decimal("value"), r.text("value_text"), r.decimal("expected"),
                r.decimal("lower_limit"), r.decimal("upper_limit"), r.text("unit_of_measure"), r.text("result"))),
        k);
    List<Finding<Defect>> defects = store.query(
        KEYS + " select *, unique_id::text as uid from defect d where " + mine("d", "event_time") + " order by event_time, defect_id",
        r -> new Finding<>(r.text("uid"), "defect", r.text("check_name"), r.text("station"), r.text("transaction_id"), r.time("event_time"),
            new Defect(r.text("defect_id"), r.text("defect_code"), r.text("category"), r.text("description"), r.text("reference_designator"),
                r.text("part_number"), r.text("verification"))),
        k);
    Map<String, CheckRow> extra = new LinkedHashMap<>();
    for (Finding<Measurement> m : measurements) {
      owner(rows, extra, m).check().measurements().add(m.value());
    }
    for (Finding<Defect> d : defects) {
      owner(rows, extra, d).check().defects().add(d.value());
    }
    return Stream.concat(rows.stream(), extra.values().stream()).map(CheckRow::check)
        .sorted(java.util.Comparator.comparing(Check::time)).toList();
  }

  /**
   * the check a finding belongs to: the one from the same message with the same name, else the
   * only check from that message, else a check made up from the finding itself.
   */
  private static CheckRow owner(List<CheckRow> rows, Map<String, CheckRow> extra, Finding<?> f) {
    List<CheckRow> sameMessage = rows.stream().filter(c -> c.uniqueId().equals(f.uniqueId())).toList();
    return sameMessage.stream().filter(c -> Objects.equals(c.check().name(), f.checkName())).findFirst()
        .or(() -> sameMessage.size() == 1 ? Optional.of(sameMessage.get(0)) : Optional.empty())
        .orElseGet(() -> extra.computeIfAbsent(f.uniqueId() + "/" + f.checkName(), x -> new CheckRow(f.uniqueId(),
            new Check(f.time(), f.kind(), f.checkName(), null, null, f.station(), f.transaction(), null, null, null, null, null,
                new ArrayList<>(), new ArrayList<>()))));
  }

  private List<Characteristic> characteristics(String k) {
    return store.query(KEYS + " select * from unit_characteristic c where " + mine("c", "event_time") + " order by event_time, name",
        r -> new Characteristic(r.time("event_time"), r.text("name"), r.text("value"), r.text("station"), r.text("transaction_id")),
        k);
  }

  private Genealogy genealogy(String unit, String k) {
    // parents, siblings and children in one statement (one round trip), told apart by "rel"
    String columns = " id, kind, position, reference_designator, station, event_time";
    List<Map.Entry<String, Relative>> relatives = store.query(KEYS
            + ", parents as (select distinct on (parent_id, kind) e.parent_id as id, e.* from unit_edge e where " + mine("e", "child_id", "event_time")
            + " order by parent_id, kind, event_time),"
            // a reusable carrier is the parent of other boards on every trip: siblings are the
            // boards it carried while this one was on it, the window of this unit's key
            // <carrier>#<n> (unbounded for a panel, or a parent without such a key)
            + " mine as (select x.parent_id, x.kind, coalesce(min(k.lower_bound), '-infinity'::timestamptz) as lo,"
            + " coalesce(max(k.upper_bound), 'infinity'::timestamptz) as hi from unit_edge x"
            + " left join k on left(k.key, length(x.parent_id) + 1) = x.parent_id || '#'"
            + " where " + mine("x", "child_id", "event_time") + " group by x.parent_id, x.kind),"
            + " sibling_edge as (select " + UnitAt.sql("e.child_id", "e.event_time") + " as id, e.* from unit_edge e join mine on mine.parent_id = e.parent_id and mine.kind = e.kind"
            + " where e.child_id not in (select key from k) and e.event_time >= mine.lo and e.event_time < mine.hi),"
            + " siblings as (select distinct on (id) * from sibling_edge where id <> ? order by id, event_time),"
            + " child_edge as (select " + UnitAt.sql("e.child_id", "e.event_time") + " as id, e.* from unit_edge e where " + mine("e", "parent_id", "event_time") + "),"
            + " children as (select distinct on (id, kind) * from child_edge order by id, kind, event_time)"
            + " select 'parent' as rel," + columns + " from parents union all select 'sibling'," + columns + " from siblings"
            + " union all select 'child'," + columns + " from children",
        r -> Map.entry(Objects.requireNonNull(r.text("rel")), new Relative(r.text("id"), r.text("kind"), r.integer("position"),
            r.text("reference_designator"), r.text("station"), r.time("event_time"))),
        k, unit);
    Map<String, List<Relative>> byRel = relatives.stream()
        .collect(java.util.stream.Collectors.groupingBy(Map.Entry::getKey, java.util.stream.Collectors.mapping(Map.Entry::getValue, java.util.stream.Collectors.toList())));
    List<Relative> parents = byRel.getOrDefault("parent", List.of()).stream()
        .sorted(java.util.Comparator.comparing(Relative::id).thenComparing(Relative::kind)).toList();
    List<Relative> siblings = byRel.getOrDefault("sibling", List.of());
    List<Relative> children = byRel.getOrDefault("child", List.of());
    java.util.Comparator<Relative> byPosition =
        java.util.Comparator.comparing(Relative::position, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(Relative::id);
    return new Genealogy(parents, siblings.stream().sorted(byPosition).toList(), children.stream().sorted(byPosition).toList());
  }
}
