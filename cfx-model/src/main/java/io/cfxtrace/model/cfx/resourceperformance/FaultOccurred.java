package io.cfxtrace.model.cfx.resourceperformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Fault;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CFX message {@code CFX.ResourcePerformance.FaultOccurred}: a fault occurred at the station. */
public record FaultOccurred(
    @Nullable Fault fault,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.ResourcePerformance.FaultOccurred";

  /** copies the collections, so that the record is immutable. */
  public FaultOccurred {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public FaultOccurred(
      @Nullable Fault fault) {
    this(fault, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
