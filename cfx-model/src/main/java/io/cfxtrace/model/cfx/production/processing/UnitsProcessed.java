package io.cfxtrace.model.cfx.production.processing;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.ProcessData;
import io.cfxtrace.model.cfx.structures.ProcessedUnit;
import io.cfxtrace.model.cfx.structures.ProcessingResult;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.Processing.UnitsProcessed}: process data of a transaction, for
 * the whole and per unit.
 */
public record UnitsProcessed(
    @Nullable String transactionId,
    @Nullable EnumValue<ProcessingResult> overallResult,
    @Nullable ProcessData commonProcessData,
    @Nullable List<ProcessedUnit> unitProcessData,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.Processing.UnitsProcessed";

  /** copies the collections, so that the record is immutable. */
  public UnitsProcessed {
    unitProcessData = Immutables.list(unitProcessData);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitsProcessed(
      @Nullable String transactionId,
      @Nullable EnumValue<ProcessingResult> overallResult,
      @Nullable ProcessData commonProcessData,
      @Nullable List<ProcessedUnit> unitProcessData) {
    this(transactionId, overallResult, commonProcessData, unitProcessData, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
