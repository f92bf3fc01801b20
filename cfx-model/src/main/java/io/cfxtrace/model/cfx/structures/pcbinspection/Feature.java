package io.cfxtrace.model.cfx.structures.pcbinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.PCBInspection.Feature}: its members are name, is inspected,
 * is detected defect and 4 more. Derives from {@code CFX.Structures.NamedObject}, whose members
 * come first.
 */
public record Feature(
    @Nullable String name,
    @Nullable Boolean isInspected,
    @Nullable Boolean isDetectedDefect,
    @Nullable Boolean isVerified,
    @Nullable Boolean isVerifiedDefect,
    @Nullable Boolean isRepaired,
    @Nullable List<Value> values,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public Feature {
    values = Immutables.list(values);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public Feature(
      @Nullable String name,
      @Nullable Boolean isInspected,
      @Nullable Boolean isDetectedDefect,
      @Nullable Boolean isVerified,
      @Nullable Boolean isVerifiedDefect,
      @Nullable Boolean isRepaired,
      @Nullable List<Value> values) {
    this(
        name,
        isInspected,
        isDetectedDefect,
        isVerified,
        isVerifiedDefect,
        isRepaired,
        values,
        Map.of());
  }
}
