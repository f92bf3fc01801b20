package io.cfxtrace.model.cfx.resourceperformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.CfxDuration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CFX message {@code CFX.ResourcePerformance.StationOnline}: the station came online. */
public record StationOnline(
    @Nullable CfxDuration offlineDuration,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.ResourcePerformance.StationOnline";

  /** copies the collections, so that the record is immutable. */
  public StationOnline {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public StationOnline(
      @Nullable CfxDuration offlineDuration) {
    this(offlineDuration, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
