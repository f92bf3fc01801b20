package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.WireName;
import io.cfxtrace.model.cfx.structures.Head;
import io.cfxtrace.model.value.EnumValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTHeadInformation}: its members are head, SMT
 * head type, number of nozzle locations and placement accuracy. Derives from {@code
 * CFX.Structures.SMTPlacement.HeadInformation}, whose members come first.
 */
public record SMTHeadInformation(
    @Nullable Head head,
    @WireName("SMTHeadType") @Nullable EnumValue<SMTHeadType> smtHeadType,
    @Nullable Integer numberOfNozzleLocations,
    @Nullable Double placementAccuracy,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public SMTHeadInformation {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTHeadInformation(
      @Nullable Head head,
      @Nullable EnumValue<SMTHeadType> smtHeadType,
      @Nullable Integer numberOfNozzleLocations,
      @Nullable Double placementAccuracy) {
    this(head, smtHeadType, numberOfNozzleLocations, placementAccuracy, Map.of());
  }
}
