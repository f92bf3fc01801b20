package io.cfxtrace.model.codec;

/** a member could not be bound to its CFX type; becomes a {@link DecodeError}. */
final class BindException extends Exception {

  private static final long serialVersionUID = 1L;

  private final DecodeError.Kind kind;
  private final transient JsonPath path;

  BindException(DecodeError.Kind kind, JsonPath path, String reason) {
    super(reason, null, false, false);
    this.kind = kind;
    this.path = path;
  }

  DecodeError toError() {
    return new DecodeError(kind, path.toString(), getMessage());
  }
}
