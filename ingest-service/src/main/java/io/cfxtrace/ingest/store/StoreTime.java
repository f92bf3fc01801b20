package io.cfxtrace.ingest.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * the one rule for times going into the store: PostgreSQL keeps microseconds, CFX times carry
 * 100 ns (the .NET SDK writes seven fraction digits). An instant is truncated to the microsecond
 * here, before it is written by COPY or bound to a statement, so that a time inserted and the same
 * time compared in a later UPDATE ({@code loaded_at <= ?}) are the same value: PostgreSQL's input
 * rounding of COPY text and the driver's conversion of a bound timestamp need not agree on the
 * seventh digit.
 */
public final class StoreTime {

  private StoreTime() {}

  /**
   * an instant at the store's precision.
   *
   * @param t the instant.
   * @return {@code t} truncated to the microsecond.
   */
  public static Instant of(Instant t) {
    return t.getNano() % 1000 == 0 ? t : t.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * what {@link #of} cuts off, in 100 ns: the seventh fraction digit, 0 to 9, stored beside a unit
   * or station event's time ({@code event_tick}) so that events 100 ns apart in one microsecond
   * keep their order ({@code order by event_time, event_tick}).
   *
   * @param t the instant.
   * @return the 100 ns within its microsecond.
   */
  public static short tick(Instant t) {
    return (short) ((t.getNano() % 1000) / 100);
  }
}
