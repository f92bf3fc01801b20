package io.cfxtrace.query.search;

import io.cfxtrace.query.search.SearchResult.Match;
import io.cfxtrace.query.store.EventStoreReader;
import io.cfxtrace.query.store.UnitAt;
import io.cfxtrace.query.unit.UnitLookup;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * looks an identifier up as every kind of thing at once: one statement of index probes, each
 * {@code limit}ed, so the answer costs the same whatever the store's size (a work order's boards
 * and a part's lots are read, up to 50, only when the identifier is one).
 */
@Singleton
public class SearchQuery {

  /** the most lots or boards a match lists. */
  static final int LISTED = 50;

  private static final String PROBES =
      "select 'unit' as kind, unit_id as id, null as extra from (select unit_id from unit_event where unit_id = ? limit 1) a"
          + " union all select 'unit', unit_id, null from (select unit_id from unit_alias where unit_id = ? limit 1) b"
          + " union all select 'key', alias, unit_id from (select alias, unit_id from unit_alias where alias = ?"
          + " order by valid_from desc, event_time desc limit 1) c"
          + " union all select 'panel', parent_id, kind from (select parent_id, kind from unit_edge where parent_id = ? limit 1) d"
          + " union all select 'reel', material_package_id, part_number from (select material_package_id, part_number from material_setup"
          + " where material_package_id = ? limit 1) e"
          + " union all select 'reel', material_package_id, part_number from (select material_package_id, part_number from unit_material"
          + " where material_package_id = ? limit 1) f"
          + " union all select 'reel', material_package_id, internal_part_number from (select material_package_id, internal_part_number"
          + " from material_package where material_package_id = ? limit 1) g"
          + " union all select 'lot', lot, part_number from (select distinct lot, part_number from unit_material where lot = ? limit 20) h"
          + " union all select 'lot', lot, internal_part_number from (select distinct lot, internal_part_number from material_package"
          + " where lot = ? limit 20) i"
          + " union all select 'part', part_number, null from (select part_number from material_setup where part_number = ? limit 1) j"
          + " union all select 'workOrder', work_order, null from (select work_order from unit_event where work_order = ? limit 1) l"
          + " union all select 'transaction', transaction_id, station from (select transaction_id, station from unit_event"
          + " where transaction_id = ? limit 1) m";

  private final EventStoreReader store;
  private final UnitLookup lookup;

  /**
   * creates the query.
   *
   * @param store the event store.
   * @param lookup finds a serial typed in another letter case.
   */
  public SearchQuery(EventStoreReader store, UnitLookup lookup) {
    this.store = store;
    this.lookup = lookup;
  }

  private record Probe(String kind, String id, @Nullable String extra) {}

  /**
   * what an identifier names.
   *
   * @param query the identifier, trimmed.
   * @return the matches.
   */
  public SearchResult find(String query) {
    Object[] params = new Object[12];
    java.util.Arrays.fill(params, query);
    List<Probe> probes = store.query(PROBES, r -> new Probe(Objects.requireNonNull(r.text("kind")), Objects.requireNonNull(r.text("id")),
        r.text("extra")), params);
    Map<String, Match> matches = new LinkedHashMap<>();
    for (Probe p : probes) {
      switch (p.kind()) {
        case "unit" -> matches.putIfAbsent("unit", Match.of("unit", p.id()));
        case "key" -> matches.put("key", new Match("key", p.id(), p.extra(), null, null, List.of(), List.of()));
        case "panel" -> matches.putIfAbsent("panel", Match.of("panel", p.id()));
        case "reel" -> matches.merge("reel", new Match("reel", p.id(), null, p.extra(), null, List.of(), List.of()),
            (a, b) -> a.partNumber() != null ? a : b);
        case "lot" -> {
          // one match per part number of the lot (the same lot name may be used by two suppliers)
          String key = "lot " + Objects.toString(p.extra(), "");
          matches.putIfAbsent(key, new Match("lot", p.id(), null, p.extra(), null, List.of(), List.of()));
        }
        case "part" -> matches.putIfAbsent("part", new Match("part", p.id(), null, p.id(), null, lotsOf(p.id()), List.of()));
        case "workOrder" -> matches.putIfAbsent("workOrder", new Match("workOrder", p.id(), null, null, null, List.of(), workOrderUnits(p.id())));
        case "transaction" -> matches.putIfAbsent("transaction",
            new Match("transaction", p.id(), null, null, p.extra(), List.of(), transactionUnits(p.id())));
        default -> throw new IllegalStateException("unknown probe kind " + p.kind());
      }
    }
    // a provisional key is stored as a unit key too: it is the key, not another board
    if (matches.containsKey("key") && matches.containsKey("unit") && matches.get("unit").id().equals(matches.get("key").id())) {
      matches.remove("unit");
    }
    // a lot named without its part once it is known with one is the same lot
    if (matches.keySet().stream().anyMatch(k -> k.startsWith("lot ") && !k.equals("lot "))) {
      matches.remove("lot ");
    }
    if (matches.isEmpty()) {
      for (String spelling : lookup.ignoringCase(query)) {
        matches.put("unit " + spelling, Match.of("unit", spelling));
      }
    }
    return new SearchResult(query, new ArrayList<>(matches.values()));
  }

  private List<String> lotsOf(String part) {
    return store.query("select distinct lot from (select lot from material_setup where part_number = ? and lot is not null limit 5000) s order by lot limit "
        + LISTED, r -> Objects.requireNonNull(r.text("lot")), part);
  }

  private List<String> workOrderUnits(String workOrder) {
    List<Map.Entry<String, Instant>> keys = store.query("select unit_id, min(event_time) as at from unit_event where work_order = ?"
            + " group by unit_id order by at, unit_id limit " + (LISTED * 4),
        r -> Map.entry(Objects.requireNonNull(r.text("unit_id")), Objects.requireNonNull(r.time("at"))), workOrder);
    return resolved(keys);
  }

  private List<String> transactionUnits(String transaction) {
    List<Map.Entry<String, Instant>> keys = store.query("select unit_id, min(event_time) as at from (select unit_id, event_time from unit_event"
            + " where transaction_id = ? union all select unit_id, event_time from transaction_unit where transaction_id = ?) t"
            + " group by unit_id order by at, unit_id limit " + (LISTED * 4),
        r -> Map.entry(Objects.requireNonNull(r.text("unit_id")), Objects.requireNonNull(r.time("at"))), transaction, transaction);
    return resolved(keys);
  }

  /** the boards stored keys name (a panel key and its boards' serials collapse to the serials). */
  private List<String> resolved(List<Map.Entry<String, Instant>> keys) {
    UnitAt at = UnitAt.of(store, keys.stream().map(Map.Entry::getKey).toList());
    return keys.stream().map(k -> at.unit(k.getKey(), k.getValue())).distinct().limit(LISTED).toList();
  }
}
