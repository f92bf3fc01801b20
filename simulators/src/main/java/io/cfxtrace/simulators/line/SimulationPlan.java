package io.cfxtrace.simulators.line;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * what to simulate. The same plan always gives the same traffic.
 *
 * @param lines how many lines, each with its own stations ({@code Line1.*}, {@code Line2.*}...).
 * @param boardsPerLine boards each line builds.
 * @param panelSize boards per panel (the last panel of a line may hold fewer).
 * @param seed the seed of every random choice.
 * @param start the simulated time the shift starts; envelope TimeStamps carry its offset, as the
 *     SDK stamps envelopes with the station's local time.
 */
public record SimulationPlan(int lines, int boardsPerLine, int panelSize, long seed, OffsetDateTime start) {

  /** the most lines one run simulates. */
  public static final int MAX_LINES = 50;

  /** the most boards per panel. */
  public static final int MAX_PANEL_SIZE = 100;

  /** checks the numbers, naming the bad one. */
  public SimulationPlan {
    Objects.requireNonNull(start, "start");
    if (lines < 1 || lines > MAX_LINES) {
      throw new IllegalArgumentException("lines must be within 1.." + MAX_LINES + ", was " + lines);
    }
    if (boardsPerLine < 1) {
      throw new IllegalArgumentException("boards must be at least 1, was " + boardsPerLine);
    }
    if (panelSize < 1 || panelSize > MAX_PANEL_SIZE) {
      throw new IllegalArgumentException("panel size must be within 1.." + MAX_PANEL_SIZE + ", was " + panelSize);
    }
  }

  /**
   * panels each line builds.
   *
   * @return the count.
   */
  public int panelsPerLine() {
    return (boardsPerLine + panelSize - 1) / panelSize;
  }
}
