package io.cfxtrace.model.codec;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * a member could not be bound to its CFX type; becomes a {@link DecodeError}.
 *
 * <p>The JSON path is built while the exception travels up: each container adds its member name or
 * index. Binding that succeeds therefore allocates no path at all.
 */
final class BindException extends Exception {

  private static final long serialVersionUID = 1L;

  private final DecodeError.Kind kind;
  private final transient Deque<Object> segments = new ArrayDeque<>();

  BindException(DecodeError.Kind kind, String reason) {
    super(reason, null, false, false);
    this.kind = kind;
  }

  /** the failure happened inside the member {@code name} of an object. */
  BindException atMember(String name) {
    segments.addFirst(name);
    return this;
  }

  /** the failure happened inside element {@code index} of an array. */
  BindException atIndex(int index) {
    segments.addFirst(index);
    return this;
  }

  DecodeError toError(JsonPath base) {
    JsonPath p = base;
    for (Object s : segments) {
      p = s instanceof Integer i ? p.at(i) : p.member((String) s);
    }
    return new DecodeError(kind, p.toString(), getMessage());
  }
}
