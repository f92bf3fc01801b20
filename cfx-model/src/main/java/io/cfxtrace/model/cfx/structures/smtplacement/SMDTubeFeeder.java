package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.MaterialCarrier;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMDTubeFeeder}: its members are unique
 * identifier, name, parent carrier and 5 more. Derives from {@code CFX.Structures.MaterialCarrier},
 * whose members come first.
 */
public record SMDTubeFeeder(
    @Nullable String uniqueIdentifier,
    @Nullable String name,
    @Nullable MaterialCarrier parentCarrier,
    @Nullable String baseUniqueIdentifier,
    @Nullable String baseName,
    @Nullable Integer laneNumber,
    @Nullable Double width,
    @Nullable Double pitch,
    Map<String, JsonNode> extensions)
    implements CfxRecord, MaterialCarrier {

  /** copies the collections, so that the record is immutable. */
  public SMDTubeFeeder {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMDTubeFeeder(
      @Nullable String uniqueIdentifier,
      @Nullable String name,
      @Nullable MaterialCarrier parentCarrier,
      @Nullable String baseUniqueIdentifier,
      @Nullable String baseName,
      @Nullable Integer laneNumber,
      @Nullable Double width,
      @Nullable Double pitch) {
    this(
        uniqueIdentifier,
        name,
        parentCarrier,
        baseUniqueIdentifier,
        baseName,
        laneNumber,
        width,
        pitch,
        Map.of());
  }
}
