package io.cfxtrace.simulators.line;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * when simulated events are due on the wall clock: in real time ({@code speed} 1), scaled ({@code
 * speed} 10 runs ten simulated seconds per second), or as fast as possible ({@code speed} 0).
 */
public final class Pacer {

  private final Instant simulatedStart;
  private final double speed;
  private final long wallStartNanos;

  /**
   * a pacer whose wall clock starts now.
   *
   * @param simulatedStart the simulated time that corresponds to now.
   * @param speed simulated seconds per wall second; 0 for as fast as possible.
   */
  public Pacer(Instant simulatedStart, double speed) {
    if (!(speed >= 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number (0 for as fast as possible), was " + speed);
    }
    this.simulatedStart = simulatedStart;
    this.speed = speed;
    this.wallStartNanos = System.nanoTime();
  }

  /**
   * how long after the wall-clock start an event at a simulated time is due.
   *
   * @param simulated the event's simulated time.
   * @return the wall-clock offset; zero when pacing is off or the time precedes the start.
   */
  public Duration dueAfter(Instant simulated) {
    if (speed == 0 || !simulated.isAfter(simulatedStart)) {
      return Duration.ZERO;
    }
    double nanos = Duration.between(simulatedStart, simulated).toNanos() / speed;
    return Duration.ofNanos((long) Math.min(Long.MAX_VALUE, nanos));
  }

  /**
   * waits until an event at a simulated time is due.
   *
   * @param simulated the event's simulated time.
   * @throws InterruptedException if interrupted while waiting.
   */
  public void awaitDue(Instant simulated) throws InterruptedException {
    long dueNanos = wallStartNanos + dueAfter(simulated).toNanos();
    long wait;
    while ((wait = dueNanos - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.SECONDS.toNanos(1)));
    }
  }
}
