package io.cfxtrace.query.store;

/**
 * a work transaction's window at its station, as SQL aggregates over its {@code unit_event} rows
 * grouped by station and transaction: from its first {@code work_started} to its last {@code
 * work_completed} (CFX WorkStarted, WorkCompleted), or from its first to its last event when a
 * station sent one of them not. The birth certificate (inferred materials, conflicts) and the
 * conflicts listing read windows through these expressions, so that they agree on them.
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
}
