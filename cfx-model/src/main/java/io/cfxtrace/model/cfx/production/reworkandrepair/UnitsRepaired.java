package io.cfxtrace.model.cfx.production.reworkandrepair;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Operator;
import io.cfxtrace.model.cfx.structures.RepairedUnit;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.ReworkAndRepair.UnitsRepaired}: repairs made on units and their
 * outcome. Since CFX 1.4.
 */
public record UnitsRepaired(
    @Nullable String transactionId,
    @Nullable Operator repairOperator,
    @Nullable List<RepairedUnit> repairedUnits,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.ReworkAndRepair.UnitsRepaired";

  /** copies the collections, so that the record is immutable. */
  public UnitsRepaired {
    repairedUnits = Immutables.list(repairedUnits);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitsRepaired(
      @Nullable String transactionId,
      @Nullable Operator repairOperator,
      @Nullable List<RepairedUnit> repairedUnits) {
    this(transactionId, repairOperator, repairedUnits, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
