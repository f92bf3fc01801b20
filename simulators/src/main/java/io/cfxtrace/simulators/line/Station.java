package io.cfxtrace.simulators.line;

import java.util.Objects;

/**
 * a station of a simulated line.
 *
 * @param line the line number, from 1.
 * @param kind what it is.
 * @param handle its CFX handle, e.g. {@code Line1.SPI.SPI01}.
 */
public record Station(int line, StationKind kind, String handle) {

  /** checks the parts. */
  public Station {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(handle, "handle");
  }

  /**
   * the station of a kind on a line.
   *
   * @param line the line, from 1.
   * @param kind the kind.
   * @return the station.
   */
  public static Station of(int line, StationKind kind) {
    return new Station(line, kind, kind.handle(line));
  }
}
