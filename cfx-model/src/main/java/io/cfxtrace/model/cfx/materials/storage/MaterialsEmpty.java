package io.cfxtrace.model.cfx.materials.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.MaterialLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Materials.Storage.MaterialsEmpty}: material packages at the station ran
 * empty.
 */
public record MaterialsEmpty(
    @Nullable List<MaterialLocation> emptyMaterials,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Materials.Storage.MaterialsEmpty";

  /** copies the collections, so that the record is immutable. */
  public MaterialsEmpty {
    emptyMaterials = Immutables.list(emptyMaterials);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialsEmpty(
      @Nullable List<MaterialLocation> emptyMaterials) {
    this(emptyMaterials, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
