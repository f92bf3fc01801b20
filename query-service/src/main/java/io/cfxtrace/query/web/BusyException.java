package io.cfxtrace.query.web;

/** the service is at a configured limit (live-feed clients): answered 503, naming the limit. */
public final class BusyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * creates the exception.
   *
   * @param message which limit, and its value.
   */
  public BusyException(String message) {
    super(message);
  }
}
