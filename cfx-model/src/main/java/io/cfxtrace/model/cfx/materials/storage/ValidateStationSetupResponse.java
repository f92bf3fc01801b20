package io.cfxtrace.model.cfx.materials.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.RequestResult;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Materials.Storage.ValidateStationSetupResponse}: the answer to a ValidateStationSetupRequest.
 */
public record ValidateStationSetupResponse(
    @Nullable RequestResult result,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Materials.Storage.ValidateStationSetupResponse";

  /** copies the collections, so that the record is immutable. */
  public ValidateStationSetupResponse {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ValidateStationSetupResponse(
      @Nullable RequestResult result) {
    this(result, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
