package io.cfxtrace.model.cfx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.EndpointConnected}: an endpoint came online and tells where it takes
 * requests.
 */
public record EndpointConnected(
    @WireName("CFXHandle") @Nullable String cfxHandle,
    @Nullable String requestNetworkUri,
    @Nullable String requestTargetAddress,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.EndpointConnected";

  /** copies the collections, so that the record is immutable. */
  public EndpointConnected {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public EndpointConnected(
      @Nullable String cfxHandle,
      @Nullable String requestNetworkUri,
      @Nullable String requestTargetAddress) {
    this(cfxHandle, requestNetworkUri, requestTargetAddress, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
