package io.cfxtrace.model.cfx.structures.solderreflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderReflow.ReflowReading}: its members are sub zone,
 * reading type and reading value.
 */
public record ReflowReading(
    @Nullable EnumValue<ReflowSubZoneType> subZone,
    @Nullable EnumValue<ReflowReadingType> readingType,
    @Nullable Double readingValue,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public ReflowReading {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ReflowReading(
      @Nullable EnumValue<ReflowSubZoneType> subZone,
      @Nullable EnumValue<ReflowReadingType> readingType,
      @Nullable Double readingValue) {
    this(subZone, readingType, readingValue, Map.of());
  }
}
