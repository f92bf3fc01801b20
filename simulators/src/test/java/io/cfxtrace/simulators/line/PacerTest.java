package io.cfxtrace.simulators.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** when simulated events fall due on the wall clock. */
class PacerTest {

  private static final Instant START = Instant.parse("2026-05-04T04:00:00Z");

  @Test
  void inRealTimeAnEventIsDueAsLongAfterTheStartAsItIsInSimulatedTime() {
    assertThat(new Pacer(START, 1).dueAfter(START.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void aSpeedFactorShrinksTheWait() {
    assertThat(new Pacer(START, 60).dueAfter(START.plus(Duration.ofHours(1)))).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void asFastAsPossibleNothingWaits() {
    assertThat(new Pacer(START, 0).dueAfter(START.plus(Duration.ofDays(3)))).isZero();
  }

  @Test
  void eventsBeforeTheStartAreDueAtOnce() {
    assertThat(new Pacer(START, 1).dueAfter(START.minusSeconds(5))).isZero();
  }

  @Test
  void aNegativeOrInfiniteSpeedIsRefused() {
    assertThatThrownBy(() -> new Pacer(START, -1)).hasMessageContaining("speed must be a positive number");
    assertThatThrownBy(() -> new Pacer(START, Double.POSITIVE_INFINITY)).hasMessageContaining("speed must be a positive number");
    assertThatThrownBy(() -> new Pacer(START, Double.NaN)).hasMessageContaining("speed must be a positive number");
  }
}
