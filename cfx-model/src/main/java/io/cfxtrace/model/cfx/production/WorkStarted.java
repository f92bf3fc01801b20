package io.cfxtrace.model.cfx.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.LegacyText;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.Surface;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.cfx.structures.WorkOrderIdentifier;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.WorkStarted}: a unit or group of units started its work cycle
 * at this station.
 */
public record WorkStarted(
    @Nullable String primaryIdentifier,
    @Nullable String hermesIdentifier,
    @WireName("TransactionID") @Nullable String transactionId,
    @LegacyText @Nullable Integer lane,
    @Nullable Integer unitCount,
    @Nullable List<UnitPosition> units,
    @Nullable String recipeName,
    @Nullable String revision,
    @Nullable EnumValue<Surface> relevantSurface,
    @Nullable WorkOrderIdentifier workOrderIdentifier,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.WorkStarted";

  /** copies the collections, so that the record is immutable. */
  public WorkStarted {
    units = Immutables.list(units);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public WorkStarted(
      @Nullable String primaryIdentifier,
      @Nullable String hermesIdentifier,
      @Nullable String transactionId,
      @Nullable Integer lane,
      @Nullable Integer unitCount,
      @Nullable List<UnitPosition> units,
      @Nullable String recipeName,
      @Nullable String revision,
      @Nullable EnumValue<Surface> relevantSurface,
      @Nullable WorkOrderIdentifier workOrderIdentifier) {
    this(
        primaryIdentifier,
        hermesIdentifier,
        transactionId,
        lane,
        unitCount,
        units,
        recipeName,
        revision,
        relevantSurface,
        workOrderIdentifier,
        Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
