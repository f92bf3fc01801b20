package io.cfxtrace.model.cfx.materials.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.StationSetupRequirements;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Materials.Storage.ValidateStationSetupRequest}: asks whether the materials loaded at a
 * station comply with the setup requirements in the request.
 */
public record ValidateStationSetupRequest(
    @Nullable StationSetupRequirements setupRequirements,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Materials.Storage.ValidateStationSetupRequest";

  /** copies the collections, so that the record is immutable. */
  public ValidateStationSetupRequest {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ValidateStationSetupRequest(
      @Nullable StationSetupRequirements setupRequirements) {
    this(setupRequirements, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
