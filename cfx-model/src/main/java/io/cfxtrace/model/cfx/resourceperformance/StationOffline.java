package io.cfxtrace.model.cfx.resourceperformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import java.util.Map;

/** CFX message {@code CFX.ResourcePerformance.StationOffline}: the station went offline. */
public record StationOffline(
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.ResourcePerformance.StationOffline";

  /** copies the collections, so that the record is immutable. */
  public StationOffline {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public StationOffline() {
    this(Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
