package io.cfxtrace.ingest.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** waits for a condition with a deadline, checking it every 50 ms; fails naming what it awaited. */
public final class Await {

  private Await() {}

  /**
   * waits until the condition holds.
   *
   * @param what what is awaited, for the failure message.
   * @param timeout the deadline.
   * @param condition the condition; an exception counts as "not yet".
   */
  public static void until(String what, Duration timeout, Callable<Boolean> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (Boolean.TRUE.equals(condition.call())) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + (last == null ? "" : " (last error: " + last + ")"));
  }
}
