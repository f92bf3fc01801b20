package io.cfxtrace.endpoint;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * exponential back-off with jitter between reconnect attempts, so that a line of machines does not
 * reconnect in lock-step after a broker restart.
 *
 * @param initialDelay the delay before the first retry.
 * @param maxDelay the largest delay.
 * @param multiplier growth per failed attempt, at least 1.
 * @param jitter the fraction (0 to 1) by which each delay is randomly shortened.
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {

  /** checks the values. */
  public ReconnectPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || initialDelay.isZero()) {
      throw new IllegalArgumentException("reconnect initialDelay must be positive, was " + initialDelay);
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("reconnect maxDelay " + maxDelay + " is below initialDelay " + initialDelay);
    }
    if (multiplier < 1) {
      throw new IllegalArgumentException("reconnect multiplier must be >= 1, was " + multiplier);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("reconnect jitter must be within 0..1, was " + jitter);
    }
  }

  /**
   * 100 ms doubling to 30 s, with 20% jitter.
   *
   * @return the default policy.
   */
  public static ReconnectPolicy defaults() {
    return new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(30), 2.0, 0.2);
  }

  /**
   * the delay before a retry.
   *
   * @param failedAttempts how many attempts in a row have failed (0 for the first retry).
   * @return the delay.
   */
  public Duration delay(int failedAttempts) {
    double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.min(failedAttempts, 62));
    millis = Math.min(millis, maxDelay.toMillis());
    millis *= 1 - jitter * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.max(1, (long) millis));
  }
}
