package io.cfxtrace.model.cfx.resourceperformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Operator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CFX message {@code CFX.ResourcePerformance.FaultCleared}: a fault at the station was cleared. */
public record FaultCleared(
    @Nullable String faultOccurrenceId,
    @Nullable Operator operator,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.ResourcePerformance.FaultCleared";

  /** copies the collections, so that the record is immutable. */
  public FaultCleared {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public FaultCleared(
      @Nullable String faultOccurrenceId,
      @Nullable Operator operator) {
    this(faultOccurrenceId, operator, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
