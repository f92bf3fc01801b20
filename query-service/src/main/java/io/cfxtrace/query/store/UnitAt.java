package io.cfxtrace.query.store;

/**
 * the store's {@code unit_at(key, time)} (migration V4) written out as an SQL expression, for
 * statements that resolve many rows: the function's body has subqueries, so PostgreSQL cannot
 * inline it and runs it as a separate function call per row (about 10 µs each, 115 ms for the
 * 10,000 links of a reel), where the same two subqueries written into the statement are plain
 * index probes of {@code unit_alias_window_idx}. Same answer as the function: the serial of the
 * alias valid at the time, else the key's first alias, else the key itself.
 */
public final class UnitAt {

  private UnitAt() {}

  /**
   * the expression.
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
}
