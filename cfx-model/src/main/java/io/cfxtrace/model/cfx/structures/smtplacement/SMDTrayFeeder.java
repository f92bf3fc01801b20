package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.MaterialCarrier;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMDTrayFeeder}: its members are unique
 * identifier, name, parent carrier and 8 more. Derives from {@code CFX.Structures.MaterialCarrier},
 * whose members come first.
 */
public record SMDTrayFeeder(
    @Nullable String uniqueIdentifier,
    @Nullable String name,
    @Nullable MaterialCarrier parentCarrier,
    @Nullable Double cellDimensionX,
    @Nullable Double cellDimensionY,
    @Nullable Integer cellCountX,
    @Nullable Integer cellCountY,
    @Nullable Double cellPitchX,
    @Nullable Double cellPitchY,
    @Nullable Double cellNumberX,
    @Nullable Double cellNumberY,
    Map<String, JsonNode> extensions)
    implements CfxRecord, MaterialCarrier {

  /** copies the collections, so that the record is immutable. */
  public SMDTrayFeeder {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMDTrayFeeder(
      @Nullable String uniqueIdentifier,
      @Nullable String name,
      @Nullable MaterialCarrier parentCarrier,
      @Nullable Double cellDimensionX,
      @Nullable Double cellDimensionY,
      @Nullable Integer cellCountX,
      @Nullable Integer cellCountY,
      @Nullable Double cellPitchX,
      @Nullable Double cellPitchY,
      @Nullable Double cellNumberX,
      @Nullable Double cellNumberY) {
    this(
        uniqueIdentifier,
        name,
        parentCarrier,
        cellDimensionX,
        cellDimensionY,
        cellCountX,
        cellCountY,
        cellPitchX,
        cellPitchY,
        cellNumberX,
        cellNumberY,
        Map.of());
  }
}
