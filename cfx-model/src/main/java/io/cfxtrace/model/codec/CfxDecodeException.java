package io.cfxtrace.model.codec;

import java.util.Objects;

/** a payload or envelope could not be decoded; carries the {@link DecodeError}. */
public final class CfxDecodeException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient DecodeError error;

  /**
   * wraps an error.
   *
   * @param error what went wrong and where.
   */
  public CfxDecodeException(DecodeError error) {
    super(Objects.requireNonNull(error, "error").toString());
    this.error = error;
  }

  /**
   * the error.
   *
   * @return what went wrong and where.
   */
  public DecodeError error() {
    return error;
  }
}
