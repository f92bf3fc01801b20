package io.cfxtrace.query.unit;

import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.unit.BirthCertificate.Characteristic;
import io.cfxtrace.query.unit.BirthCertificate.Check;
import io.cfxtrace.query.unit.BirthCertificate.Defect;
import io.cfxtrace.query.unit.BirthCertificate.Genealogy;
import io.cfxtrace.query.unit.BirthCertificate.MaterialLink;
import io.cfxtrace.query.unit.BirthCertificate.Measurement;
import io.cfxtrace.query.unit.BirthCertificate.ProcessValue;
import io.cfxtrace.query.unit.BirthCertificate.Relative;
import io.cfxtrace.query.unit.BirthCertificate.RouteStep;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * assembles a {@link BirthCertificate} from the event store.
 *
 * <p>A unit's rows carry its serial or, for what happened before a station named the serial, a
 * provisional key {@code <panel>#<position>} that {@code unit_alias} resolves. Every section
 * reads the rows of all of the unit's keys ({@code k} below: the id and its aliases).
 *
 * <p>Inferred materials: the unit's windows are the transactions it took part in (its
 * {@code unit_event} rows and {@code transaction_unit}), each from its {@code work_started} to its
 * {@code work_completed} (or its first to its last event when one is missing); every
 * {@code material_setup} interval at that station overlapping a window is a candidate, except
 * packages the station linked exactly to the unit.
 */
@Singleton
public class BirthCertificateQuery {

  /** the unit's keys as a relation, from the one array parameter of each statement. */
  private static final String KEYS = "with k as (select unnest(?::text[]) as key)";

  /** the transactions the unit took part in. */
  private static final String TRANSACTIONS =
      KEYS + ", tx as (select transaction_id from unit_event where unit_id in (select key from k) and transaction_id is not null"
          + " union select transaction_id from transaction_unit where unit_id in (select key from k))";

  /** the transactions the unit took part in, and each one's window at its station. */
  private static final String WINDOWS =
      TRANSACTIONS + ", win as (select e.station, e.transaction_id,"
          + " coalesce(min(e.event_time) filter (where e.event_type = 'work_started'), min(e.event_time)) as started,"
          + " coalesce(max(e.event_time) filter (where e.event_type = 'work_completed'), max(e.event_time)) as ended"
          + " from unit_event e where e.transaction_id in (select transaction_id from tx) and e.station is not null"
          + " group by e.station, e.transaction_id)";

  private static final String INFERRED =
      WINDOWS + ", cand as (select w.station, w.transaction_id, w.started, w.ended,"
          + " coalesce(s.location_identifier, s.location_name) as location, s.material_package_id, s.part_number, s.lot, s.carrier_id,"
          + " s.loaded_at, s.unloaded_at,"
          + " count(*) over (partition by w.station, w.transaction_id, coalesce(s.location_identifier, s.location_name)) as candidates"
          + " from win w join material_setup s on s.station = w.station and s.loaded_at <= w.ended"
          + " and (s.unloaded_at is null or s.unloaded_at > w.started))"
          + " select * from cand c where not exists (select 1 from unit_material m where m.unit_id in (select key from k)"
          + " and m.station = c.station and m.material_package_id = c.material_package_id)"
          + " order by c.started, c.location, c.loaded_at";

  private final EventStoreReader store;

  /**
   * creates the query.
   *
   * @param store the event store.
   */
  public BirthCertificateQuery(EventStoreReader store) {
    this.store = store;
  }

  /**
   * the birth certificate of a unit.
   *
   * @param id a serial, a provisional key ({@code PANEL-1001#2}) or a panel id.
   * @return the certificate, or empty when no row of the store names the unit.
   */
  public Optional<BirthCertificate> find(String id) {
    String unit =
        store.query("select unit_id from unit_alias where alias = ? order by event_time limit 1", r -> r.text("unit_id"), id).stream()
            .filter(Objects::nonNull).findFirst().orElse(id);
    List<String> keys = new ArrayList<>();
    keys.add(unit);
    store.query("select distinct alias from unit_alias where unit_id = ? order by alias", r -> r.text("alias"), unit).stream()
        .filter(Objects::nonNull).filter(a -> !a.equals(unit)).forEach(keys::add);
    String[] k = keys.toArray(String[]::new);
    // a unit with events is known: the check of every other table is needed only without them
    List<RouteStep> route = route(k);
    if (route.isEmpty() && !known(k)) {
      return Optional.empty();
    }
    return Optional.of(new BirthCertificate(unit, List.copyOf(keys), route, materials(k), process(k), checks(k), characteristics(k),
        genealogy(unit, k)));
  }

  private boolean known(String[] k) {
    return store.query(KEYS + " select exists (select 1 from unit_event where unit_id in (select key from k))"
        + " or exists (select 1 from unit_edge where parent_id in (select key from k))"
        + " or exists (select 1 from unit_edge where child_id in (select key from k))"
        + " or exists (select 1 from unit_alias where alias in (select key from k))"
        + " or exists (select 1 from unit_alias where unit_id in (select key from k))"
        + " or exists (select 1 from unit_material where unit_id in (select key from k))"
        + " or exists (select 1 from unit_check where unit_id in (select key from k))"
        + " or exists (select 1 from unit_characteristic where unit_id in (select key from k)) as known",
        r -> "t".equals(r.text("known")), (Object) k).get(0);
  }

  private List<RouteStep> route(String[] k) {
    return store.query(KEYS + " select * from unit_event where unit_id in (select key from k) order by event_time",
        r -> new RouteStep(r.time("event_time"), r.text("station"), r.text("event_type"), r.text("transaction_id"), r.integer("lane"),
            r.text("stage"), r.text("result"), r.text("recipe"), r.text("operator"), r.text("unit_id")),
        (Object) k);
  }

  private List<MaterialLink> materials(String[] k) {
    List<MaterialLink> exact = store.query(
        KEYS + " select * from unit_material where unit_id in (select key from k) order by installed_at, reference_designator",
        r -> new MaterialLink("exact", r.text("reference_designator"), r.text("part_number"), r.text("material_package_id"), r.text("lot"),
            r.text("station"), r.text("location_identifier"), r.text("carrier_id"), r.text("head_and_nozzle"), r.text("transaction_id"),
            r.time("installed_at"), null, null, null, 1),
        (Object) k);
    List<MaterialLink> inferred = store.query(INFERRED,
        r -> new MaterialLink("inferred", null, r.text("part_number"), r.text("material_package_id"), r.text("lot"), r.text("station"),
            r.text("location"), r.text("carrier_id"), null, r.text("transaction_id"), r.time("started"), r.time("ended"), r.time("loaded_at"),
            r.time("unloaded_at"), Objects.requireNonNull(r.integer("candidates"))),
        (Object) k);
    return Stream.concat(exact.stream(), inferred.stream()).toList();
  }

  private List<ProcessValue> process(String[] k) {
    // two index scans (process_value_unit, process_value_tx) rather than one OR, which the
    // planner answers by reading the whole table; the two parts are disjoint (unit_id null or not)
    return store.query(TRANSACTIONS + ", p as (select * from process_value where unit_id in (select key from k)"
            + " union all select * from process_value where unit_id is null and transaction_id in (select transaction_id from tx))"
            + " select * from p order by p.event_time, p.process_kind, p.zone nulls first, p.sub_zone nulls first, p.parameter",
        r -> new ProcessValue(r.time("event_time"), r.text("station"), r.text("transaction_id"), r.text("process_kind"), r.text("zone"),
            r.text("sub_zone"), r.text("parameter"), r.decimal("value"), r.text("value_text"), r.text("unit_of_measure")),
        (Object) k);
  }

  /** a check row and the identity its measurements and defects are matched by. */
  private record CheckRow(String uniqueId, Check check) {}

  /** a measurement or defect row and the check it belongs to. */
  private record Finding<T>(String uniqueId, String kind, @Nullable String checkName, @Nullable String station, @Nullable String transaction,
      java.time.Instant time, T value) {}

  private List<Check> checks(String[] k) {
    List<CheckRow> rows = store.query(KEYS + " select *, unique_id::text as uid from unit_check where unit_id in (select key from k)"
            + " order by event_time, check_kind, name",
        r -> new CheckRow(r.text("uid"), new Check(r.time("event_time"), r.text("check_kind"), r.text("name"), r.text("check_id"), r.text("result"),
            r.text("station"), r.text("transaction_id"), r.text("method"), r.text("operator"), r.text("recipe"), r.time("started_at"),
            r.time("ended_at"), new ArrayList<>(), new ArrayList<>())),
        (Object) k);
    List<Finding<Measurement>> measurements = store.query(
        KEYS + " select *, unique_id::text as uid from measurement where unit_id in (select key from k) order by event_time, sequence nulls last, name",
        r -> new Finding<>(r.text("uid"), r.text("check_kind"), r.text("check_name"), r.text("station"), r.text("transaction_id"), r.time("event_time"),
            new Measurement(r.text("name"), r.text("designators"), r.decimal("value"), r.text("value_text"), r.decimal("expected"),
                r.decimal("lower_limit"), r.decimal("upper_limit"), r.text("unit_of_measure"), r.text("result"))),
        (Object) k);
    List<Finding<Defect>> defects = store.query(
        KEYS + " select *, unique_id::text as uid from defect where unit_id in (select key from k) order by event_time, defect_id",
        r -> new Finding<>(r.text("uid"), "defect", r.text("check_name"), r.text("station"), r.text("transaction_id"), r.time("event_time"),
            new Defect(r.text("defect_id"), r.text("defect_code"), r.text("category"), r.text("description"), r.text("reference_designator"),
                r.text("part_number"), r.text("verification"))),
        (Object) k);
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

  private List<Characteristic> characteristics(String[] k) {
    return store.query(KEYS + " select * from unit_characteristic where unit_id in (select key from k) order by event_time, name",
        r -> new Characteristic(r.time("event_time"), r.text("name"), r.text("value"), r.text("station"), r.text("transaction_id")),
        (Object) k);
  }

  private Genealogy genealogy(String unit, String[] k) {
    List<Relative> parents = store.query(KEYS + " select distinct on (parent_id, kind) * from unit_edge where child_id in (select key from k)"
            + " order by parent_id, kind, event_time",
        r -> new Relative(r.text("parent_id"), r.text("kind"), r.integer("position"), r.text("reference_designator"), r.text("station"),
            r.time("event_time")),
        (Object) k);
    List<Relative> siblings = store.query(KEYS + ", mine as (select parent_id, kind from unit_edge where child_id in (select key from k))"
            + " select distinct on (coalesce(a.unit_id, e.child_id)) coalesce(a.unit_id, e.child_id) as id, e.* from unit_edge e"
            + " join mine on mine.parent_id = e.parent_id and mine.kind = e.kind left join unit_alias a on a.alias = e.child_id"
            + " where e.child_id not in (select key from k) and coalesce(a.unit_id, e.child_id) <> ?"
            + " order by coalesce(a.unit_id, e.child_id), e.event_time",
        r -> new Relative(r.text("id"), r.text("kind"), r.integer("position"), r.text("reference_designator"), r.text("station"),
            r.time("event_time")),
        k, unit);
    List<Relative> children = store.query(KEYS + " select distinct on (coalesce(a.unit_id, e.child_id), e.kind) coalesce(a.unit_id, e.child_id) as id,"
            + " e.* from unit_edge e left join unit_alias a on a.alias = e.child_id where e.parent_id in (select key from k)"
            + " order by coalesce(a.unit_id, e.child_id), e.kind, e.event_time",
        r -> new Relative(r.text("id"), r.text("kind"), r.integer("position"), r.text("reference_designator"), r.text("station"),
            r.time("event_time")),
        (Object) k);
    java.util.Comparator<Relative> byPosition =
        java.util.Comparator.comparing(Relative::position, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(Relative::id);
    return new Genealogy(parents, siblings.stream().sorted(byPosition).toList(), children.stream().sorted(byPosition).toList());
  }
}
