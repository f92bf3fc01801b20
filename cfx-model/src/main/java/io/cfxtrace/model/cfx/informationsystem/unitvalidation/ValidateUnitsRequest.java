package io.cfxtrace.model.cfx.informationsystem.unitvalidation;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.cfx.structures.ValidationType;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.InformationSystem.UnitValidation.ValidateUnitsRequest}: a process endpoint asks, before it lets the
 * next unit in, whether the units (by carrier or panel identifier and positions) may be processed
 * there.
 */
public record ValidateUnitsRequest(
    @Nullable List<EnumValue<ValidationType>> validations,
    @Nullable String primaryIdentifier,
    @Nullable String hermesIdentifier,
    @Nullable List<UnitPosition> units,
    @Nullable Integer lane,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.InformationSystem.UnitValidation.ValidateUnitsRequest";

  /** copies the collections, so that the record is immutable. */
  public ValidateUnitsRequest {
    validations = Immutables.list(validations);
    units = Immutables.list(units);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public ValidateUnitsRequest(
      @Nullable List<EnumValue<ValidationType>> validations,
      @Nullable String primaryIdentifier,
      @Nullable String hermesIdentifier,
      @Nullable List<UnitPosition> units,
      @Nullable Integer lane) {
    this(validations, primaryIdentifier, hermesIdentifier, units, lane, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
