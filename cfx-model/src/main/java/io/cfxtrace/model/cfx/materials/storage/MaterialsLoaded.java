package io.cfxtrace.model.cfx.materials.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.MaterialLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Materials.Storage.MaterialsLoaded}: material packages were loaded into
 * locations of the station.
 */
public record MaterialsLoaded(
    @Nullable List<MaterialLocation> materials,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Materials.Storage.MaterialsLoaded";

  /** copies the collections, so that the record is immutable. */
  public MaterialsLoaded {
    materials = Immutables.list(materials);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialsLoaded(
      @Nullable List<MaterialLocation> materials) {
    this(materials, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
