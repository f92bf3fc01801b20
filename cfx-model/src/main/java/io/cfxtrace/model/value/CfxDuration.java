package io.cfxtrace.model.value;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * a .NET {@code TimeSpan} as CFX writes it: {@code [-][d.]hh:mm:ss[.fffffff]}, for example
 * {@code 00:01:00} or {@code 1.02:00:00}; not ISO-8601.
 *
 * <p>Used by Heartbeat.HeartbeatFrequency, StationStateChanged.OldStateDuration and process-data
 * cycle times. ISO-8601 {@code PT...} text from other serializers is accepted too. The text is
 * kept for re-encoding.
 */
public final class CfxDuration {

  private static final Pattern FORMAT =
      Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,7}))?");

  /** .NET TimeSpan.MaxValue is 10675199.02:48:05.4775807. */
  private static final long MAX_DAYS = 10_675_199;

  private final String text;
  private final Duration duration;

  private CfxDuration(String text, Duration duration) {
    this.text = text;
    this.duration = duration;
  }

  /**
   * parses the wire text.
   *
   * @param text a .NET constant-format TimeSpan, or ISO-8601 duration.
   * @return the duration, keeping {@code text}.
   * @throws IllegalArgumentException naming the text when it is neither.
   */
  public static CfxDuration parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = FORMAT.matcher(text);
    if (m.matches()) {
      if (m.group(2) != null && (m.group(2).length() > 8 || Long.parseLong(m.group(2)) > MAX_DAYS)) {
        throw new IllegalArgumentException("outside the .NET TimeSpan range (at most " + MAX_DAYS + " days): \"" + text + "\"");
      }
      long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
      int hours = Integer.parseInt(m.group(3));
      int minutes = Integer.parseInt(m.group(4));
      int seconds = Integer.parseInt(m.group(5));
      if (hours > 23 || minutes > 59 || seconds > 59) {
        throw new IllegalArgumentException("not a .NET TimeSpan (field out of range): \"" + text + "\"");
      }
      long nanos = m.group(6) == null ? 0 : Long.parseLong((m.group(6) + "000000000").substring(0, 9));
      Duration d =
          Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds).plusNanos(nanos);
      return new CfxDuration(text, m.group(1) != null ? d.negated() : d);
    }
    if (text.startsWith("P") || text.startsWith("-P")) {
      try {
        return new CfxDuration(text, Duration.parse(text));
      } catch (DateTimeParseException e) {
        // fall through to the error below, which names the accepted forms
      }
    }
    throw new IllegalArgumentException(
        "not a .NET TimeSpan ([-][d.]hh:mm:ss[.fffffff]) or ISO-8601 duration: \"" + text + "\"");
  }

  /**
   * a duration written in .NET's constant format.
   *
   * @param duration the duration; sub-100ns precision is truncated.
   * @return the value.
   */
  public static CfxDuration of(Duration duration) {
    Duration abs = duration.abs();
    StringBuilder b = new StringBuilder();
    if (duration.isNegative()) {
      b.append('-');
    }
    long days = abs.toDays();
    if (days > 0) {
      b.append(days).append('.');
    }
    b.append(String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", abs.toHoursPart(), abs.toMinutesPart(), abs.toSecondsPart()));
    int ticks = abs.toNanosPart() / 100;
    if (ticks != 0) {
      b.append(String.format(java.util.Locale.ROOT, ".%07d", ticks));
    }
    Duration truncated = Duration.ofSeconds(abs.getSeconds(), ticks * 100L);
    return new CfxDuration(b.toString(), duration.isNegative() ? truncated.negated() : truncated);
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
   * the length of time.
   *
   * @return the duration.
   */
  public Duration duration() {
    return duration;
  }

  /** Equal when the wire text is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CfxDuration other && text.equals(other.text);
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
