package io.cfxtrace.endpoint;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * a failure of the AMQP endpoint, with a machine code and a message naming the peer, the address
 * and the value or limit involved. {@link #connectionFatal()} tells whether the whole connection
 * is gone (reconnecting helps) or only one link or request failed.
 *
 * <p>All AMQP error conditions are translated to and from this type in one place
 * (io.cfxtrace.endpoint.internal.AmqpErrors).
 */
public class CfxEndpointException extends Exception {

  private static final long serialVersionUID = 1L;

  /** the classes of endpoint failures. */
  public enum Code {
    /** the peer could not be reached (refused, unknown host, connect timeout). */
    CONNECTION_REFUSED(true),
    /** an established connection was lost or closed by the peer. */
    CONNECTION_LOST(true),
    /** SASL authentication failed, or no common mechanism. */
    AUTHENTICATION_FAILED(true),
    /** the TLS handshake failed. */
    TLS_FAILED(true),
    /** a listener could not bind its port (in use, or not permitted). */
    BIND_FAILED(true),
    /** the peer refused access ({@code amqp:unauthorized-access}). */
    UNAUTHORIZED(false),
    /** the address does not exist ({@code amqp:not-found}). */
    NOT_FOUND(false),
    /** a limit of the peer or of this endpoint ({@code amqp:resource-limit-exceeded}). */
    RESOURCE_LIMIT(false),
    /** a message over the size limit ({@code amqp:link:message-size-exceeded}). */
    MESSAGE_TOO_LARGE(false),
    /** the peer rejected a message. */
    REJECTED(false),
    /** no response to a request within its timeout. */
    TIMEOUT(false),
    /** the peer sent something that could not be decoded. */
    DECODE_ERROR(false),
    /** this endpoint, or the object used, was closed. */
    CLOSED(false),
    /** any other error condition the peer reported. */
    REMOTE_ERROR(false);

    private final boolean connectionFatal;

    Code(boolean connectionFatal) {
      this.connectionFatal = connectionFatal;
    }
  }

  private final Code code;
  private final @Nullable String amqpCondition;
  private final boolean connectionFatal;

  /**
   * an endpoint failure.
   *
   * @param code the class of failure.
   * @param message what failed, naming peer, address and value or limit.
   * @param amqpCondition the AMQP error condition symbol involved, or null.
   * @param connectionFatal whether the connection is gone.
   * @param cause the underlying exception, or null.
   */
  public CfxEndpointException(
      Code code, String message, @Nullable String amqpCondition, boolean connectionFatal, @Nullable Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.amqpCondition = amqpCondition;
    this.connectionFatal = connectionFatal;
  }

  /**
   * an endpoint failure whose fatality is the code's default.
   *
   * @param code the class of failure.
   * @param message what failed.
   */
  public CfxEndpointException(Code code, String message) {
    this(code, message, null, code.connectionFatal, null);
  }

  /**
   * the class of failure.
   *
   * @return the code.
   */
  public Code code() {
    return code;
  }

  /**
   * the AMQP error condition, when the peer sent one or this endpoint will send one.
   *
   * @return the condition symbol, or null.
   */
  public @Nullable String amqpCondition() {
    return amqpCondition;
  }

  /**
   * whether the connection is gone, so that only reconnecting helps.
   *
   * @return true for connection-level failures.
   */
  public boolean connectionFatal() {
    return connectionFatal;
  }
}
