package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.CfxDuration;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.UnitUnloadActivity}: its members are time stamp, activity
 * instance id, activity state and 4 more. Derives from {@code CFX.Structures.Activity}, whose
 * members come first.
 */
public record UnitUnloadActivity(
    @Nullable CfxTimestamp timeStamp,
    @Nullable String activityInstanceId,
    @Nullable EnumValue<ActivityState> activityState,
    @Nullable String activityName,
    @Nullable String comments,
    @Nullable EnumValue<ValueAddType> valueAddType,
    @Nullable CfxDuration unloadTime,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Activity {

  /** copies the collections, so that the record is immutable. */
  public UnitUnloadActivity {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitUnloadActivity(
      @Nullable CfxTimestamp timeStamp,
      @Nullable String activityInstanceId,
      @Nullable EnumValue<ActivityState> activityState,
      @Nullable String activityName,
      @Nullable String comments,
      @Nullable EnumValue<ValueAddType> valueAddType,
      @Nullable CfxDuration unloadTime) {
    this(
        timeStamp,
        activityInstanceId,
        activityState,
        activityName,
        comments,
        valueAddType,
        unloadTime,
        Map.of());
  }
}
