package io.cfxtrace.model.value;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
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
    // yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z|z|(+|-)hh:mm], parsed by hand: it runs for every date of
    // every message (thousands in one SPI result).
    int n = text.length();
    if (n < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      throw malformed(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      throw malformed(text);
    }
    int i = 19;
    int nanos = 0;
    if (i < n && text.charAt(i) == '.') {
      int start = ++i;
      while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      int len = i - start;
      if (len < 1 || len > 9) {
        throw malformed(text);
      }
      nanos = digits(text, start, len);
      for (int k = len; k < 9; k++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset = null;
    if (i < n) {
      char z = text.charAt(i);
      if ((z == 'Z' || z == 'z') && i + 1 == n) {
        offset = ZoneOffset.UTC;
      } else if ((z == '+' || z == '-') && i + 6 == n && text.charAt(i + 3) == ':') {
        int oh = digits(text, i + 1, 2);
        int om = digits(text, i + 4, 2);
        if ((oh | om) < 0) {
          throw malformed(text);
        }
        try {
          offset = ZoneOffset.ofHoursMinutes(z == '-' ? -oh : oh, z == '-' ? -om : om);
        } catch (java.time.DateTimeException e) {
          throw new IllegalArgumentException("not a valid CFX date-time: \"" + text + "\": " + e.getMessage(), e);
        }
      } else {
        throw malformed(text);
      }
    }
    try {
      return new CfxTimestamp(text, LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("not a valid CFX date-time: \"" + text + "\": " + e.getMessage(), e);
    }
  }

  /** the value of {@code len} ASCII digits at {@code from}, or -1 if any is not a digit. */
  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int k = from; k < from + len; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static IllegalArgumentException malformed(String text) {
    return new IllegalArgumentException(
        "not a CFX date-time (yyyy-MM-ddTHH:mm:ss[.fffffff][Z|±hh:mm]): \"" + text + "\"");
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
