package io.cfxtrace.simulators.line;

import io.cfxtrace.model.CfxEnvelope;
import java.time.Instant;
import java.util.Objects;

/**
 * one envelope a station publishes, and when (simulated time; the envelope's TimeStamp).
 *
 * @param station the publishing station's CFX handle (the envelope's Source).
 * @param time when it is due.
 * @param envelope the envelope.
 */
public record Emission(String station, Instant time, CfxEnvelope envelope) {

  /** checks the parts. */
  public Emission {
    Objects.requireNonNull(station, "station");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(envelope, "envelope");
  }
}
