package io.cfxtrace.query.conflict;

import java.time.Instant;

/**
 * two work windows of one unit at different stations whose times overlap: the unit was recorded in
 * two machines at once (the rule: {@link ConflictRule}).
 *
 * @param unit the unit (its serial once one was named).
 * @param first the window that started first (at the same start, the one whose station, then
 *     transaction, sorts first).
 * @param second the other window.
 * @param overlapFrom when both windows were open: the later start.
 * @param overlapTo until when: the earlier end (after {@code overlapFrom}, or equal to it when one
 *     window is a single instant inside the other).
 */
public record Conflict(String unit, WorkWindow first, WorkWindow second, Instant overlapFrom, Instant overlapTo) {

  /**
   * the conflict of two windows that {@link ConflictRule} paired.
   *
   * @param unit the unit.
   * @param first the window that started first.
   * @param second the other.
   * @return the conflict with the windows' overlap.
   */
  public static Conflict of(String unit, WorkWindow first, WorkWindow second) {
    Instant from = first.started().isAfter(second.started()) ? first.started() : second.started();
    Instant to = first.ended().isBefore(second.ended()) ? first.ended() : second.ended();
    return new Conflict(unit, first, second, from, to);
  }
}
