package io.cfxtrace.query.web;

import java.util.Locale;

/** a request parameter is malformed or unknown: answered 400, naming the parameter and value. */
public final class BadParameterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** the most characters of a bad value the message repeats. */
  static final int SHOWN = 100;

  /**
   * creates the exception.
   *
   * @param parameter the parameter's name.
   * @param value the value as received; the message shows each control character as a Java
   *     backslash-u escape, and at most {@value #SHOWN} characters of it.
   * @param expected what a valid value looks like.
   */
  public BadParameterException(String parameter, String value, String expected) {
    super("parameter '" + parameter + "' is '" + shown(value) + "': expected " + expected);
  }

  /**
   * creates the exception with a complete message.
   *
   * @param message the reason, naming the parameters.
   */
  public BadParameterException(String message) {
    super(message);
  }

  /**
   * the value as the message shows it: the answer and the log line stay one readable line
   * whatever a hostile client sent (a NUL, a line break, kilobytes).
   */
  static String shown(String value) {
    StringBuilder out = new StringBuilder();
    int end = Math.min(value.length(), SHOWN);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    if (value.length() > SHOWN) {
      out.append("... (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }
}
