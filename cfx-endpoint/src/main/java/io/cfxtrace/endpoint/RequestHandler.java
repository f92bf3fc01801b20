package io.cfxtrace.endpoint;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * answers CFX requests addressed to this endpoint's handle, before the standard answers.
 *
 * <p>Without a handler, or when it returns empty, the endpoint answers the requests of the root
 * CFX topic that every endpoint must answer (AreYouThereRequest, WhoIsThereRequest,
 * GetEndpointInformationRequest) and answers anything else with a NotSupportedResponse.
 */
@FunctionalInterface
public interface RequestHandler {

  /** a handler that adds nothing to the standard answers. */
  RequestHandler STANDARD = request -> Optional.empty();

  /**
   * answers a request.
   *
   * <p>Called on a network thread: must not block.
   *
   * @param request the request envelope.
   * @return the response body, or empty for the standard answer.
   */
  Optional<CfxMessage> respond(CfxEnvelope request);

  /**
   * answers a request later: what the endpoint calls. The default calls {@link #respond} at once,
   * on the network thread. A handler that must block (reading a database, say) overrides this,
   * does the work on a thread of its own and completes the stage there; the endpoint then sends
   * the answer from its network thread, in the order the answers complete. A stage that fails is
   * answered with a NotSupportedResponse whose RequestResult is Failed and names the failure.
   *
   * <p>Called on a network thread: must not block.
   *
   * @param request the request envelope.
   * @return the response body, or empty for the standard answer.
   */
  default CompletionStage<Optional<CfxMessage>> respondAsync(CfxEnvelope request) {
    return CompletableFuture.completedFuture(respond(request));
  }
}
