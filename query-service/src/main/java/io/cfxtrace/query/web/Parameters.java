package io.cfxtrace.query.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** reads query parameters, answering a malformed value with a {@link BadParameterException} that names it. */
public final class Parameters {

  private Parameters() {}

  /**
   * a timestamp parameter, ISO-8601 with an offset ({@code 2026-05-04T08:00:00+02:00} or {@code ...Z}).
   *
   * @param parameter the parameter's name.
   * @param value the value as received, possibly absent.
   * @return the instant, or null when absent or blank.
   * @throws BadParameterException when the value is not such a timestamp.
   */
  public static @Nullable Instant time(String parameter, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadParameterException(parameter, value,
          "an ISO-8601 timestamp with offset such as 2026-05-04T08:00:00+02:00 or 2026-05-04T06:00:00Z");
    }
  }

  /**
   * a limit on the number of answers.
   *
   * @param parameter the parameter's name.
   * @param value the value as received, possibly absent.
   * @param byDefault the limit when absent.
   * @param max the largest limit allowed.
   * @return the limit, 1 to {@code max}.
   * @throws BadParameterException when the value is not a whole number from 1 to {@code max}.
   */
  public static int limit(String parameter, @Nullable String value, int byDefault, int max) {
    if (value == null || value.isBlank()) {
      return byDefault;
    }
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
