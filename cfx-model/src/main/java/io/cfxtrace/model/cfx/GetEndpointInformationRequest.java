package io.cfxtrace.model.cfx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CFX message {@code CFX.GetEndpointInformationRequest}: asks an endpoint to describe itself. */
public record GetEndpointInformationRequest(
    @WireName("CFXHandle") @Nullable String cfxHandle,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.GetEndpointInformationRequest";

  /** copies the collections, so that the record is immutable. */
  public GetEndpointInformationRequest {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public GetEndpointInformationRequest(
      @Nullable String cfxHandle) {
    this(cfxHandle, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
