package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.RepairedUnit}: its members are unit identifier, unit position
 * number, overall result and repairs. Since CFX 1.4.
 */
public record RepairedUnit(
    @Nullable String unitIdentifier,
    @Nullable Integer unitPositionNumber,
    @Nullable EnumValue<RepairResult> overallResult,
    @Nullable List<Repair> repairs,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public RepairedUnit {
    repairs = Immutables.list(repairs);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public RepairedUnit(
      @Nullable String unitIdentifier,
      @Nullable Integer unitPositionNumber,
      @Nullable EnumValue<RepairResult> overallResult,
      @Nullable List<Repair> repairs) {
    this(unitIdentifier, unitPositionNumber, overallResult, repairs, Map.of());
  }
}
