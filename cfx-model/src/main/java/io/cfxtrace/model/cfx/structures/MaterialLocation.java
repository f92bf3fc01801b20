package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.MaterialLocation}: its members are resource location,
 * location identifier, location name and 2 more.
 */
public record MaterialLocation(
    @Nullable ResourceLocation resourceLocation,
    @Nullable String locationIdentifier,
    @Nullable String locationName,
    @Nullable MaterialPackage materialPackage,
    @Nullable MaterialCarrier carrierInformation,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public MaterialLocation {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialLocation(
      @Nullable ResourceLocation resourceLocation,
      @Nullable String locationIdentifier,
      @Nullable String locationName,
      @Nullable MaterialPackage materialPackage,
      @Nullable MaterialCarrier carrierInformation) {
    this(
        resourceLocation,
        locationIdentifier,
        locationName,
        materialPackage,
        carrierInformation,
        Map.of());
  }
}
