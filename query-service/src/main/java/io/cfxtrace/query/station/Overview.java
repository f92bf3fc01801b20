package io.cfxtrace.query.station;

import io.cfxtrace.query.unit.Verdict;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * the home page's overview: a tile per station and the boards that most recently left the line.
 *
 * @param stations every station the store has heard of, by handle.
 * @param recent the boards whose work most recently completed at a final station (see {@code
 *     cfx.query.workbench.final-stations}; by default the stations that run functional tests),
 *     latest first.
 */
public record Overview(List<Tile> stations, List<RecentBoard> recent) {

  /**
   * a station at a glance.
   *
   * @param station its CFX handle.
   * @param state its last state (SEMI E10 name from StationStateChanged), if any.
   * @param stateSince when it entered that state.
   * @param recipe the recipe of its last unit event, else of its last RecipeActivated.
   * @param unit the board of its last unit event (a serial where known).
   * @param unitEvent that event's type ({@code work_started}, {@code work_completed}...).
   * @param unitTime when.
   * @param busy whether that board is still in it (its last event is not a completion or departure).
   * @param openFaults faults that occurred in the day before its last event and were not cleared.
   * @param units boards with a result there in the hour before its last unit event.
   * @param firstPass of those, the boards whose first result there was not a failure.
   * @param firstPassYield firstPass / units, when units is not 0.
   * @param finalStation whether boards leave the line here (see {@link Overview#recent}).
   */
  public record Tile(
      String station,
      @Nullable String state,
      @Nullable Instant stateSince,
      @Nullable String recipe,
      @Nullable String unit,
      @Nullable String unitEvent,
      @Nullable Instant unitTime,
      boolean busy,
      int openFaults,
      int units,
      int firstPass,
      @Nullable Double firstPassYield,
      boolean finalStation) {}

  /**
   * a board that left the line.
   *
   * @param unit the board.
   * @param station where it finished.
   * @param time when its work there completed.
   * @param verdict its verdict.
   */
  public record RecentBoard(String unit, String station, Instant time, Verdict verdict) {}
}
