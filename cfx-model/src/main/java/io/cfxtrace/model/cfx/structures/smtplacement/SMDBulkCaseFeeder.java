package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.MaterialCarrier;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMDBulkCaseFeeder}: its members are unique
 * identifier, name, parent carrier and 8 more. Derives from {@code CFX.Structures.MaterialCarrier},
 * whose members come first. Since CFX 1.5.
 */
public record SMDBulkCaseFeeder(
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
  public SMDBulkCaseFeeder {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMDBulkCaseFeeder(
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
