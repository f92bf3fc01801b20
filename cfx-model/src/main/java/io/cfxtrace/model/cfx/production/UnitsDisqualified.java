package io.cfxtrace.model.cfx.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.DisqualificationReason;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.UnitsDisqualified}: units were scrapped or taken out of
 * production, with the reason.
 */
public record UnitsDisqualified(
    @Nullable String primaryIdentifier,
    @Nullable String hermesIdentifier,
    @Nullable EnumValue<DisqualificationReason> reason,
    @Nullable String comments,
    @Nullable Integer unitCount,
    @Nullable List<UnitPosition> units,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.UnitsDisqualified";

  /** copies the collections, so that the record is immutable. */
  public UnitsDisqualified {
    units = Immutables.list(units);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public UnitsDisqualified(
      @Nullable String primaryIdentifier,
      @Nullable String hermesIdentifier,
      @Nullable EnumValue<DisqualificationReason> reason,
      @Nullable String comments,
      @Nullable Integer unitCount,
      @Nullable List<UnitPosition> units) {
    this(primaryIdentifier, hermesIdentifier, reason, comments, unitCount, units, Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
