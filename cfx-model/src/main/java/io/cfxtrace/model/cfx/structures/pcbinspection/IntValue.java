package io.cfxtrace.model.cfx.structures.pcbinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.PCBInspection.Feature+IntValue}: its members are name, unit
 * and value. Derives from {@code CFX.Structures.PCBInspection.Feature+Value}, whose members come
 * first.
 */
public record IntValue(
    @Nullable String name,
    @Nullable String unit,
    @Nullable Long value,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Value {

  /** copies the collections, so that the record is immutable. */
  public IntValue {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public IntValue(
      @Nullable String name,
      @Nullable String unit,
      @Nullable Long value) {
    this(name, unit, value, Map.of());
  }
}
