package io.cfxtrace.model.cfx.materials.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Materials.Management.MaterialsSplit}: part of a material package was split
 * off into a new package.
 */
public record MaterialsSplit(
    @Nullable String sourceMaterialPackageIdentifier,
    @Nullable Double sourceMaterialPackageRemainingQuantity,
    @Nullable String newMaterialPackageIdentifier,
    @Nullable Double newMaterialPackageQuantity,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Materials.Management.MaterialsSplit";

  /** copies the collections, so that the record is immutable. */
  public MaterialsSplit {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialsSplit(
      @Nullable String sourceMaterialPackageIdentifier,
      @Nullable Double sourceMaterialPackageRemainingQuantity,
      @Nullable String newMaterialPackageIdentifier,
      @Nullable Double newMaterialPackageQuantity) {
    this(
        sourceMaterialPackageIdentifier,
        sourceMaterialPackageRemainingQuantity,
        newMaterialPackageIdentifier,
        newMaterialPackageQuantity,
        Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
