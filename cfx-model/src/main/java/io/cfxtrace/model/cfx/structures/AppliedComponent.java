package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.CfxTimestamp;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.AppliedComponent}: its members are reference designator,
 * installed unit identifier, installation time and 4 more. Derives from {@code
 * CFX.Structures.InstalledComponent}, whose members come first. Since CFX 2.1.
 */
public record AppliedComponent(
    @Nullable String referenceDesignator,
    @Nullable String installedUnitIdentifier,
    @Nullable CfxTimestamp installationTime,
    @Nullable Stage stage,
    @Nullable ComponentElectricalTest electricalTest,
    @Nullable ComponentTests tests,
    @Nullable NumericValue quantityApplied,
    Map<String, JsonNode> extensions)
    implements CfxRecord, InstalledComponent {

  /** copies the collections, so that the record is immutable. */
  public AppliedComponent {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public AppliedComponent(
      @Nullable String referenceDesignator,
      @Nullable String installedUnitIdentifier,
      @Nullable CfxTimestamp installationTime,
      @Nullable Stage stage,
      @Nullable ComponentElectricalTest electricalTest,
      @Nullable ComponentTests tests,
      @Nullable NumericValue quantityApplied) {
    this(
        referenceDesignator,
        installedUnitIdentifier,
        installationTime,
        stage,
        electricalTest,
        tests,
        quantityApplied,
        Map.of());
  }
}
