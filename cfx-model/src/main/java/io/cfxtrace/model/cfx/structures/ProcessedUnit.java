package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ProcessedUnit}: its members are unit identifier, unit
 * position number, unit result and unit process data.
 */
public record ProcessedUnit(
    @Nullable String unitIdentifier,
    @Nullable Integer unitPositionNumber,
    @Nullable EnumValue<ProcessingResult> unitResult,
    @Nullable ProcessData unitProcessData,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public ProcessedUnit {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ProcessedUnit(
      @Nullable String unitIdentifier,
      @Nullable Integer unitPositionNumber,
      @Nullable EnumValue<ProcessingResult> unitResult,
      @Nullable ProcessData unitProcessData) {
    this(unitIdentifier, unitPositionNumber, unitResult, unitProcessData, Map.of());
  }
}
