package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ShelfLocation}: its members are location identifier, location
 * name, side location and 4 more. Derives from {@code CFX.Structures.LocationDetail}, whose members
 * come first. Since CFX 1.7.
 */
public record ShelfLocation(
    @Nullable String locationIdentifier,
    @Nullable String locationName,
    @Nullable EnumValue<ShelfSideLocation> sideLocation,
    @Nullable Double rowCount,
    @Nullable Double columnCount,
    @Nullable Double row,
    @Nullable Double column,
    Map<String, JsonNode> extensions)
    implements CfxRecord, LocationDetail {

  /** copies the collections, so that the record is immutable. */
  public ShelfLocation {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ShelfLocation(
      @Nullable String locationIdentifier,
      @Nullable String locationName,
      @Nullable EnumValue<ShelfSideLocation> sideLocation,
      @Nullable Double rowCount,
      @Nullable Double columnCount,
      @Nullable Double row,
      @Nullable Double column) {
    this(
        locationIdentifier,
        locationName,
        sideLocation,
        rowCount,
        columnCount,
        row,
        column,
        Map.of());
  }
}
