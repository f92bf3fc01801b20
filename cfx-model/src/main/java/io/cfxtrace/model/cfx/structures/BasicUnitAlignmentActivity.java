package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.UnitAlignmentActivity}: its members are time stamp, activity
 * instance id, activity state and 9 more. Derives from {@code CFX.Structures.Activity}, whose
 * members come first. This is the base class itself, decoded when no {@code $type} names a
 * subclass.
 */
public record BasicUnitAlignmentActivity(
    @Nullable CfxTimestamp timeStamp,
    @Nullable String activityInstanceId,
    @Nullable EnumValue<ActivityState> activityState,
    @Nullable String activityName,
    @Nullable String comments,
    @Nullable EnumValue<ValueAddType> valueAddType,
    @WireName("DX") @Nullable Double dx,
    @WireName("DY") @Nullable Double dy,
    @WireName("DZ") @Nullable Double dz,
    @WireName("DXY") @Nullable Double dxy,
    @WireName("DZX") @Nullable Double dzx,
    @WireName("DZY") @Nullable Double dzy,
    Map<String, JsonNode> extensions)
    implements CfxRecord, UnitAlignmentActivity {

  /** copies the collections, so that the record is immutable. */
  public BasicUnitAlignmentActivity {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicUnitAlignmentActivity(
      @Nullable CfxTimestamp timeStamp,
      @Nullable String activityInstanceId,
      @Nullable EnumValue<ActivityState> activityState,
      @Nullable String activityName,
      @Nullable String comments,
      @Nullable EnumValue<ValueAddType> valueAddType,
      @Nullable Double dx,
      @Nullable Double dy,
      @Nullable Double dz,
      @Nullable Double dxy,
      @Nullable Double dzx,
      @Nullable Double dzy) {
    this(
        timeStamp,
        activityInstanceId,
        activityState,
        activityName,
        comments,
        valueAddType,
        dx,
        dy,
        dz,
        dxy,
        dzx,
        dzy,
        Map.of());
  }
}
