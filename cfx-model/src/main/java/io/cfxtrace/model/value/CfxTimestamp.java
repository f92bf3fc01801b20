package io.cfxtrace.model.value;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * a CFX date-time: the exact text from the wire, and what it denotes.
 *
 * <p>The SDK writes .NET {@code DateTime}s as {@code yyyy-MM-ddTHH:mm:ss}, a fraction of up to
 * seven digits with trailing zeros trimmed, then {@code ±hh:mm} (local kind, the usual case),
 * {@code Z} (UTC kind) or nothing (unspecified kind). This type accepts zero to nine fraction
 * digits. A zone-less value is never silently given a zone: {@link #instant()} is empty for it,
 * and a caller that needs an instant names its policy in {@link #toInstant(ZoneOffset)}. The
 * text is kept so that re-encoding reproduces it, and so that .NET's loss of the sender's
 * offset does not happen here.
 *
 * <p>{@code 0001-01-01T00:00:00} is .NET's {@code DateTime.MinValue}, which the SDK writes for an
 * unset non-nullable date: see {@link #isUnset()}.
 */
public final class CfxTimestamp {

  private static final Pattern FORMAT =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
              + "(Z|z|[+-]\\d{2}:\\d{2})?");

  private final String text;
  private final LocalDateTime dateTime;
  private final @Nullable ZoneOffset offset;

  private CfxTimestamp(String text, LocalDateTime dateTime, @Nullable ZoneOffset offset) {
    this.text = text;
    this.dateTime = dateTime;
    this.offset = offset;
  }

  /**
   * parses the wire text.
   *
   * @param text for example {@code 2018-03-26T16:52:25.3769532-04:00}.
   * @return the timestamp, keeping {@code text}.
   * @throws IllegalArgumentException naming the text when it is not a CFX date-time.
   */
  public static CfxTimestamp parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a CFX date-time (yyyy-MM-ddTHH:mm:ss[.fffffff][Z|±hh:mm]): \"" + text + "\"");
    }
    try {
      int nanos = 0;
      String fraction = m.group(7);
      if (fraction != null) {
        nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
      }
      LocalDateTime dateTime =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)),
              nanos);
      String zone = m.group(8);
      ZoneOffset offset = null;
      if (zone != null) {
        offset = zone.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone);
      }
      return new CfxTimestamp(text, dateTime, offset);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          "not a valid CFX date-time: \"" + text + "\": " + e.getMessage(), e);
    }
  }

  /**
   * a timestamp with an offset, written as the SDK writes a local-kind {@code DateTime}.
   *
   * @param time the time; sub-100ns precision is truncated, as .NET ticks are 100 ns.
   * @return the timestamp.
   */
  public static CfxTimestamp of(OffsetDateTime time) {
    OffsetDateTime t = time.truncatedTo(ChronoUnit.MICROS).withNano(time.getNano() / 100 * 100);
    String zone = t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId();
    return new CfxTimestamp(format(t.toLocalDateTime()) + zone, t.toLocalDateTime(), t.getOffset());
  }

  /**
   * the current time of a clock, with the clock zone's offset: what the SDK stamps envelopes
   * with ({@code DateTime.Now}, the sender's local wall clock and offset).
   *
   * @param clock the clock; {@code Clock.systemDefaultZone()} for the station's local time.
   * @return the timestamp.
   */
  public static CfxTimestamp now(java.time.Clock clock) {
    return of(OffsetDateTime.now(clock));
  }

  /**
   * a UTC timestamp, written with {@code Z} as the SDK writes a UTC-kind {@code DateTime}.
   *
   * @param instant the instant; sub-100ns precision is truncated.
   * @return the timestamp.
   */
  public static CfxTimestamp ofUtc(Instant instant) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    t = t.withNano(t.getNano() / 100 * 100);
    return new CfxTimestamp(format(t) + "Z", t, ZoneOffset.UTC);
  }

  private static String format(LocalDateTime t) {
    StringBuilder b = new StringBuilder(33);
    pad(b, t.getYear(), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append('T');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2);
    int ticks = t.getNano() / 100;
    if (ticks != 0) {
      StringBuilder f = new StringBuilder();
      pad(f, ticks, 7);
      int end = f.length();
      while (f.charAt(end - 1) == '0') {
        end--;
      }
      b.append('.').append(f, 0, end);
    }
    return b.toString();
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }

  /**
   * the text as received, or as this type formatted it.
   *
   * @return the wire text.
   */
  public String text() {
    return text;
  }

  /**
   * the date and time of day as written, without any zone conversion.
   *
   * @return the local date-time.
   */
  public LocalDateTime dateTime() {
    return dateTime;
  }

  /**
   * the offset written with the value.
   *
   * @return the offset ({@code Z} is UTC), or empty for a zone-less value.
   */
  public Optional<ZoneOffset> offset() {
    return Optional.ofNullable(offset);
  }

  /**
   * whether this is .NET's {@code DateTime.MinValue}, the SDK's "not set".
   *
   * @return true for {@code 0001-01-01T00:00:00} with any offset.
   */
  public boolean isUnset() {
    return dateTime.equals(LocalDateTime.of(1, 1, 1, 0, 0));
  }

  /**
   * the instant, when the text says which one it is.
   *
   * @return the instant; empty for a zone-less or unset value.
   */
  public Optional<Instant> instant() {
    if (offset == null || isUnset()) {
      return Optional.empty();
    }
    return Optional.of(dateTime.toInstant(offset));
  }

  /**
   * the instant, assuming an offset for a zone-less value.
   *
   * @param assumedForZoneless the offset the sending station's clock is taken to have; applied
   *     only when the text has none.
   * @return the instant.
   */
  public Instant toInstant(ZoneOffset assumedForZoneless) {
    return dateTime.toInstant(offset != null ? offset : assumedForZoneless);
  }

  /** Equal when the wire text is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CfxTimestamp other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
