package io.cfxtrace.model.cfx.sensor.identification;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Sensor.Identification.IdentifiersRead}: unit identifiers were read, for
 * example from barcodes.
 */
public record IdentifiersRead(
    @Nullable String primaryIdentifier,
    @Nullable String hermesIdentifier,
    @Nullable List<UnitPosition> units,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Sensor.Identification.IdentifiersRead";

  /** copies the collections, so that the record is immutable. */
  public IdentifiersRead {
    units = Immutables.list(units);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public IdentifiersRead(
      @Nullable String primaryIdentifier,
      @Nullable String hermesIdentifier,
      @Nullable List<UnitPosition> units) {
    this(primaryIdentifier, hermesIdentifier, units, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
