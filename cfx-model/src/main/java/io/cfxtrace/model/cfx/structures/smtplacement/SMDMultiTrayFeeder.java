package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.MaterialCarrier;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMDMultiTrayFeeder}: its members are unique
 * identifier, name, parent carrier and 4 more. Derives from {@code CFX.Structures.MaterialCarrier},
 * whose members come first. Since CFX 2.0.
 */
public record SMDMultiTrayFeeder(
    @Nullable String uniqueIdentifier,
    @Nullable String name,
    @Nullable MaterialCarrier parentCarrier,
    @Nullable String internalIdentifier,
    @Nullable Double x,
    @Nullable Double y,
    @Nullable Double rotation,
    Map<String, JsonNode> extensions)
    implements CfxRecord, MaterialCarrier {

  /** copies the collections, so that the record is immutable. */
  public SMDMultiTrayFeeder {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMDMultiTrayFeeder(
      @Nullable String uniqueIdentifier,
      @Nullable String name,
      @Nullable MaterialCarrier parentCarrier,
      @Nullable String internalIdentifier,
      @Nullable Double x,
      @Nullable Double y,
      @Nullable Double rotation) {
    this(uniqueIdentifier, name, parentCarrier, internalIdentifier, x, y, rotation, Map.of());
  }
}
