package io.cfxtrace.query.unit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * the units that had a unit event at a station and/or within a time window.
 *
 * @param station the station asked for, if any.
 * @param from the start of the window (inclusive), if any.
 * @param to the end of the window (exclusive), if any.
 * @param result the result asked for, if any.
 * @param limit the most units answered.
 * @param truncated whether more units matched than {@code limit}: the list ends early.
 * @param units one entry per unit and station, by first event.
 */
public record UnitSearch(
    @Nullable String station,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable String result,
    int limit,
    boolean truncated,
    List<Found> units) {

  /**
   * a unit found.
   *
   * @param unit the unit (its serial when one was named).
   * @param station the station it had its events at.
   * @param first its first event there within the window.
   * @param last its last event there within the window.
   * @param results the distinct results of those events, sorted.
   */
  public record Found(String unit, String station, Instant first, Instant last, List<String> results) {}
}
