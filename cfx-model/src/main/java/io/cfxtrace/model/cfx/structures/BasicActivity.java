package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.Activity}: its members are time stamp, activity instance id,
 * activity state and 3 more. This is the base class itself, decoded when no {@code $type} names a
 * subclass.
 */
public record BasicActivity(
    @Nullable CfxTimestamp timeStamp,
    @Nullable String activityInstanceId,
    @Nullable EnumValue<ActivityState> activityState,
    @Nullable String activityName,
    @Nullable String comments,
    @Nullable EnumValue<ValueAddType> valueAddType,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Activity {

  /** copies the collections, so that the record is immutable. */
  public BasicActivity {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicActivity(
      @Nullable CfxTimestamp timeStamp,
      @Nullable String activityInstanceId,
      @Nullable EnumValue<ActivityState> activityState,
      @Nullable String activityName,
      @Nullable String comments,
      @Nullable EnumValue<ValueAddType> valueAddType) {
    this(
        timeStamp,
        activityInstanceId,
        activityState,
        activityName,
        comments,
        valueAddType,
        Map.of());
  }
}
