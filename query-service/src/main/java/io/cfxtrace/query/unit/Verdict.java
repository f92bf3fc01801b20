package io.cfxtrace.query.unit;

import io.cfxtrace.query.config.WorkbenchConfiguration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * a board's verdict at a glance, read from its unit events in time order.
 *
 * <ul>
 *   <li>{@code scrapped}: a station disqualified it (CFX UnitsDisqualified) or a repair ended in
 *       {@code Scrap}.
 *   <li>{@code failed}: a failure stands: an inspection or test (UnitsInspected, UnitsTested) failed
 *       (or ended in {@code Error}) and neither a later pass at the same station (a retest) nor a
 *       successful repair (UnitsRepaired {@code RepairSuccessful}) cleared it; a repair ended in
 *       {@code UnableToRepair}; or the board's last work at a station ended {@code Failed}.
 *   <li>{@code passed} / {@code repaired}: no failure stands and the board has left the line (see
 *       {@link WorkbenchConfiguration#finalStations}); {@code repaired} when a repair cleared a
 *       failure on the way.
 *   <li>{@code in progress}: otherwise (still on the line, or its final test not reported yet).
 * </ul>
 *
 * @param verdict one of {@link #PASSED}, {@link #FAILED}, {@link #SCRAPPED}, {@link #REPAIRED},
 *     {@link #IN_PROGRESS}.
 * @param reason the step that decided it, for example {@code failed at Line1.AOI.AOI01 (Failed)}.
 * @param at when that step happened, if one did.
 */
public record Verdict(String verdict, String reason, @Nullable Instant at) {

  /** left the line, nothing failed. */
  public static final String PASSED = "passed";
  /** a failure stands. */
  public static final String FAILED = "failed";
  /** disqualified. */
  public static final String SCRAPPED = "scrapped";
  /** left the line after a repair cleared a failure. */
  public static final String REPAIRED = "repaired";
  /** still on the line. */
  public static final String IN_PROGRESS = "in progress";

  /**
   * what the verdict reads of a unit event.
   *
   * @param time when.
   * @param station where.
   * @param eventType the unit_event type ({@code inspected}, {@code tested}, {@code repaired},
   *     {@code disqualified}, {@code work_completed}...).
   * @param result its result as the station sent it (CFX enumeration names).
   * @param finalTest whether this is a passing functional test (UnitsTested, TestMethod FCT).
   */
  public record Step(Instant time, @Nullable String station, String eventType, @Nullable String result, boolean finalTest) {}

  /**
   * the verdict of a unit.
   *
   * @param steps its unit events (any order; read in time order).
   * @param config which stations end the line.
   * @return the verdict.
   */
  public static Verdict of(List<Step> steps, WorkbenchConfiguration config) {
    List<Step> inOrder = steps.stream().sorted(Comparator.comparing(Step::time)).toList();
    // the standing failures, by the station that found them
    Map<String, Step> failures = new LinkedHashMap<>();
    Step repaired = null;
    Step finished = null;
    for (Step s : inOrder) {
      String station = s.station() == null ? "" : s.station();
      String result = s.result() == null ? "" : s.result().toLowerCase(Locale.ROOT);
      switch (s.eventType()) {
        case "disqualified" -> {
          return new Verdict(SCRAPPED, "disqualified at " + station + (s.result() == null ? "" : " (" + s.result() + ")"), s.time());
        }
        case "repaired" -> {
          if (result.equals("scrap")) {
            return new Verdict(SCRAPPED, "repair at " + station + " ended in Scrap", s.time());
          }
          if (result.equals("repairsuccessful")) {
            if (!failures.isEmpty()) {
              repaired = s;
            }
            failures.clear();
          } else if (!result.isEmpty()) {
            failures.put(station, s);
          }
        }
        case "inspected", "tested" -> {
          if (result.equals("failed") || result.equals("error")) {
            failures.put(station, s);
          } else if (result.equals("passed")) {
            failures.remove(station);
          }
        }
        case "work_completed" -> {
          if (result.equals("failed")) {
            failures.put(station, s);
          } else if (s.station() != null && config.isFinal(s.station()) && failures.isEmpty()) {
            finished = s;
          }
        }
        default -> { }
      }
      if (s.finalTest() && config.finalStations().isEmpty() && failures.isEmpty()) {
        finished = s;
      }
    }
    if (!failures.isEmpty()) {
      Step f = failures.values().stream().max(Comparator.comparing(Step::time)).orElseThrow();
      String what = switch (f.eventType()) {
        case "repaired" -> "repair at " + f.station() + " ended " + f.result();
        case "work_completed" -> "work at " + f.station() + " ended " + f.result();
        default -> (f.eventType().equals("tested") ? "test" : "inspection") + " at " + f.station() + ": " + f.result();
      };
      return new Verdict(FAILED, what, f.time());
    }
    if (finished != null) {
      return repaired != null
          ? new Verdict(REPAIRED, "repaired at " + repaired.station() + ", then passed at " + finished.station(), finished.time())
          : new Verdict(PASSED, "passed at " + finished.station(), finished.time());
    }
    Step last = inOrder.isEmpty() ? null : inOrder.get(inOrder.size() - 1);
    return new Verdict(IN_PROGRESS, last == null ? "no unit events" : "last seen at " + last.station() + " (" + last.eventType() + ")",
        last == null ? null : last.time());
  }
}
