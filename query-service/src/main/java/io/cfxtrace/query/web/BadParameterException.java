package io.cfxtrace.query.web;

/** a request parameter is malformed or unknown: answered 400, naming the parameter and value. */
public final class BadParameterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * creates the exception.
   *
   * @param parameter the parameter's name.
   * @param value the value as received.
   * @param expected what a valid value looks like.
   */
  public BadParameterException(String parameter, String value, String expected) {
    super("parameter '" + parameter + "' is '" + value + "': expected " + expected);
  }

  /**
   * creates the exception with a complete message.
   *
   * @param message the reason, naming the parameters.
   */
  public BadParameterException(String message) {
    super(message);
  }
}
