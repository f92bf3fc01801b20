package io.cfxtrace.model.cfx.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Reading;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.ReadingsRecorded}: readings taken by the station, per
 * transaction or per unit.
 */
public record ReadingsRecorded(
    @Nullable String transactionId,
    @Nullable List<Reading> readings,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.ReadingsRecorded";

  /** copies the collections, so that the record is immutable. */
  public ReadingsRecorded {
    readings = Immutables.list(readings);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ReadingsRecorded(
      @Nullable String transactionId,
      @Nullable List<Reading> readings) {
    this(transactionId, readings, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
