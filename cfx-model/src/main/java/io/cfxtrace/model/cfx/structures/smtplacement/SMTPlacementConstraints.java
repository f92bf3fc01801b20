package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTPlacementConstraints}: its members are
 * minumum component body size X, maximum component body size X, minumum component body size Y and 8
 * more.
 */
public record SMTPlacementConstraints(
    @Nullable Double minumumComponentBodySizeX,
    @Nullable Double maximumComponentBodySizeX,
    @Nullable Double minumumComponentBodySizeY,
    @Nullable Double maximumComponentBodySizeY,
    @Nullable Double minumumComponentHeight,
    @Nullable Double maximumComponentHeight,
    @Nullable Double minimumLeadWidth,
    @Nullable Double minimumBGAPitch,
    @Nullable Double minimumSOICPitch,
    @Nullable Double minimumMountingPressure,
    @Nullable Double maximumMountingPressure,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public SMTPlacementConstraints {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTPlacementConstraints(
      @Nullable Double minumumComponentBodySizeX,
      @Nullable Double maximumComponentBodySizeX,
      @Nullable Double minumumComponentBodySizeY,
      @Nullable Double maximumComponentBodySizeY,
      @Nullable Double minumumComponentHeight,
      @Nullable Double maximumComponentHeight,
      @Nullable Double minimumLeadWidth,
      @Nullable Double minimumBGAPitch,
      @Nullable Double minimumSOICPitch,
      @Nullable Double minimumMountingPressure,
      @Nullable Double maximumMountingPressure) {
    this(
        minumumComponentBodySizeX,
        maximumComponentBodySizeX,
        minumumComponentBodySizeY,
        maximumComponentBodySizeY,
        minumumComponentHeight,
        maximumComponentHeight,
        minimumLeadWidth,
        minimumBGAPitch,
        minimumSOICPitch,
        minimumMountingPressure,
        maximumMountingPressure,
        Map.of());
  }
}
