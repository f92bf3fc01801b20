package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.ActivityState;
import io.cfxtrace.model.cfx.structures.UnitAlignmentActivity;
import io.cfxtrace.model.cfx.structures.ValueAddType;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTUnitAlignmentActivity}: its members are time
 * stamp, activity instance id, activity state and 10 more. Derives from {@code
 * CFX.Structures.UnitAlignmentActivity}, whose members come first.
 */
public record SMTUnitAlignmentActivity(
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
    @Nullable SMTHeadInformation head,
    Map<String, JsonNode> extensions)
    implements CfxRecord, UnitAlignmentActivity {

  /** copies the collections, so that the record is immutable. */
  public SMTUnitAlignmentActivity {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTUnitAlignmentActivity(
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
      @Nullable Double dzy,
      @Nullable SMTHeadInformation head) {
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
        head,
        Map.of());
  }
}
