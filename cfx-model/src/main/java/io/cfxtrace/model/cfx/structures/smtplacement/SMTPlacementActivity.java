package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Activity;
import io.cfxtrace.model.cfx.structures.ActivityState;
import io.cfxtrace.model.cfx.structures.ValueAddType;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTPlacementActivity}: its members are time
 * stamp, activity instance id, activity state and 5 more. Derives from {@code
 * CFX.Structures.Activity}, whose members come first.
 */
public record SMTPlacementActivity(
    @Nullable CfxTimestamp timeStamp,
    @Nullable String activityInstanceId,
    @Nullable EnumValue<ActivityState> activityState,
    @Nullable String activityName,
    @Nullable String comments,
    @Nullable EnumValue<ValueAddType> valueAddType,
    @Nullable EnumValue<SMTPlacementType> placementType,
    @Nullable List<SMTHeadInformation> heads,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Activity {

  /** copies the collections, so that the record is immutable. */
  public SMTPlacementActivity {
    heads = Immutables.list(heads);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTPlacementActivity(
      @Nullable CfxTimestamp timeStamp,
      @Nullable String activityInstanceId,
      @Nullable EnumValue<ActivityState> activityState,
      @Nullable String activityName,
      @Nullable String comments,
      @Nullable EnumValue<ValueAddType> valueAddType,
      @Nullable EnumValue<SMTPlacementType> placementType,
      @Nullable List<SMTHeadInformation> heads) {
    this(
        timeStamp,
        activityInstanceId,
        activityState,
        activityName,
        comments,
        valueAddType,
        placementType,
        heads,
        Map.of());
  }
}
