package io.cfxtrace.query.web;

/** the thing asked for is not in the event store: answered 404. */
public final class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * creates the exception.
   *
   * @param message what is missing, naming it.
   */
  public NotFoundException(String message) {
    super(message);
  }
}
