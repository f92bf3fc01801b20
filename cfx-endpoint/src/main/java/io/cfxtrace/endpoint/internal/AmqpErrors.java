package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.CfxEndpointException;
import io.cfxtrace.endpoint.CfxEndpointException.Code;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLException;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.transport.AmqpError;
import org.apache.qpid.proton.amqp.transport.ConnectionError;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.amqp.transport.LinkError;
import org.apache.qpid.proton.amqp.transport.SessionError;
import org.jspecify.annotations.Nullable;

/**
 * the one place where AMQP error conditions and transport exceptions become {@link
 * CfxEndpointException}s, and where this endpoint's refusals become error conditions.
 */
public final class AmqpErrors {

  private AmqpErrors() {}

  /** the condition a listener sends when a link's address is not served. */
  public static ErrorCondition notFound(String description) {
    return new ErrorCondition(AmqpError.NOT_FOUND, description);
  }

  /** the condition a listener sends when a connection or link limit is reached. */
  public static ErrorCondition resourceLimit(String description) {
    return new ErrorCondition(AmqpError.RESOURCE_LIMIT_EXCEEDED, description);
  }

  /** the condition sent when a message is over the size limit. */
  public static ErrorCondition messageTooLarge(String description) {
    return new ErrorCondition(LinkError.MESSAGE_SIZE_EXCEEDED, description);
  }

  /** the condition sent when the peer's frames cannot be decoded. */
  public static ErrorCondition decodeError(String description) {
    return new ErrorCondition(AmqpError.DECODE_ERROR, description);
  }

  /** the condition sent when a message lacks a field it needs (a request without reply-to). */
  public static ErrorCondition invalidField(String description) {
    return new ErrorCondition(AmqpError.INVALID_FIELD, description);
  }

  /** the condition sent when the peer attaches a link on a handle that is in use. */
  public static ErrorCondition handleInUse(String description) {
    return new ErrorCondition(SessionError.HANDLE_IN_USE, description);
  }

  /** the condition sent when something failed inside this endpoint. */
  public static ErrorCondition internal(String description) {
    return new ErrorCondition(AmqpError.INTERNAL_ERROR, description);
  }

  /** the condition sent when this endpoint shuts down. */
  public static ErrorCondition shuttingDown() {
    return new ErrorCondition(ConnectionError.CONNECTION_FORCED, "the CFX endpoint is shutting down");
  }

  /**
   * translates a condition the peer sent.
   *
   * @param condition the remote condition, possibly null or empty.
   * @param connectionLevel whether it closed the connection (else a link or session).
   * @param context what was being done, for the message (for example "link to /queue/cfx on
   *     broker 10.0.0.2:5672").
   * @return the exception.
   */
  public static CfxEndpointException fromCondition(
      @Nullable ErrorCondition condition, boolean connectionLevel, String context) {
    Symbol symbol = condition == null ? null : condition.getCondition();
    String description = condition == null || condition.getDescription() == null ? "" : ": " + condition.getDescription();
    if (symbol == null) {
      return new CfxEndpointException(
          connectionLevel ? Code.CONNECTION_LOST : Code.CLOSED,
          context + " was closed by the peer without an error" + description,
          null,
          connectionLevel,
          null);
    }
    Code code;
    if (symbol.equals(AmqpError.UNAUTHORIZED_ACCESS)) {
      code = Code.UNAUTHORIZED;
    } else if (symbol.equals(AmqpError.NOT_FOUND)) {
      code = Code.NOT_FOUND;
    } else if (symbol.equals(AmqpError.RESOURCE_LIMIT_EXCEEDED)) {
      code = Code.RESOURCE_LIMIT;
    } else if (symbol.equals(LinkError.MESSAGE_SIZE_EXCEEDED)) {
      code = Code.MESSAGE_TOO_LARGE;
    } else if (symbol.equals(AmqpError.DECODE_ERROR)) {
      code = Code.DECODE_ERROR;
    } else if (symbol.equals(ConnectionError.CONNECTION_FORCED)) {
      code = Code.CONNECTION_LOST;
    } else {
      code = Code.REMOTE_ERROR;
    }
    return new CfxEndpointException(
        code, context + " failed with " + symbol + description, symbol.toString(), connectionLevel, null);
  }

  /**
   * translates a socket or TLS exception.
   *
   * @param cause what the transport threw.
   * @param context the peer and what was being done.
   * @param connected whether the connection had been established.
   * @return the exception.
   */
  public static CfxEndpointException fromTransport(Throwable cause, String context, boolean connected) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof SSLException) {
        break;
      }
      root = root.getCause();
    }
    if (root instanceof SSLException || cause instanceof SSLException) {
      return new CfxEndpointException(Code.TLS_FAILED, context + ": TLS failed: " + root.getMessage(), null, true, cause);
    }
    if (!connected && (root instanceof ConnectException || root instanceof UnknownHostException)) {
      return new CfxEndpointException(Code.CONNECTION_REFUSED, context + ": cannot connect: " + root.getMessage(), null, true, cause);
    }
    if (root instanceof ClosedChannelException) {
      return new CfxEndpointException(Code.CONNECTION_LOST, context + ": the connection closed", null, true, cause);
    }
    String what = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return new CfxEndpointException(
        connected ? Code.CONNECTION_LOST : Code.CONNECTION_REFUSED, context + ": " + what, null, true, cause);
  }
}
