package io.cfxtrace.model.cfx.structures.solderreflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderReflow.ReflowSetPoint}: its members are sub zone,
 * setpoint type and setpoint.
 */
public record ReflowSetPoint(
    @Nullable EnumValue<ReflowSubZoneType> subZone,
    @Nullable EnumValue<ReflowSetpointType> setpointType,
    @Nullable Double setpoint,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public ReflowSetPoint {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ReflowSetPoint(
      @Nullable EnumValue<ReflowSubZoneType> subZone,
      @Nullable EnumValue<ReflowSetpointType> setpointType,
      @Nullable Double setpoint) {
    this(subZone, setpointType, setpoint, Map.of());
  }
}
