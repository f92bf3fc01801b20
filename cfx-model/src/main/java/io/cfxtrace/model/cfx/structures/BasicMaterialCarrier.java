package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.MaterialCarrier}: its members are unique identifier, name and
 * parent carrier. This is the base class itself, decoded when no {@code $type} names a subclass.
 */
public record BasicMaterialCarrier(
    @Nullable String uniqueIdentifier,
    @Nullable String name,
    @Nullable MaterialCarrier parentCarrier,
    Map<String, JsonNode> extensions)
    implements CfxRecord, MaterialCarrier {

  /** copies the collections, so that the record is immutable. */
  public BasicMaterialCarrier {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicMaterialCarrier(
      @Nullable String uniqueIdentifier,
      @Nullable String name,
      @Nullable MaterialCarrier parentCarrier) {
    this(uniqueIdentifier, name, parentCarrier, Map.of());
  }
}
