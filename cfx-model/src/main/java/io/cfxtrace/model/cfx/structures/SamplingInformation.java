package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SamplingInformation}: its members are sampling method, lot
 * size and sample size.
 */
public record SamplingInformation(
    @Nullable EnumValue<SamplingMethod> samplingMethod,
    @Nullable Double lotSize,
    @Nullable Double sampleSize,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public SamplingInformation {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SamplingInformation(
      @Nullable EnumValue<SamplingMethod> samplingMethod,
      @Nullable Double lotSize,
      @Nullable Double sampleSize) {
    this(samplingMethod, lotSize, sampleSize, Map.of());
  }
}
