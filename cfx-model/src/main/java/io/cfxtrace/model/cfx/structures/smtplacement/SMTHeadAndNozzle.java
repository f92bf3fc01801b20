package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTHeadAndNozzle}: its members are unique
 * identifier, name, head id and 2 more. Derives from {@code CFX.Structures.Tool}, whose members
 * come first.
 */
public record SMTHeadAndNozzle(
    @Nullable String uniqueIdentifier,
    @Nullable String name,
    @Nullable String headId,
    @Nullable Integer headNozzleNumber,
    @Nullable String nozzleType,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public SMTHeadAndNozzle {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTHeadAndNozzle(
      @Nullable String uniqueIdentifier,
      @Nullable String name,
      @Nullable String headId,
      @Nullable Integer headNozzleNumber,
      @Nullable String nozzleType) {
    this(uniqueIdentifier, name, headId, headNozzleNumber, nozzleType, Map.of());
  }
}
