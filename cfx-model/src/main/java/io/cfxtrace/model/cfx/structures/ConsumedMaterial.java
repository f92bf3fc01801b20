package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ConsumedMaterial}: its members are material location,
 * quantity used, quantity spoiled and remaining quantity.
 */
public record ConsumedMaterial(
    @Nullable MaterialLocation materialLocation,
    @Nullable Double quantityUsed,
    @Nullable Double quantitySpoiled,
    @Nullable Double remainingQuantity,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public ConsumedMaterial {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ConsumedMaterial(
      @Nullable MaterialLocation materialLocation,
      @Nullable Double quantityUsed,
      @Nullable Double quantitySpoiled,
      @Nullable Double remainingQuantity) {
    this(materialLocation, quantityUsed, quantitySpoiled, remainingQuantity, Map.of());
  }
}
