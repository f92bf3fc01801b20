package io.cfxtrace.query.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * the store's {@code unit_at(key, time)} (migration V4): the serial of the alias valid at the
 * time, else the key's first alias, else the key itself. Written out as an SQL expression
 * ({@link #sql}) and as a lookup in Java ({@link #of}).
 */
public final class UnitAt {

  /** an alias row: the unit a key denotes from {@code validFrom} on; a key's rows in order of validFrom, then eventTime. */
  private record Alias(String unit, Instant validFrom, Instant eventTime) {}

  private final Map<String, List<Alias>> aliases;

  private UnitAt(Map<String, List<Alias>> aliases) {
    this.aliases = aliases;
  }

  /**
   * the expression, for statements that resolve a few rows: the function's body has subqueries,
   * so PostgreSQL cannot inline it and runs it as a separate function call per row (about 10 µs
   * each), where the same two subqueries written into the statement are plain index probes of
   * {@code unit_alias_window_idx}.
   *
   * @param key the SQL of the stored unit key (a column).
   * @param time the SQL of the row's time (a column).
   * @return an SQL expression giving the unit the key denotes at that time.
   */
  public static String sql(String key, String time) {
    return "coalesce((select a.unit_id from unit_alias a where a.alias = " + key + " and a.valid_from <= " + time
        + " order by a.valid_from desc, a.event_time desc limit 1), (select a.unit_id from unit_alias a where a.alias = " + key
        + " order by a.valid_from, a.event_time limit 1), " + key + ")";
  }

  /**
   * the aliases of many keys, read in one statement ({@code alias = any(?)}, one index scan), for
   * resolving thousands of rows: the expression costs two index probes and two sorts per row (60
   * ms of a reel's 10,000 links at 10 million unit events).
   *
   * @param store the event store.
   * @param keys the unit keys the rows carry.
   * @return the lookup.
   */
  public static UnitAt of(EventStoreReader store, Collection<String> keys) {
    String[] distinct = keys.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    if (distinct.length == 0) {
      return new UnitAt(Map.of());
    }
    // in the rule's order, so that each key's list is already sorted
    return new UnitAt(store.query("select alias, unit_id, valid_from, event_time from unit_alias where alias = any(?) order by alias, valid_from, event_time",
            r -> Map.entry(Objects.requireNonNull(r.text("alias")), new Alias(Objects.requireNonNull(r.text("unit_id")),
                Objects.requireNonNull(r.time("valid_from")), Objects.requireNonNull(r.time("event_time")))),
            (Object) distinct)
        .stream().collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList()))));
  }

  /**
   * the unit a key denotes at a time, by the rule of {@link #sql}.
   *
   * @param key the stored unit key.
   * @param time the row's time.
   * @return the unit.
   */
  public String unit(String key, @Nullable Instant time) {
    List<Alias> rows = aliases.get(key);
    if (rows == null) {
      return key;
    }
    Alias valid = null;
    for (Alias a : rows) {
      if (time != null && !a.validFrom().isAfter(time)) {
        valid = a;
      }
    }
    return (valid != null ? valid : rows.get(0)).unit();
  }
}
