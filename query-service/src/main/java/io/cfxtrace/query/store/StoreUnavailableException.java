package io.cfxtrace.query.store;

/** the event store could not answer (unreachable, timed out, refused): the client may retry. */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * creates the exception.
   *
   * @param message what failed, with the SQLState.
   * @param cause the driver's exception.
   */
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
