package io.cfxtrace.model.codec;

import io.cfxtrace.model.LegacyText;
import io.cfxtrace.model.cfx.structures.BasicStage;
import io.cfxtrace.model.cfx.structures.Stage;
import org.jspecify.annotations.Nullable;

/**
 * reads the free text that SDK builds before CFX commit e8a7ccdf (2018-09-12) wrote for a member
 * now typed; the rules are those documented on {@link LegacyText}. Never fails: text it cannot
 * interpret gives null, and the record keeps the text itself.
 */
abstract class LegacyTextReader {

  /**
   * the normalised value of the text.
   *
   * @param text the JSON string as received.
   * @return the value, or null when the text denotes none.
   */
  abstract @Nullable Object read(String text);

  /**
   * whether {@code text} still denotes {@code value}, so that writing it back in place of the
   * component loses nothing and changes nothing.
   */
  final boolean denotes(String text, @Nullable Object value) {
    Object read = read(text);
    return read == null ? value == null : read.equals(value);
  }

  /**
   * the reader for a component type.
   *
   * @throws IllegalStateException for a type that no legacy text rule covers (a model error,
   *     found when the codec is built).
   */
  static LegacyTextReader forType(Class<?> type, String where) {
    if (type == Integer.class) {
      return LANE;
    }
    if (type == Stage.class) {
      return STAGE;
    }
    throw new IllegalStateException("@LegacyText on " + where + ": no legacy text rule for " + type.getName());
  }

  /** {@code string Lane}: "1" or "LANE1" is lane 1. */
  private static final LegacyTextReader LANE =
      new LegacyTextReader() {
        @Override
        @Nullable Integer read(String text) {
          return number(text.strip());
        }
      };

  /** {@code string Stage}, "the stage name or number": "1" is sequence 1, "STAGE2" is sequence 2 named "STAGE2". */
  private static final LegacyTextReader STAGE =
      new LegacyTextReader() {
        @Override
        @Nullable Stage read(String text) {
          String t = text.strip();
          if (t.isEmpty()) {
            return null;
          }
          Integer n = number(t);
          return new BasicStage(n, isInteger(t) ? null : t, null);
        }
      };

  /** the text as an integer, or the integer its last digits form, or null. */
  static @Nullable Integer number(String t) {
    if (isInteger(t)) {
      return Integer.valueOf(t);
    }
    int start = t.length();
    while (start > 0 && isAsciiDigit(t.charAt(start - 1))) {
      start--;
    }
    if (start == t.length()) {
      return null;
    }
    String digits = t.substring(start);
    return isInteger(digits) ? Integer.valueOf(digits) : null;
  }

  /** an optional sign and ASCII digits, within the 32-bit range. */
  private static boolean isInteger(String t) {
    int first = !t.isEmpty() && (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
    if (t.length() == first || t.length() - first > 10) {
      return false;
    }
    for (int i = first; i < t.length(); i++) {
      if (!isAsciiDigit(t.charAt(i))) {
        return false;
      }
    }
    long v = Long.parseLong(t);
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
