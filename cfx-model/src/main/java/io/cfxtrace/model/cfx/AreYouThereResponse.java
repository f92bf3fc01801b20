package io.cfxtrace.model.cfx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.RequestResult;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.AreYouThereResponse}: answers an AreYouThereRequest: the endpoint is
 * present, with its handle and request address.
 */
public record AreYouThereResponse(
    @Nullable RequestResult result,
    @WireName("CFXHandle") @Nullable String cfxHandle,
    @Nullable String requestNetworkUri,
    @Nullable String requestTargetAddress,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.AreYouThereResponse";

  /** copies the collections, so that the record is immutable. */
  public AreYouThereResponse {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public AreYouThereResponse(
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
