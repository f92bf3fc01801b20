package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.MaterialCarrierLocation}: its members are resource location,
 * location identifier, location name and carrier information.
 */
public record MaterialCarrierLocation(
    @Nullable ResourceLocation resourceLocation,
    @Nullable String locationIdentifier,
    @Nullable String locationName,
    @Nullable MaterialCarrier carrierInformation,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public MaterialCarrierLocation {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialCarrierLocation(
      @Nullable ResourceLocation resourceLocation,
      @Nullable String locationIdentifier,
      @Nullable String locationName,
      @Nullable MaterialCarrier carrierInformation) {
    this(resourceLocation, locationIdentifier, locationName, carrierInformation, Map.of());
  }
}
