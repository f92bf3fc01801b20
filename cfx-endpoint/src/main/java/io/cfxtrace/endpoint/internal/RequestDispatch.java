package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.AmqpProperties;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.RequestHandler;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.NotSupportedResponse;
import io.cfxtrace.model.cfx.structures.RequestResult;
import io.cfxtrace.model.cfx.structures.StatusResult;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.codec.CfxDecodeException;
import io.cfxtrace.model.value.EnumValue;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.engine.Delivery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * what serving a CFX request takes wherever it arrives (on a listener link to this endpoint's
 * handle, {@link RequestResponder}, or from a broker address, {@link BrokerRequestChannel}):
 * reading the request message, asking the application's {@link RequestHandler} with the standard
 * answers as fallback, and addressing the response back to the requester.
 */
final class RequestDispatch {

  private static final Logger LOG = LoggerFactory.getLogger(RequestDispatch.class);

  /** the largest request kept; the bytes beyond are dropped, and the request then fails to decode. */
  static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

  /** requests in flight per link, as the SDK's request processor grants (cfx-sdk-notes, credit summary). */
  static final int REQUEST_CREDIT = 100;

  private RequestDispatch() {}

  /**
   * a request message as read.
   *
   * @param request the envelope, or null when refused.
   * @param properties the AMQP properties (reply-to, message-id), also when refused.
   * @param refusal why the request cannot be answered, as the condition of its Rejected outcome,
   *     or null.
   */
  record Read(@Nullable CfxEnvelope request, AmqpProperties properties, @Nullable ErrorCondition refusal) {}

  /**
   * reads a request message: its body must be a CFX envelope (raw or gzip JSON).
   *
   * @param codec the codec.
   * @param bytes the encoded AMQP message.
   * @return the request, or the refusal naming the problem.
   */
  static Read read(CfxCodec codec, byte[] bytes) {
    AmqpMessages.Received message = AmqpMessages.decode(bytes, bytes.length);
    if (message.problem() != null) {
      return new Read(null, message.properties(), AmqpErrors.decodeError("request has no usable body: " + message.problem()));
    }
    try {
      return new Read(codec.decodeEnvelope(message.body()), message.properties(), null);
    } catch (CfxDecodeException e) {
      return new Read(null, message.properties(), AmqpErrors.decodeError("request is not a CFX envelope: " + e.getMessage()));
    }
  }

  /**
   * the response to a request: the handler's answer, or the standard one when it gives none (CFX
   * root topic; anything else a NotSupportedResponse), with Source = this endpoint, Target = the
   * requester and the request's RequestID. A handler that throws or fails its stage is answered
   * with a NotSupportedResponse whose RequestResult is Failed and names the failure.
   *
   * @param identity this endpoint.
   * @param handler the application's handler.
   * @param request the request.
   * @return the response envelope; the stage never fails. It completes on the handler's thread
   *     (or at once, on the caller's, for a handler that does not block).
   */
  static CompletionStage<CfxEnvelope> answer(EndpointIdentity identity, RequestHandler handler, CfxEnvelope request) {
    CompletionStage<Optional<CfxMessage>> answer;
    try {
      answer = handler.respondAsync(request);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.handle(
        (custom, failure) -> {
          CfxMessage body;
          if (failure != null) {
            LOG.error("request handler failed on {} from {}", request.messageName(), request.source(), failure);
            body = new NotSupportedResponse(new RequestResult(EnumValue.of(StatusResult.FAILED), -1, "request handler failed: " + failure));
          } else {
            body = custom.isPresent() ? custom.get() : StandardResponses.standard(identity, request);
          }
          return request.response(identity.cfxHandle(), body);
        });
  }

  /**
   * settles a request that cannot be answered as Rejected with the condition naming why.
   *
   * @param d the request's delivery.
   * @param condition why.
   */
  static void reject(Delivery d, ErrorCondition condition) {
    Rejected rejected = new Rejected();
    rejected.setError(condition);
    d.disposition(rejected);
    d.settle();
  }
}
