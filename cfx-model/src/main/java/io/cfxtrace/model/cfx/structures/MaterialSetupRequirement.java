package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.MaterialSetupRequirement}: the part number required at one material position, with the approved alternate internal
 * parts and approved manufacturer parts.
 */
public record MaterialSetupRequirement(
    @Nullable String position,
    @Nullable String partNumber,
    @Nullable List<String> approvedAlternateParts,
    @Nullable List<String> approvedManufacturerParts,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public MaterialSetupRequirement {
    approvedAlternateParts = Immutables.list(approvedAlternateParts);
    approvedManufacturerParts = Immutables.list(approvedManufacturerParts);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public MaterialSetupRequirement(
      @Nullable String position,
      @Nullable String partNumber,
      @Nullable List<String> approvedAlternateParts,
      @Nullable List<String> approvedManufacturerParts) {
    this(position, partNumber, approvedAlternateParts, approvedManufacturerParts, Map.of());
  }
}
