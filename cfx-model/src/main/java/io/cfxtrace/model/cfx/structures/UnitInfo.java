package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.UnitInfo}: its members are unit identifier, position number,
 * position name and 11 more. Derives from {@code CFX.Structures.UnitPosition}, whose members come
 * first. Since CFX 1.4.
 */
public record UnitInfo(
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
    @Nullable Integer badMark,
    @Nullable Integer fiducialCount,
    @Nullable List<FiducialInfo> fiducials,
    @WireName("CRDs") @Nullable List<String> crds,
    Map<String, JsonNode> extensions)
    implements CfxRecord, UnitPosition {

  /** copies the collections, so that the record is immutable. */
  public UnitInfo {
    fiducials = Immutables.list(fiducials);
    crds = Immutables.list(crds);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitInfo(
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
      @Nullable Integer badMark,
      @Nullable Integer fiducialCount,
      @Nullable List<FiducialInfo> fiducials,
      @Nullable List<String> crds) {
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
        badMark,
        fiducialCount,
        fiducials,
        crds,
        Map.of());
  }
}
