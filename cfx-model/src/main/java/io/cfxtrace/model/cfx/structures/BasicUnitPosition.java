package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.UnitPosition}: its members are unit identifier, position
 * number, position name and 7 more. This is the base class itself, decoded when no {@code $type}
 * names a subclass.
 */
public record BasicUnitPosition(
    @Nullable String unitIdentifier,
    @Nullable Integer positionNumber,
    @Nullable String positionName,
    @Nullable Double x,
    @Nullable Double y,
    @Nullable Double z,
    @Nullable Double rotation,
    @Nullable Boolean flipX,
    @Nullable Boolean flipY,
    @Nullable EnumValue<UnitStatus> status,
    Map<String, JsonNode> extensions)
    implements CfxRecord, UnitPosition {

  /** copies the collections, so that the record is immutable. */
  public BasicUnitPosition {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicUnitPosition(
      @Nullable String unitIdentifier,
      @Nullable Integer positionNumber,
      @Nullable String positionName,
      @Nullable Double x,
      @Nullable Double y,
      @Nullable Double z,
      @Nullable Double rotation,
      @Nullable Boolean flipX,
      @Nullable Boolean flipY,
      @Nullable EnumValue<UnitStatus> status) {
    this(
        unitIdentifier,
        positionNumber,
        positionName,
        x,
        y,
        z,
        rotation,
        flipX,
        flipY,
        status,
        Map.of());
  }
}
