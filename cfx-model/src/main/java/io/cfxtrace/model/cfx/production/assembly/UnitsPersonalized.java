package io.cfxtrace.model.cfx.production.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.PersonalizedUnit;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.Assembly.UnitsPersonalized}: units were given individual
 * characteristics.
 */
public record UnitsPersonalized(
    @Nullable String transactionId,
    @Nullable List<PersonalizedUnit> personalizedUnits,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.Assembly.UnitsPersonalized";

  /** copies the collections, so that the record is immutable. */
  public UnitsPersonalized {
    personalizedUnits = Immutables.list(personalizedUnits);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitsPersonalized(
      @Nullable String transactionId,
      @Nullable List<PersonalizedUnit> personalizedUnits) {
    this(transactionId, personalizedUnits, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
