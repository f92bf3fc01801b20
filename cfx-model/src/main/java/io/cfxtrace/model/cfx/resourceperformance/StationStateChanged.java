package io.cfxtrace.model.cfx.resourceperformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Fault;
import io.cfxtrace.model.cfx.structures.ResourceState;
import io.cfxtrace.model.value.CfxDuration;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.ResourcePerformance.StationStateChanged}: the station moved to another
 * SEMI E10/E58 state.
 */
public record StationStateChanged(
    @Nullable EnumValue<ResourceState> oldState,
    @Nullable CfxDuration oldStateDuration,
    @Nullable EnumValue<ResourceState> newState,
    @Nullable Fault relatedFault,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.ResourcePerformance.StationStateChanged";

  /** copies the collections, so that the record is immutable. */
  public StationStateChanged {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public StationStateChanged(
      @Nullable EnumValue<ResourceState> oldState,
      @Nullable CfxDuration oldStateDuration,
      @Nullable EnumValue<ResourceState> newState,
      @Nullable Fault relatedFault) {
    this(oldState, oldStateDuration, newState, relatedFault, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
