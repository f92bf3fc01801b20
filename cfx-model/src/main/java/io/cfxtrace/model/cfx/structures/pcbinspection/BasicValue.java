package io.cfxtrace.model.cfx.structures.pcbinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.PCBInspection.Feature+Value}: its members are name and unit.
 * Derives from {@code CFX.Structures.NamedObject}, whose members come first. This is the base class
 * itself, decoded when no {@code $type} names a subclass.
 */
public record BasicValue(
    @Nullable String name,
    @Nullable String unit,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Value {

  /** copies the collections, so that the record is immutable. */
  public BasicValue {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicValue(
      @Nullable String name,
      @Nullable String unit) {
    this(name, unit, Map.of());
  }
}
