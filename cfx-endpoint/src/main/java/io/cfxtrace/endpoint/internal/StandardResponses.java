package io.cfxtrace.endpoint.internal;

import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.AreYouThereRequest;
import io.cfxtrace.model.cfx.AreYouThereResponse;
import io.cfxtrace.model.cfx.GetEndpointInformationRequest;
import io.cfxtrace.model.cfx.GetEndpointInformationResponse;
import io.cfxtrace.model.cfx.NotSupportedResponse;
import io.cfxtrace.model.cfx.WhoIsThereRequest;
import io.cfxtrace.model.cfx.WhoIsThereResponse;
import io.cfxtrace.model.cfx.structures.BasicEndpoint;
import io.cfxtrace.model.cfx.structures.RequestResult;
import io.cfxtrace.model.cfx.structures.StatusResult;
import io.cfxtrace.model.cfx.structures.SupportedTopic;
import io.cfxtrace.model.cfx.structures.TopicSupportType;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.stream.Collectors;

/**
 * the answers every CFX endpoint must give (CFX root topic, CFX/NamespaceDoc: "must be
 * implemented by all endpoints"), after the application's own {@link io.cfxtrace.endpoint.RequestHandler}.
 */
final class StandardResponses {

  private StandardResponses() {}

  /** the standard answer to a request the application's handler left alone. */
  static CfxMessage standard(EndpointIdentity identity, CfxEnvelope request) {
    CfxMessage body = request.messageBody();
    RequestResult success = new RequestResult(EnumValue.of(StatusResult.SUCCESS), 0, null);
    if (body instanceof AreYouThereRequest) {
      return new AreYouThereResponse(success, identity.cfxHandle(), identity.requestNetworkUri(), identity.cfxHandle());
    }
    if (body instanceof WhoIsThereRequest) {
      return new WhoIsThereResponse(success, identity.cfxHandle(), identity.requestNetworkUri(), identity.cfxHandle());
    }
    if (body instanceof GetEndpointInformationRequest) {
      return new GetEndpointInformationResponse(success, endpoint(identity));
    }
    return new NotSupportedResponse(
        new RequestResult(
            EnumValue.of(StatusResult.FAILED),
            -1,
            request.messageName() + " is not supported by " + identity.cfxHandle()));
  }

  static BasicEndpoint endpoint(EndpointIdentity identity) {
    List<SupportedTopic> topics =
        identity.supportedTopics().stream()
            .map(t -> new SupportedTopic(t, EnumValue.of(TopicSupportType.CONSUMER), List.of()))
            .collect(Collectors.toList());
    return new BasicEndpoint(
        identity.cfxHandle(),
        io.cfxtrace.model.CfxEnvelope.CURRENT_VERSION,
        identity.requestNetworkUri(),
        identity.cfxHandle(),
        identity.cfxHandle(),
        identity.cfxHandle(),
        identity.vendor(),
        identity.modelNumber(),
        identity.serialNumber(),
        identity.softwareVersion(),
        null,
        null,
        null,
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        List.of(),
        null,
        null,
        null,
        topics,
        null,
        null);
  }
}
