package io.cfxtrace.simulators.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * when the demo's line publishes an envelope: its warm-up at once, then at the demo's speed while
 * the line's clock is behind real time, and never before the envelope's own time.
 *
 * <p>An envelope's TimeStamp is when its event happened. One published before that time would be
 * an event from the future: a station timeline whose window ends now would not show it, and the
 * line's clock would drift further ahead the longer the demo runs (at 20x, 49 minutes after three
 * minutes). So the speed only lets a line catch up with real time (a new line's backlog, or the
 * time the demo was stopped); once caught up, the line runs in real time.
 *
 * <p>Not thread-safe: one publishing thread asks.
 */
final class DemoPace {

  private final double speed;
  private final @Nullable Instant warmUpUntil;
  private final Clock wall;
  private @Nullable Instant simulatedAnchor;
  private @Nullable Instant wallAnchor;

  /**
   * a pace.
   *
   * @param speed simulated seconds per second while the line is behind real time; 0 for as fast
   *     as the listener takes them.
   * @param warmUpUntil envelopes before this simulated time go out at once (a new line's first
   *     minutes), or null for none.
   * @param wall the wall clock.
   */
  DemoPace(double speed, @Nullable Instant warmUpUntil, Clock wall) {
    if (!(speed >= 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number (0 for as fast as possible), was " + speed);
    }
    this.speed = speed;
    this.warmUpUntil = warmUpUntil;
    this.wall = wall;
  }

  /**
   * how long to wait before publishing an envelope; ask in the envelopes' order.
   *
   * @param simulated the envelope's time.
   * @return the wait, zero when it is due.
   */
  Duration waitFor(Instant simulated) {
    Instant now = wall.instant();
    if (warmUpUntil != null && simulated.isBefore(warmUpUntil)) {
      return Duration.ZERO;
    }
    if (simulatedAnchor == null || wallAnchor == null) {
      // the catch-up starts with the first envelope after the warm-up
      simulatedAnchor = simulated;
      wallAnchor = now;
    }
    Instant catchUp = speed == 0 || !simulated.isAfter(simulatedAnchor)
        ? wallAnchor
        : wallAnchor.plusNanos((long) Math.min(Long.MAX_VALUE, Duration.between(simulatedAnchor, simulated).toNanos() / speed));
    // never before the event's own time: the line's clock does not run ahead of real time
    Instant due = catchUp.isAfter(simulated) ? catchUp : simulated;
    return now.isBefore(due) ? Duration.between(now, due) : Duration.ZERO;
  }
}
