package io.cfxtrace.model.cfx.structures.pcbinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.PCBInspection.Feature+StringValue}: its members are name,
 * unit and value. Derives from {@code CFX.Structures.PCBInspection.Feature+Value}, whose members
 * come first.
 */
public record StringValue(
    @Nullable String name,
    @Nullable String unit,
    @Nullable String value,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Value {

  /** copies the collections, so that the record is immutable. */
  public StringValue {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public StringValue(
      @Nullable String name,
      @Nullable String unit,
      @Nullable String value) {
    this(name, unit, value, Map.of());
  }
}
