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
 * @param firstLine the number of the first line: lines are numbered from it, and the number is in
 *     every name a line gives (handles {@code Line7.SPI.SPI01}, serials {@code SN-L7-000001}, panels,
 *     reels {@code RL-L7-000001}, paste, work orders, operators, feeders, carriers), so lines of
 *     different numbers never share a name. A line's random choices are seeded by the seed and its
 *     number: line 2 of a two-line plan is the same traffic as a plan whose first line is 2.
 */
public record SimulationPlan(int lines, int boardsPerLine, int panelSize, long seed, OffsetDateTime start, int carriers, int firstLine) {

  /** the most lines one run simulates. */
  public static final int MAX_LINES = 50;

  /** the most boards per panel. */
  public static final int MAX_PANEL_SIZE = 100;

  /** the most carriers per line. */
  public static final int MAX_CARRIERS = 1000;

  /** the highest line number. */
  public static final int MAX_LINE_NUMBER = 9999;

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
    if (firstLine < 1 || firstLine > MAX_LINE_NUMBER - lines + 1) {
      throw new IllegalArgumentException("first line must be within 1.." + (MAX_LINE_NUMBER - lines + 1) + " for " + lines + " line"
          + (lines == 1 ? "" : "s") + ", was " + firstLine);
    }
  }

  /**
   * a plan whose lines are numbered from 1.
   *
   * @param lines how many lines.
   * @param boardsPerLine boards each line builds.
   * @param panelSize boards per panel.
   * @param seed the seed of every random choice.
   * @param start the simulated time the shift starts.
   * @param carriers reusable carriers per line, 0 for none.
   */
  public SimulationPlan(int lines, int boardsPerLine, int panelSize, long seed, OffsetDateTime start, int carriers) {
    this(lines, boardsPerLine, panelSize, seed, start, carriers, 1);
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
   * this plan with its lines numbered from another number.
   *
   * @param number the first line's number.
   * @return the copy.
   */
  public SimulationPlan withFirstLine(int number) {
    return new SimulationPlan(lines, boardsPerLine, panelSize, seed, start, carriers, number);
  }

  /**
   * the numbers of the plan's lines.
   *
   * @return from {@link #firstLine()} on, one per line.
   */
  public java.util.stream.IntStream lineNumbers() {
    return java.util.stream.IntStream.range(firstLine, firstLine + lines);
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
