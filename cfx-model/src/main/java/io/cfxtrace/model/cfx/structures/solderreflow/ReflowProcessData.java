package io.cfxtrace.model.cfx.structures.solderreflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.ProcessData;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderReflow.ReflowProcessData}: its members are conveyor
 * speed, conveyor speed setpoint and zone data. Derives from {@code CFX.Structures.ProcessData},
 * whose members come first.
 */
public record ReflowProcessData(
    @Nullable Double conveyorSpeed,
    @Nullable Double conveyorSpeedSetpoint,
    @Nullable List<ReflowZoneData> zoneData,
    Map<String, JsonNode> extensions)
    implements CfxRecord, ProcessData {

  /** copies the collections, so that the record is immutable. */
  public ReflowProcessData {
    zoneData = Immutables.list(zoneData);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ReflowProcessData(
      @Nullable Double conveyorSpeed,
      @Nullable Double conveyorSpeedSetpoint,
      @Nullable List<ReflowZoneData> zoneData) {
    this(conveyorSpeed, conveyorSpeedSetpoint, zoneData, Map.of());
  }
}
