package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.PackagingInfo;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMDTrayPackagingInfo}: its members are cell
 * dimension X, cell dimension Y, cell count X and 3 more. Derives from {@code
 * CFX.Structures.PackagingInfo}, whose members come first. Since CFX 2.0.
 */
public record SMDTrayPackagingInfo(
    @Nullable Double cellDimensionX,
    @Nullable Double cellDimensionY,
    @Nullable Integer cellCountX,
    @Nullable Integer cellCountY,
    @Nullable Double cellPitchX,
    @Nullable Double cellPitchY,
    Map<String, JsonNode> extensions)
    implements CfxRecord, PackagingInfo {

  /** copies the collections, so that the record is immutable. */
  public SMDTrayPackagingInfo {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMDTrayPackagingInfo(
      @Nullable Double cellDimensionX,
      @Nullable Double cellDimensionY,
      @Nullable Integer cellCountX,
      @Nullable Integer cellCountY,
      @Nullable Double cellPitchX,
      @Nullable Double cellPitchY) {
    this(cellDimensionX, cellDimensionY, cellCountX, cellCountY, cellPitchX, cellPitchY, Map.of());
  }
}
