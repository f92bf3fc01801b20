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
 * CFX structure {@code CFX.Structures.UnitLoadActivity}: its members are time stamp, activity
 * instance id, activity state and 4 more. Derives from {@code CFX.Structures.Activity}, whose
 * members come first.
 */
public record UnitLoadActivity(
    @Nullable CfxTimestamp timeStamp,
    @Nullable String activityInstanceId,
    @Nullable EnumValue<ActivityState> activityState,
    @Nullable String activityName,
    @Nullable String comments,
    @Nullable EnumValue<ValueAddType> valueAddType,
    @Nullable CfxDuration loadTime,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Activity {

  /** copies the collections, so that the record is immutable. */
  public UnitLoadActivity {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitLoadActivity(
      @Nullable CfxTimestamp timeStamp,
      @Nullable String activityInstanceId,
      @Nullable EnumValue<ActivityState> activityState,
      @Nullable String activityName,
      @Nullable String comments,
      @Nullable EnumValue<ValueAddType> valueAddType,
      @Nullable CfxDuration loadTime) {
    this(
        timeStamp,
        activityInstanceId,
        activityState,
        activityName,
        comments,
        valueAddType,
        loadTime,
        Map.of());
  }
}
