package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.cfx.structures.StageInformation;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTStageInformation}: its members are stage and
 * number of feeder stations. Derives from {@code CFX.Structures.StageInformation}, whose members
 * come first.
 */
public record SMTStageInformation(
    @Nullable Stage stage,
    @Nullable Integer numberOfFeederStations,
    Map<String, JsonNode> extensions)
    implements CfxRecord, StageInformation {

  /** copies the collections, so that the record is immutable. */
  public SMTStageInformation {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTStageInformation(
      @Nullable Stage stage,
      @Nullable Integer numberOfFeederStations) {
    this(stage, numberOfFeederStations, Map.of());
  }
}
