package io.cfxtrace.query.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * reads request parameters (query parameters and path segments), answering a value the store could
 * not take with a {@link BadParameterException} that names it. Every parameter passes through one
 * of these methods before it reaches SQL: what the database refuses for the value alone (a NUL in
 * text, a time outside its range) is the client's error, and reaching the database it came back as
 * 503, an outage.
 */
public final class Parameters {

  /** the earliest time a parameter may name: year 1, the first four-digit ISO-8601 year. */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  /**
   * the latest time a parameter may name: the last four-digit ISO-8601 year. PostgreSQL's {@code
   * timestamptz} ends in 294276 and Java's in year one billion, so a later time parsed and then
   * failed in the database (SQLState 22008).
   */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private Parameters() {}

  /**
   * an identifier in the path, such as a serial, a reel or a transaction id.
   *
   * @param parameter the path parameter's name, as in the route ({@code id} for {@code /api/units/{id}}).
   * @param value the value as received (decoded).
   * @return the value, unchanged.
   * @throws BadParameterException when the value holds a NUL character.
   */
  public static String id(String parameter, String value) {
    checkText(parameter, value);
    return value;
  }

  /**
   * a text parameter, such as a station, a part number or a result.
   *
   * @param parameter the parameter's name.
   * @param value the value as received, possibly absent.
   * @return the value, unchanged.
   * @throws BadParameterException when the value holds a NUL character.
   */
  public static @Nullable String text(String parameter, @Nullable String value) {
    if (value != null) {
      checkText(parameter, value);
    }
    return value;
  }

  /** PostgreSQL text cannot hold U+0000, so no stored value has one, and the driver fails the whole statement (SQLState 22021). */
  private static void checkText(String parameter, String value) {
    if (value.indexOf('\0') >= 0) {
      throw new BadParameterException(parameter, value, "text without NUL characters (U+0000)");
    }
  }

  /**
   * a timestamp parameter, ISO-8601 with an offset ({@code 2026-05-04T08:00:00+02:00} or {@code ...Z}).
   *
   * @param parameter the parameter's name.
   * @param value the value as received, possibly absent.
   * @return the instant, or null when absent or blank.
   * @throws BadParameterException when the value is not such a timestamp, is not from {@link
   *     #EARLIEST} to {@link #LATEST}, or holds a NUL character.
   */
  public static @Nullable Instant time(String parameter, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    // before trim(), which would drop a trailing NUL along with the spaces
    checkText(parameter, value);
    Instant t;
    try {
      t = OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadParameterException(parameter, value,
          "an ISO-8601 timestamp with offset such as 2026-05-04T08:00:00+02:00 or 2026-05-04T06:00:00Z");
    }
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw new BadParameterException(parameter, value, "a time from " + EARLIEST + " to " + LATEST);
    }
    return t;
  }

  /**
   * a limit on the number of answers.
   *
   * @param parameter the parameter's name.
   * @param value the value as received, possibly absent.
   * @param byDefault the limit when absent.
   * @param max the largest limit allowed.
   * @return the limit, 1 to {@code max}.
   * @throws BadParameterException when the value is not a whole number from 1 to {@code max}, or
   *     holds a NUL character.
   */
  public static int limit(String parameter, @Nullable String value, int byDefault, int max) {
    if (value == null || value.isBlank()) {
      return byDefault;
    }
    checkText(parameter, value);
    int limit;
    try {
      limit = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      limit = 0;
    }
    if (limit < 1 || limit > max) {
      throw new BadParameterException(parameter, value, "a whole number from 1 to " + max);
    }
    return limit;
  }

  /**
   * how many answers to skip, for paging.
   *
   * @param parameter the parameter's name.
   * @param value the value as received, possibly absent.
   * @param max the largest offset allowed.
   * @return the offset, 0 to {@code max}; 0 when absent.
   * @throws BadParameterException when the value is not a whole number from 0 to {@code max}, or
   *     holds a NUL character.
   */
  public static int offset(String parameter, @Nullable String value, int max) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    checkText(parameter, value);
    int offset;
    try {
      offset = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      offset = -1;
    }
    if (offset < 0 || offset > max) {
      throw new BadParameterException(parameter, value, "a whole number from 0 to " + max);
    }
    return offset;
  }

  /**
   * checks that a window starts before it ends and is no longer than a query over it may read.
   *
   * @param from the start.
   * @param to the end.
   * @param longest the longest window allowed.
   * @throws BadParameterException when {@code from} is not before {@code to}, or they are more
   *     than {@code longest} apart.
   */
  public static void checkWindow(Instant from, Instant to, Duration longest) {
    checkWindow(from, to);
    if (Duration.between(from, to).compareTo(longest) > 0) {
      throw new BadParameterException("parameters 'from' (" + from + ") and 'to' (" + to + ") are " + span(Duration.between(from, to))
          + " apart: at most " + span(longest) + " allowed");
    }
  }

  /** a duration as a person reads it: {@code 7 days}, {@code 7 days 00:00:01}, {@code 01:30:00.5}. */
  private static String span(Duration d) {
    long days = d.toDays();
    Duration rest = d.minusDays(days);
    String whole = days == 1 ? "1 day" : days + " days";
    if (rest.isZero()) {
      return whole;
    }
    String time = String.format(Locale.ROOT, "%02d:%02d:%02d", rest.toHours(), rest.toMinutesPart(), rest.toSecondsPart())
        + (rest.getNano() == 0 ? "" : String.format(Locale.ROOT, ".%09d", rest.getNano()).replaceAll("0+$", ""));
    return days == 0 ? time : whole + " " + time;
  }


  /**
   * checks that a window starts before it ends.
   *
   * @param from the start, possibly absent.
   * @param to the end, possibly absent.
   * @throws BadParameterException when both are given and {@code from} is not before {@code to}.
   */
  public static void checkWindow(@Nullable Instant from, @Nullable Instant to) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new BadParameterException("parameter 'from' (" + from + ") must be before 'to' (" + to + ")");
    }
  }
}
