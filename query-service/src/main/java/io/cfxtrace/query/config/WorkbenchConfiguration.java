package io.cfxtrace.query.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.regex.Pattern;

/**
 * what the web UI's workbench reads from the store beyond the raw rows, under {@code
 * cfx.query.workbench}.
 *
 * @param liquidus the solder's liquidus in °C: the birth certificate's reflow summary gives the
 *     time each oven run spent at or above it. 217 °C is SAC305's (the usual lead-free alloy);
 *     tin-lead Sn63Pb37 is 183 °C. A request may ask for another with {@code ?liquidus=}.
 * @param finalStations the stations at which a board has left the line when its work there
 *     completed, as CFX handles with {@code *} for any text ({@code *.FCT.*}); empty (the default):
 *     a board has left the line once it passed a functional test (CFX UnitsTested with TestMethod
 *     {@code FCT}). Decides between "in progress" and "passed"/"repaired" in the verdict.
 */
@ConfigurationProperties("cfx.query.workbench")
public record WorkbenchConfiguration(
    @Bindable(defaultValue = "217") double liquidus,
    @Bindable(defaultValue = "") @NotNull List<String> finalStations) {

  /** the liquidus a request may ask for: any solder alloy in use melts between these. */
  public static final double LOWEST_LIQUIDUS = 50;
  /** the highest liquidus a request may ask for. */
  public static final double HIGHEST_LIQUIDUS = 450;

  /** checks the range and the patterns. */
  public WorkbenchConfiguration {
    if (!(liquidus >= LOWEST_LIQUIDUS && liquidus <= HIGHEST_LIQUIDUS)) {
      throw new IllegalArgumentException("cfx.query.workbench.liquidus must be from 50 to 450 (°C), was " + liquidus);
    }
    finalStations = finalStations == null ? List.of() : finalStations.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * whether a station is a final one by {@link #finalStations}.
   *
   * @param station a CFX handle.
   * @return true when a pattern matches it (never when none is configured).
   */
  public boolean isFinal(String station) {
    for (String p : finalStations) {
      String regex = Pattern.quote(p).replace("*", "\\E.*\\Q");
      if (station.matches(regex)) {
        return true;
      }
    }
    return false;
  }
}
