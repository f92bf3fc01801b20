package io.cfxtrace.model.cfx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.RequestResult;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.WhoIsThereResponse}: answers a WhoIsThereRequest: the endpoint identifies
 * itself and the topics it supports.
 */
public record WhoIsThereResponse(
    @Nullable RequestResult result,
    @WireName("CFXHandle") @Nullable String cfxHandle,
    @Nullable String requestNetworkUri,
    @Nullable String requestTargetAddress,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.WhoIsThereResponse";

  /** copies the collections, so that the record is immutable. */
  public WhoIsThereResponse {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public WhoIsThereResponse(
      @Nullable RequestResult result,
      @Nullable String cfxHandle,
      @Nullable String requestNetworkUri,
      @Nullable String requestTargetAddress) {
    this(result, cfxHandle, requestNetworkUri, requestTargetAddress, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
