package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CFX structure {@code CFX.Structures.PerformanceImpact}: its member is cause. Since CFX 1.6. */
public record PerformanceImpact(
    @Nullable EnumValue<PerformanceImpactCause> cause,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public PerformanceImpact {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public PerformanceImpact(
      @Nullable EnumValue<PerformanceImpactCause> cause) {
    this(cause, Map.of());
  }
}
