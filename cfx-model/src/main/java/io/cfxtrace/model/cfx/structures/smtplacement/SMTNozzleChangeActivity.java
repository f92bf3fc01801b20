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
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTNozzleChangeActivity}: its members are time
 * stamp, activity instance id, activity state and 5 more. Derives from {@code
 * CFX.Structures.Activity}, whose members come first.
 */
public record SMTNozzleChangeActivity(
    @Nullable CfxTimestamp timeStamp,
    @Nullable String activityInstanceId,
    @Nullable EnumValue<ActivityState> activityState,
    @Nullable String activityName,
    @Nullable String comments,
    @Nullable EnumValue<ValueAddType> valueAddType,
    @Nullable List<SMTHeadAndNozzle> oldNozzles,
    @Nullable List<SMTHeadAndNozzle> newNozzles,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Activity {

  /** copies the collections, so that the record is immutable. */
  public SMTNozzleChangeActivity {
    oldNozzles = Immutables.list(oldNozzles);
    newNozzles = Immutables.list(newNozzles);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTNozzleChangeActivity(
      @Nullable CfxTimestamp timeStamp,
      @Nullable String activityInstanceId,
      @Nullable EnumValue<ActivityState> activityState,
      @Nullable String activityName,
      @Nullable String comments,
      @Nullable EnumValue<ValueAddType> valueAddType,
      @Nullable List<SMTHeadAndNozzle> oldNozzles,
      @Nullable List<SMTHeadAndNozzle> newNozzles) {
    this(
        timeStamp,
        activityInstanceId,
        activityState,
        activityName,
        comments,
        valueAddType,
        oldNozzles,
        newNozzles,
        Map.of());
  }
}
