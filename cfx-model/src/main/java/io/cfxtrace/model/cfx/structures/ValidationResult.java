package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.ValidationResult}: the result of a validation of one production unit, panel or carrier: its identifier, position
 * number (CFX standard section 5.6), result, an endpoint-specific failure code and a message.
 */
public record ValidationResult(
    @Nullable String uniqueIdentifier,
    @Nullable Integer positionNumber,
    @Nullable EnumValue<ValidationStatus> result,
    @Nullable Integer failureCode,
    @Nullable String message,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public ValidationResult {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ValidationResult(
      @Nullable String uniqueIdentifier,
      @Nullable Integer positionNumber,
      @Nullable EnumValue<ValidationStatus> result,
      @Nullable Integer failureCode,
      @Nullable String message) {
    this(uniqueIdentifier, positionNumber, result, failureCode, message, Map.of());
  }
}
