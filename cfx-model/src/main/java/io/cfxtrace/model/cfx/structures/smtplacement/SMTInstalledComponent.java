package io.cfxtrace.model.cfx.structures.smtplacement;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.ComponentElectricalTest;
import io.cfxtrace.model.cfx.structures.ComponentTests;
import io.cfxtrace.model.cfx.structures.InstalledComponent;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.value.CfxTimestamp;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SMTPlacement.SMTInstalledComponent}: its members are
 * reference designator, installed unit identifier, installation time and 8 more. Derives from
 * {@code CFX.Structures.InstalledComponent}, whose members come first.
 */
public record SMTInstalledComponent(
    @Nullable String referenceDesignator,
    @Nullable String installedUnitIdentifier,
    @Nullable CfxTimestamp installationTime,
    @Nullable Stage stage,
    @Nullable ComponentElectricalTest electricalTest,
    @Nullable ComponentTests tests,
    @Nullable SMTHeadAndNozzle headAndNozzle,
    @Nullable CfxTimestamp pickingTime,
    @Nullable Integer pickingSequence,
    @Nullable Integer installationSequence,
    @Nullable Integer cycleSequence,
    Map<String, JsonNode> extensions)
    implements CfxRecord, InstalledComponent {

  /** copies the collections, so that the record is immutable. */
  public SMTInstalledComponent {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SMTInstalledComponent(
      @Nullable String referenceDesignator,
      @Nullable String installedUnitIdentifier,
      @Nullable CfxTimestamp installationTime,
      @Nullable Stage stage,
      @Nullable ComponentElectricalTest electricalTest,
      @Nullable ComponentTests tests,
      @Nullable SMTHeadAndNozzle headAndNozzle,
      @Nullable CfxTimestamp pickingTime,
      @Nullable Integer pickingSequence,
      @Nullable Integer installationSequence,
      @Nullable Integer cycleSequence) {
    this(
        referenceDesignator,
        installedUnitIdentifier,
        installationTime,
        stage,
        electricalTest,
        tests,
        headAndNozzle,
        pickingTime,
        pickingSequence,
        installationSequence,
        cycleSequence,
        Map.of());
  }
}
