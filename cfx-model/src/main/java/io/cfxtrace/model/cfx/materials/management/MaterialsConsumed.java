package io.cfxtrace.model.cfx.materials.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.ConsumedMaterial;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Materials.Management.MaterialsConsumed}: quantities of material were used
 * or spoiled.
 */
public record MaterialsConsumed(
    @Nullable List<ConsumedMaterial> consumedMaterials,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Materials.Management.MaterialsConsumed";

  /** copies the collections, so that the record is immutable. */
  public MaterialsConsumed {
    consumedMaterials = Immutables.list(consumedMaterials);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialsConsumed(
      @Nullable List<ConsumedMaterial> consumedMaterials) {
    this(consumedMaterials, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
