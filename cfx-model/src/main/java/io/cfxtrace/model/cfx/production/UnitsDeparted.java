package io.cfxtrace.model.cfx.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CFX message {@code CFX.Production.UnitsDeparted}: units left the station. */
public record UnitsDeparted(
    @Nullable String primaryIdentifier,
    @Nullable String hermesIdentifier,
    @Nullable Integer unitCount,
    @Nullable List<UnitPosition> units,
    @Nullable Integer lane,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.UnitsDeparted";

  /** copies the collections, so that the record is immutable. */
  public UnitsDeparted {
    units = Immutables.list(units);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitsDeparted(
      @Nullable String primaryIdentifier,
      @Nullable String hermesIdentifier,
      @Nullable Integer unitCount,
      @Nullable List<UnitPosition> units,
      @Nullable Integer lane) {
    this(primaryIdentifier, hermesIdentifier, unitCount, units, lane, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
