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
 * @param carriers reusable carriers per line, 0 for none. With none, each panel carries an id of its
 *     own and the stations name its boards by that id and their position. With some, the panels
 *     travel on a pool of that many carriers ({@code CAR-L1-01}...) that return to the line's
 *     entry after each trip; the stations name the boards by carrier id and position, so the same
 *     {@code <carrier>#<position>} names another board on every trip.
 */
public record SimulationPlan(int lines, int boardsPerLine, int panelSize, long seed, OffsetDateTime start, int carriers) {

  /** the most lines one run simulates. */
  public static final int MAX_LINES = 50;

  /** the most boards per panel. */
  public static final int MAX_PANEL_SIZE = 100;

  /** the most carriers per line. */
  public static final int MAX_CARRIERS = 1000;

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
    if (carriers < 0 || carriers > MAX_CARRIERS) {
      throw new IllegalArgumentException("carriers must be within 0.." + MAX_CARRIERS + ", was " + carriers);
    }
  }

  /**
   * a plan whose panels carry their own ids (no reusable carriers).
   *
   * @param lines how many lines.
   * @param boardsPerLine boards each line builds.
   * @param panelSize boards per panel.
   * @param seed the seed of every random choice.
   * @param start the simulated time the shift starts.
   */
  public SimulationPlan(int lines, int boardsPerLine, int panelSize, long seed, OffsetDateTime start) {
    this(lines, boardsPerLine, panelSize, seed, start, 0);
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
