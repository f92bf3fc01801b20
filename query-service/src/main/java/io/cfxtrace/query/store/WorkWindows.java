package io.cfxtrace.query.store;

/**
 * a work transaction's window at its station, as SQL aggregates over its {@code unit_event} rows
 * grouped by station and transaction: from its first {@code work_started} to its last {@code
 * work_completed} (CFX WorkStarted, WorkCompleted), or from its first to its last event when a
 * station sent one of them not. The birth certificate (inferred materials, conflicts) and the
 * conflicts listing read windows through these expressions, so that they agree on them.
 *
 * <p>Times are stored cut to the microsecond with the 100 ns cut off beside them ({@code
 * event_tick}, {@code loaded_tick}, {@code unloaded_tick}: ingest StoreTime, V14, V15), so that a
 * board placed 100 ns after a reel change is attributed to the new reel and one placed 100 ns
 * before to the old one ({@link #overlapsSetup}).
 */
public final class WorkWindows {

  private WorkWindows() {}

  /**
   * the window's start.
   *
   * @param alias the alias of the {@code unit_event} rows being grouped.
   * @return an aggregate SQL expression.
   */
  public static String started(String alias) {
    return "coalesce(min(" + alias + ".event_time) filter (where " + alias + ".event_type = 'work_started'), min(" + alias + ".event_time))";
  }

  /**
   * the window's end.
   *
   * @param alias the alias of the {@code unit_event} rows being grouped.
   * @return an aggregate SQL expression.
   */
  public static String ended(String alias) {
    return "coalesce(max(" + alias + ".event_time) filter (where " + alias + ".event_type = 'work_completed'), max(" + alias + ".event_time))";
  }

  /**
   * the condition that a window overlaps a material setup: the setup {@code [loaded, unloaded)}
   * and the window {@code [started, ended]} share an instant, to the 100 ns. The microseconds are
   * compared as before (the join can still probe {@code material_setup (station, loaded_at)}); only
   * where a setup's load or end falls in the microsecond of the window's end or start are the
   * ticks compared, the window's read by {@link #tick} from the transaction's events at that
   * microsecond (rare: an index probe by transaction, not a column every window computes).
   *
   * @param window the alias of the windows (columns station, transaction_id, started, ended).
   * @param setup the alias of the {@code material_setup} rows.
   * @return a boolean SQL expression.
   */
  public static String overlapsSetup(String window, String setup) {
    String w = window;
    String s = setup;
    return s + ".loaded_at <= " + w + ".ended and (" + s + ".unloaded_at is null or " + s + ".unloaded_at >= " + w + ".started)"
        + " and case when " + s + ".loaded_at < " + w + ".ended then true"
        + " else coalesce(" + s + ".loaded_tick, 0) <= " + tick(w, "ended", "max", "work_completed") + " end"
        + " and case when " + s + ".unloaded_at is null or " + s + ".unloaded_at > " + w + ".started then true"
        + " else coalesce(" + s + ".unloaded_tick, 0) > " + tick(w, "started", "min", "work_started") + " end";
  }

  /**
   * the tick of a window's start or end: among the transaction's events at the station in that
   * microsecond, the first work start's (last work completion's), else the first (last) event's,
   * as {@link #started} and {@link #ended} choose their times; a tick stored before V14 counts 0.
   */
  private static String tick(String w, String bound, String aggregate, String eventType) {
    String t = "coalesce(u.event_tick, 0)";
    return "(select coalesce(" + aggregate + "(" + t + ") filter (where u.event_type = '" + eventType + "'), " + aggregate + "(" + t + "))"
        + " from unit_event u where u.transaction_id = " + w + ".transaction_id and u.station = " + w + ".station and u.event_time = "
        + w + "." + bound + ")";
  }
}
