package io.cfxtrace.query.conflict;

import io.cfxtrace.query.store.Row;
import java.sql.SQLException;
import java.util.Objects;

/**
 * when two work windows of one unit conflict, as an SQL condition over two rows with the columns
 * {@code station}, {@code transaction_id}, {@code started} and {@code ended}, and how a pair is
 * selected and read: the birth certificate and the conflicts listing pair windows with it, so that
 * they flag the same pairs.
 *
 * <p>Two windows conflict when they are at different stations and each starts before the other
 * ends: a board cannot be in two machines at once. Not a conflict:
 *
 * <ul>
 *   <li>the boards of a panel worked in one transaction, or any transaction with several units:
 *       pairs are formed within one unit's windows, and one transaction is one window;
 *   <li>two windows at the same station (two lanes of one machine, or two transactions one
 *       machine ran on the board): the board is in one machine;
 *   <li>windows that only touch, one ending at the instant the next starts: the board went from
 *       one machine to the next;
 *   <li>a repair, rework or test station's transaction that lies between the others, nested in
 *       none of them.
 * </ul>
 *
 * <p>A single-event window (a transaction with one event) conflicts with a window it lies
 * strictly inside. Clocks of stations that drift apart make consecutive stations' windows overlap
 * by the drift; the overlap ({@link Conflict#overlapFrom()} to {@link Conflict#overlapTo()}) shows
 * how long, which tells a few seconds of drift from a board in two places.
 */
public final class ConflictRule {

  private ConflictRule() {}

  /**
   * the condition that the windows {@code a} and {@code b} conflict, with {@code a} the one that
   * started first (at the same start, the one whose station, then transaction, sorts first), so
   * that a pair is found once.
   *
   * @param a the alias of the first window's row.
   * @param b the alias of the second window's row.
   * @return an SQL boolean expression.
   */
  public static String sql(String a, String b) {
    return a + ".station <> " + b + ".station and " + startsBeforeEnd(a + ".started", b + ".ended") + " and " + startsBeforeEnd(b + ".started", a + ".ended")
        + " and (" + a + ".started, " + a + ".station, " + a + ".transaction_id) < (" + b + ".started, " + b + ".station, " + b + ".transaction_id)";
  }

  /**
   * the condition that a window starting at {@code start} is open before one ending at {@code end}
   * has closed: strictly before, so that windows that only touch do not overlap. The conflicts
   * listing finds the units it pairs with it too.
   *
   * @param start the SQL of the one window's start.
   * @param end the SQL of the other window's end.
   * @return an SQL boolean expression.
   */
  public static String startsBeforeEnd(String start, String end) {
    return start + " < " + end;
  }

  /**
   * the select list of a pair, read back by {@link #read}.
   *
   * @param a the alias of the first window's row.
   * @param b the alias of the second window's row.
   * @return the columns {@code a_station}, {@code a_tx}, {@code a_started}, {@code a_ended} and
   *     the same with {@code b_}.
   */
  public static String columns(String a, String b) {
    return side(a, "a_") + ", " + side(b, "b_");
  }

  private static String side(String alias, String prefix) {
    return alias + ".station as " + prefix + "station, " + alias + ".transaction_id as " + prefix + "tx, " + alias + ".started as " + prefix
        + "started, " + alias + ".ended as " + prefix + "ended";
  }

  /**
   * the SQL expression by which pairs are listed: when the overlap began.
   *
   * @param a the alias of the first window's row.
   * @param b the alias of the second window's row.
   * @return an SQL expression.
   */
  public static String overlapFrom(String a, String b) {
    return "greatest(" + a + ".started, " + b + ".started)";
  }

  /**
   * reads a pair selected with {@link #columns}.
   *
   * @param r the row.
   * @param unit the unit whose windows they are.
   * @return the conflict.
   * @throws SQLException when a column cannot be read.
   */
  public static Conflict read(Row r, String unit) throws SQLException {
    return Conflict.of(unit, window(r, "a_"), window(r, "b_"));
  }

  private static WorkWindow window(Row r, String prefix) throws SQLException {
    return WorkWindow.of(Objects.requireNonNull(r.text(prefix + "station")), Objects.requireNonNull(r.text(prefix + "tx")),
        Objects.requireNonNull(r.time(prefix + "started")), Objects.requireNonNull(r.time(prefix + "ended")));
  }
}
