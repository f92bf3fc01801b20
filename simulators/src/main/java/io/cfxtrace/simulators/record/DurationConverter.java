package io.cfxtrace.simulators.record;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * reads a duration option: {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 500ms}, or
 * ISO-8601 ({@code PT10M}).
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /**
   * parses a duration.
   *
   * @param value the text.
   * @return the duration.
   * @throws CommandLine.TypeConversionException naming the text and the forms accepted.
   */
  public static Duration parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(v);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
      return Duration.parse(value.trim());
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration (examples: 500ms, 90s, 10m, 2h, 1d, PT10M)");
    }
  }
}
