package io.cfxtrace.model.cfx.informationsystem.unitvalidation;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.RequestResult;
import io.cfxtrace.model.cfx.structures.ValidationResult;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.InformationSystem.UnitValidation.ValidateUnitsResponse}: the answer to a ValidateUnitsRequest: the
 * request's result, the overall validation result and one result per unit.
 */
public record ValidateUnitsResponse(
    @Nullable RequestResult result,
    @Nullable ValidationResult primaryResult,
    @Nullable List<ValidationResult> validationResults,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.InformationSystem.UnitValidation.ValidateUnitsResponse";

  /** copies the collections, so that the record is immutable. */
  public ValidateUnitsResponse {
    validationResults = Immutables.list(validationResults);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ValidateUnitsResponse(
      @Nullable RequestResult result,
      @Nullable ValidationResult primaryResult,
      @Nullable List<ValidationResult> validationResults) {
    this(result, primaryResult, validationResults, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
