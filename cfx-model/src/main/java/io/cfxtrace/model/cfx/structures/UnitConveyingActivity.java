package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.UnitConveyingActivity}: its members are time stamp, activity
 * instance id, activity state and 6 more. Derives from {@code CFX.Structures.Activity}, whose
 * members come first.
 */
public record UnitConveyingActivity(
    @Nullable CfxTimestamp timeStamp,
    @Nullable String activityInstanceId,
    @Nullable EnumValue<ActivityState> activityState,
    @Nullable String activityName,
    @Nullable String comments,
    @Nullable EnumValue<ValueAddType> valueAddType,
    @Nullable Double conveyingDistance,
    @Nullable Stage departureStage,
    @Nullable Stage arrivalStage,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Activity {

  /** copies the collections, so that the record is immutable. */
  public UnitConveyingActivity {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitConveyingActivity(
      @Nullable CfxTimestamp timeStamp,
      @Nullable String activityInstanceId,
      @Nullable EnumValue<ActivityState> activityState,
      @Nullable String activityName,
      @Nullable String comments,
      @Nullable EnumValue<ValueAddType> valueAddType,
      @Nullable Double conveyingDistance,
      @Nullable Stage departureStage,
      @Nullable Stage arrivalStage) {
    this(
        timeStamp,
        activityInstanceId,
        activityState,
        activityName,
        comments,
        valueAddType,
        conveyingDistance,
        departureStage,
        arrivalStage,
        Map.of());
  }
}
