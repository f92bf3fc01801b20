package io.cfxtrace.endpoint;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import java.util.Optional;

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
}
