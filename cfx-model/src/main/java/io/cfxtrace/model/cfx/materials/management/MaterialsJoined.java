package io.cfxtrace.model.cfx.materials.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.MaterialPackage;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Materials.Management.MaterialsJoined}: two material packages were joined.
 */
public record MaterialsJoined(
    @Nullable MaterialPackage leadingMaterialPackage,
    @Nullable MaterialPackage trailingMaterialPackage,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Materials.Management.MaterialsJoined";

  /** copies the collections, so that the record is immutable. */
  public MaterialsJoined {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialsJoined(
      @Nullable MaterialPackage leadingMaterialPackage,
      @Nullable MaterialPackage trailingMaterialPackage) {
    this(leadingMaterialPackage, trailingMaterialPackage, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
