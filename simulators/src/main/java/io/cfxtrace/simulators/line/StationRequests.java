package io.cfxtrace.simulators.line;

import io.cfxtrace.endpoint.RequestHandler;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.AreYouThereRequest;
import io.cfxtrace.model.cfx.AreYouThereResponse;
import io.cfxtrace.model.cfx.GetEndpointInformationRequest;
import io.cfxtrace.model.cfx.GetEndpointInformationResponse;
import io.cfxtrace.model.cfx.WhoIsThereRequest;
import io.cfxtrace.model.cfx.WhoIsThereResponse;
import io.cfxtrace.model.cfx.structures.BasicEndpoint;
import io.cfxtrace.model.cfx.structures.RequestResult;
import io.cfxtrace.model.cfx.structures.StatusResult;
import io.cfxtrace.model.cfx.structures.SupportedTopic;
import io.cfxtrace.model.cfx.structures.TopicSupportType;
import io.cfxtrace.model.value.EnumValue;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * a simulated station's answers to the requests of the CFX root topic (AreYouThereRequest,
 * WhoIsThereRequest, GetEndpointInformationRequest), with the station's own handle, model and the
 * request URI its listener is bound to. Anything else gets cfx-endpoint's NotSupportedResponse.
 *
 * <p>The request URI is set once the listener is bound (its port may be chosen by the system), so
 * the answers are built here rather than from the endpoint's identity, which is fixed before.
 */
final class StationRequests implements RequestHandler {

  private static final String VENDOR = "cfx-trace simulator";

  private final Station station;
  private final String softwareVersion;
  private volatile @Nullable String requestUri;

  StationRequests(Station station, String softwareVersion) {
    this.station = station;
    this.softwareVersion = softwareVersion;
  }

  void bound(String uri) {
    this.requestUri = uri;
  }

  @Override
  public Optional<CfxMessage> respond(CfxEnvelope request) {
    CfxMessage body = request.messageBody();
    RequestResult ok = new RequestResult(EnumValue.of(StatusResult.SUCCESS), 0, null);
    String handle = station.handle();
    if (body instanceof AreYouThereRequest) {
      return Optional.of(new AreYouThereResponse(ok, handle, requestUri, handle));
    }
    if (body instanceof WhoIsThereRequest) {
      return Optional.of(new WhoIsThereResponse(ok, handle, requestUri, handle));
    }
    if (body instanceof GetEndpointInformationRequest) {
      return Optional.of(new GetEndpointInformationResponse(ok, endpoint()));
    }
    return Optional.empty();
  }

  /** what GetEndpointInformationResponse says of the station. */
  BasicEndpoint endpoint() {
    String handle = station.handle();
    return new BasicEndpoint(handle, CfxEnvelope.CURRENT_VERSION, requestUri, handle, "SIM-" + handle, "Line " + station.line() + " "
        + station.kind().model(), VENDOR, station.kind().model(), "SIM-" + handle, softwareVersion, null, null, null, null, null, 1, null, null,
        station.kind().topics().stream().map(t -> new SupportedTopic(t, EnumValue.of(TopicSupportType.PUBLISHER), null)).toList(), null, null);
  }
}
