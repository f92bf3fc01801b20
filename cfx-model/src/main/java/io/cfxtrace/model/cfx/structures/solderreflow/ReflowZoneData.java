package io.cfxtrace.model.cfx.structures.solderreflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderReflow.ReflowZoneData}: its members are zone, setpoints
 * and readings.
 */
public record ReflowZoneData(
    @Nullable ReflowZone zone,
    @Nullable List<ReflowSetPoint> setpoints,
    @Nullable List<ReflowReading> readings,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public ReflowZoneData {
    setpoints = Immutables.list(setpoints);
    readings = Immutables.list(readings);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ReflowZoneData(
      @Nullable ReflowZone zone,
      @Nullable List<ReflowSetPoint> setpoints,
      @Nullable List<ReflowReading> readings) {
    this(zone, setpoints, readings, Map.of());
  }
}
