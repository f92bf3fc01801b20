package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.DimensionalConstraints;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTLaneInformation}: its members are lane
 * number, lane name and supported PCB dimensions.
 */
public record SMTLaneInformation(
    @Nullable Integer laneNumber,
    @Nullable String laneName,
    @Nullable DimensionalConstraints supportedPCBDimensions,
    Map<String, JsonNode> extensions)
    implements CfxRecord {

  /** copies the collections, so that the record is immutable. */
  public SMTLaneInformation {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTLaneInformation(
      @Nullable Integer laneNumber,
      @Nullable String laneName,
      @Nullable DimensionalConstraints supportedPCBDimensions) {
    this(laneNumber, laneName, supportedPCBDimensions, Map.of());
  }
}
