package io.cfxtrace.model.cfx.resourceperformance.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.CfxTimestamp;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.ResourcePerformance.SMTPlacement.ComponentsPlaced}: counts of components
 * placed and not placed over a period.
 */
public record ComponentsPlaced(
    @Nullable CfxTimestamp startTime,
    @Nullable CfxTimestamp endTime,
    @Nullable Integer totalComponentsPlaced,
    @Nullable Integer totalComponentsNotPlaced,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.ResourcePerformance.SMTPlacement.ComponentsPlaced";

  /** copies the collections, so that the record is immutable. */
  public ComponentsPlaced {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ComponentsPlaced(
      @Nullable CfxTimestamp startTime,
      @Nullable CfxTimestamp endTime,
      @Nullable Integer totalComponentsPlaced,
      @Nullable Integer totalComponentsNotPlaced) {
    this(startTime, endTime, totalComponentsPlaced, totalComponentsNotPlaced, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
