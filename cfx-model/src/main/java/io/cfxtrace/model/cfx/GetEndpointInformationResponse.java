package io.cfxtrace.model.cfx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Endpoint;
import io.cfxtrace.model.cfx.structures.RequestResult;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.GetEndpointInformationResponse}: the description of an endpoint: vendor,
 * model, versions, stages and topics.
 */
public record GetEndpointInformationResponse(
    @Nullable RequestResult result,
    @Nullable Endpoint endpointInformation,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.GetEndpointInformationResponse";

  /** copies the collections, so that the record is immutable. */
  public GetEndpointInformationResponse {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public GetEndpointInformationResponse(
      @Nullable RequestResult result,
      @Nullable Endpoint endpointInformation) {
    this(result, endpointInformation, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
