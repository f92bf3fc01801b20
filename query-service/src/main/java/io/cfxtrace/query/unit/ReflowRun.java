package io.cfxtrace.query.unit;

import io.cfxtrace.query.unit.BirthCertificate.ProcessValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * one oven run of a unit (the reflow zone data of one transaction), its zones in the oven's order
 * with the peak temperature and the time above liquidus.
 *
 * <p>CFX SolderReflow.ReflowProcessData reports each zone's setpoints and readings, not the board's
 * temperature over time. The summary therefore reads the zones as the board crosses them: at an
 * even pace, one zone after another in their StageSequence order, over the transit time (from the
 * transaction's WorkStarted to the UnitsProcessed that reported the zones); the board's temperature
 * at the middle of each zone is the zone's highest temperature reading (top or bottom), and in
 * between it changes linearly. The time above liquidus is the time that line spends at or above
 * the liquidus. It is an estimate from the oven's air temperatures, not a thermocouple on the
 * board; without a WorkStarted the transit time, and with it the time above liquidus, is unknown.
 *
 * @param station the oven.
 * @param transaction its transaction.
 * @param time when the zones were reported (UnitsProcessed).
 * @param started when the transaction began (WorkStarted), if known.
 * @param kind {@code reflow} or {@code reflow_profiling}.
 * @param zones the zones in the oven's order (StageSequence; by name where none was sent, after
 *     those with one).
 * @param peak the highest temperature reading of any zone, if any.
 * @param peakZone the zone of that reading.
 * @param liquidus the liquidus the time above it is measured against, °C.
 * @param transitSeconds the transit time, if known.
 * @param timeAboveLiquidus seconds at or above the liquidus by the estimate above, if the transit
 *     time and the temperatures are known.
 */
public record ReflowRun(
    @Nullable String station,
    @Nullable String transaction,
    Instant time,
    @Nullable Instant started,
    String kind,
    List<Zone> zones,
    @Nullable Double peak,
    @Nullable String peakZone,
    double liquidus,
    @Nullable Double transitSeconds,
    @Nullable Double timeAboveLiquidus) {

  /** the temperature readings and setpoints of process_value (SolderReflow ReadingType/SetpointType Temperature). */
  private static final String READING = "reading:Temperature";
  private static final String SETPOINT = "setpoint:Temperature";

  /**
   * a zone of the oven.
   *
   * @param sequence its place in the oven (CFX StageSequence), if sent.
   * @param name its name.
   * @param setpoints temperature setpoints by sub-zone ({@code Top}, {@code Bottom}, {@code WholeZone}...).
   * @param readings temperature readings by sub-zone.
   * @param temperature the highest reading, what the summary takes for the board in this zone.
   */
  public record Zone(@Nullable Integer sequence, String name, Map<String, Double> setpoints, Map<String, Double> readings,
      @Nullable Double temperature) {}

  /**
   * the oven runs in a unit's process data.
   *
   * @param process the certificate's process values.
   * @param started when each transaction began (WorkStarted), by transaction id.
   * @param liquidus the liquidus, °C.
   * @return one run per station and transaction with zone data, in time order.
   */
  static List<ReflowRun> of(List<ProcessValue> process, Map<String, Instant> started, double liquidus) {
    Map<List<String>, List<ProcessValue>> runs = new LinkedHashMap<>();
    for (ProcessValue p : process) {
      if ((p.kind().equals("reflow") || p.kind().equals("reflow_profiling")) && p.zone() != null && p.value() != null) {
        runs.computeIfAbsent(java.util.Arrays.asList(p.station(), p.transaction(), p.kind()), k -> new ArrayList<>()).add(p);
      }
    }
    List<ReflowRun> out = new ArrayList<>();
    for (List<ProcessValue> values : runs.values()) {
      out.add(run(values, started, liquidus));
    }
    return out;
  }

  private static ReflowRun run(List<ProcessValue> values, Map<String, Instant> startedBy, double liquidus) {
    ProcessValue first = values.get(0);
    Map<String, Zone> byName = new LinkedHashMap<>();
    for (ProcessValue p : values) {
      Zone z = byName.computeIfAbsent(Objects.requireNonNull(p.zone()),
          n -> new Zone(p.zoneSequence(), n, new LinkedHashMap<>(), new LinkedHashMap<>(), null));
      String sub = p.subZone() == null ? "WholeZone" : p.subZone();
      if (p.parameter().equals(READING)) {
        z.readings().put(sub, p.value());
      } else if (p.parameter().equals(SETPOINT)) {
        z.setpoints().put(sub, p.value());
      }
    }
    List<Zone> zones = byName.values().stream()
        .map(z -> new Zone(z.sequence(), z.name(), Map.copyOf(z.setpoints()), Map.copyOf(z.readings()),
            z.readings().values().stream().max(Double::compare).orElse(null)))
        .filter(z -> !z.readings().isEmpty() || !z.setpoints().isEmpty())
        .sorted(Comparator.comparing(Zone::sequence, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Zone::name))
        .toList();
    Zone hottest = zones.stream().filter(z -> z.temperature() != null).max(Comparator.comparing(Zone::temperature)).orElse(null);
    Instant started = first.transaction() == null ? null : startedBy.get(first.transaction());
    Double transit = started == null || !started.isBefore(first.time()) ? null : Duration.between(started, first.time()).toNanos() / 1e9;
    Double above = transit == null || zones.isEmpty() || zones.stream().anyMatch(z -> z.temperature() == null) ? null
        : timeAbove(zones.stream().map(Zone::temperature).toList(), transit, liquidus);
    return new ReflowRun(first.station(), first.transaction(), first.time(), started, first.kind(), zones,
        hottest == null ? null : hottest.temperature(), hottest == null ? null : hottest.name(), liquidus, transit, above);
  }

  /**
   * the time at or above a temperature of a profile through the middles of {@code n} zones of
   * equal length crossed in {@code transit} seconds, flat before the first middle and after the
   * last, linear in between.
   */
  static double timeAbove(List<Double> temperatures, double transit, double liquidus) {
    int n = temperatures.size();
    double zone = transit / n;
    double above = 0;
    // the first half zone and the last, at the first and the last zone's temperature
    above += temperatures.get(0) >= liquidus ? zone / 2 : 0;
    above += temperatures.get(n - 1) >= liquidus ? zone / 2 : 0;
    for (int i = 0; i + 1 < n; i++) {
      double a = temperatures.get(i);
      double b = temperatures.get(i + 1);
      if (a >= liquidus && b >= liquidus) {
        above += zone;
      } else if (a >= liquidus || b >= liquidus) {
        // the line crosses the liquidus at (liquidus - a) / (b - a) of the way
        double crossing = (liquidus - a) / (b - a);
        above += zone * (a >= liquidus ? crossing : 1 - crossing);
      }
    }
    return Math.round(above * 10) / 10.0;
  }
}
