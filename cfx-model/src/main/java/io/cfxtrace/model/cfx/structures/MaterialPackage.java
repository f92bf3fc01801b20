package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.MaterialPackage}: its members are unique identifier, internal
 * part number, internal package name and 5 more.
 */
public record MaterialPackage(
    @Nullable String uniqueIdentifier,
    @Nullable String internalPartNumber,
    @Nullable String internalPackageName,
    @Nullable Double quantity,
    @Nullable MaterialPackage leadingMaterialPackage,
    @Nullable String batchId,
    @Nullable MaterialPackage batchMaterialPackage,
    @Nullable Double greyZone,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public MaterialPackage {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialPackage(
      @Nullable String uniqueIdentifier,
      @Nullable String internalPartNumber,
      @Nullable String internalPackageName,
      @Nullable Double quantity,
      @Nullable MaterialPackage leadingMaterialPackage,
      @Nullable String batchId,
      @Nullable MaterialPackage batchMaterialPackage,
      @Nullable Double greyZone) {
    this(
        uniqueIdentifier,
        internalPartNumber,
        internalPackageName,
        quantity,
        leadingMaterialPackage,
        batchId,
        batchMaterialPackage,
        greyZone,
        Map.of());
  }
}
