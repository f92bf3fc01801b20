package io.cfxtrace.simulators.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** when the demo line publishes: its warm-up at once, catching up at its speed, never ahead of real time. */
class DemoPaceTest {

  private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

  /** a wall clock the test moves. */
  private static final class Wall extends Clock {
    Instant now = NOW;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    /** waits as the feed would, then publishes. */
    void waitFor(DemoPace pace, Instant simulated) {
      now = now.plus(pace.waitFor(simulated));
    }
  }

  private final Wall wall = new Wall();

  @Test
  void aNewLinesWarmUpIsDueAtOnce() {
    DemoPace pace = new DemoPace(20, NOW.minus(Duration.ofMinutes(50)), wall);

    assertThat(pace.waitFor(NOW.minus(Duration.ofMinutes(60)))).isZero();
    assertThat(pace.waitFor(NOW.minus(Duration.ofMinutes(51)))).isZero();
  }

  @Test
  void behindRealTimeTheLineCatchesUpAtItsSpeed() {
    DemoPace pace = new DemoPace(20, null, wall);
    Instant t = NOW.minus(Duration.ofMinutes(30));

    wall.waitFor(pace, t);
    assertThat(pace.waitFor(t.plusSeconds(20))).isEqualTo(Duration.ofSeconds(1));
    assertThat(pace.waitFor(t.plus(Duration.ofMinutes(10)))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void onceCaughtUpAnEnvelopeWaitsForItsOwnTimeWhateverTheSpeed() {
    DemoPace pace = new DemoPace(20, null, wall);
    Instant t = NOW.minusSeconds(20);
    wall.waitFor(pace, t);

    // at 20x, 40 simulated seconds would be due after 2 s, at 10:00:02, while the event happens
    // at 10:00:20: it waits until then
    assertThat(pace.waitFor(t.plusSeconds(40))).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void asFastAsPossibleCatchesUpAtOnceAndThenRunsInRealTime() {
    DemoPace pace = new DemoPace(0, null, wall);

    assertThat(pace.waitFor(NOW.minus(Duration.ofHours(5)))).isZero();
    assertThat(pace.waitFor(NOW.minusSeconds(1))).isZero();
    assertThat(pace.waitFor(NOW.plusSeconds(7))).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void noEnvelopeOfALongRunIsPublishedBeforeItsTime() {
    DemoPace pace = new DemoPace(20, NOW.minus(Duration.ofMinutes(50)), wall);
    Instant first = NOW.minus(Duration.ofHours(1));
    Instant caughtUp = null;
    for (int i = 0; i <= 3 * 3600; i += 7) {
      Instant t = first.plusSeconds(i);
      wall.waitFor(pace, t);
      assertThat(wall.now).as("published at, for an event at %s", t).isAfterOrEqualTo(t);
      if (caughtUp == null && wall.now.equals(t)) {
        caughtUp = wall.now;
      }
      if (caughtUp != null) {
        assertThat(wall.now).as("once caught up, in real time").isEqualTo(t);
      }
    }
    // the hour of backlog: 10 minutes at once, then 50 minutes at 20x while real time goes on,
    // which meets real time after 3000 s / 19 = 158 s (to the 7 s between events); then real time
    assertThat(caughtUp).isBetween(NOW.plusSeconds(157), NOW.plusSeconds(158 + 7));
  }
}
