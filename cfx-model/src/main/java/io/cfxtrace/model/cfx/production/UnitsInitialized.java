package io.cfxtrace.model.cfx.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.cfx.structures.WorkOrderIdentifier;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.UnitsInitialized}: new unit identifiers were created and bound
 * to a work order.
 */
public record UnitsInitialized(
    @WireName("TransactionID") @Nullable String transactionId,
    @Nullable String primaryIdentifier,
    @Nullable String hermesIdentifier,
    @Nullable WorkOrderIdentifier workOrderIdentifier,
    @Nullable Integer unitCount,
    @Nullable List<UnitPosition> units,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.UnitsInitialized";

  /** copies the collections, so that the record is immutable. */
  public UnitsInitialized {
    units = Immutables.list(units);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitsInitialized(
      @Nullable String transactionId,
      @Nullable String primaryIdentifier,
      @Nullable String hermesIdentifier,
      @Nullable WorkOrderIdentifier workOrderIdentifier,
      @Nullable Integer unitCount,
      @Nullable List<UnitPosition> units) {
    this(
        transactionId,
        primaryIdentifier,
        hermesIdentifier,
        workOrderIdentifier,
        unitCount,
        units,
        Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
