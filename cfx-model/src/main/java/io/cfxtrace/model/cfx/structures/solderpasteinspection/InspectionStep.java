package io.cfxtrace.model.cfx.structures.solderpasteinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Measurement;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderPasteInspection.InspectionStep}: its members are name,
 * sequence and target value. Since CFX 1.3.
 */
public record InspectionStep(
    @Nullable String name,
    @Nullable Integer sequence,
    @Nullable Measurement targetValue,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public InspectionStep {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public InspectionStep(
      @Nullable String name,
      @Nullable Integer sequence,
      @Nullable Measurement targetValue) {
    this(name, sequence, targetValue, Map.of());
  }
}
