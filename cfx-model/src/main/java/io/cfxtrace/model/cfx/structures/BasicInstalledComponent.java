package io.cfxtrace.model.cfx.structures;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.value.CfxTimestamp;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.InstalledComponent}: its members are reference designator,
 * installed unit identifier, installation time and 3 more. This is the base class itself, decoded
 * when no {@code $type} names a subclass.
 */
public record BasicInstalledComponent(
    @Nullable String referenceDesignator,
    @Nullable String installedUnitIdentifier,
    @Nullable CfxTimestamp installationTime,
    @Nullable Stage stage,
    @Nullable ComponentElectricalTest electricalTest,
    @Nullable ComponentTests tests,
    Map<String, JsonNode> extensions)
    implements CfxRecord, InstalledComponent {

  /** copies the collections, so that the record is immutable. */
  public BasicInstalledComponent {
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public BasicInstalledComponent(
      @Nullable String referenceDesignator,
      @Nullable String installedUnitIdentifier,
      @Nullable CfxTimestamp installationTime,
      @Nullable Stage stage,
      @Nullable ComponentElectricalTest electricalTest,
      @Nullable ComponentTests tests) {
    this(
        referenceDesignator,
        installedUnitIdentifier,
        installationTime,
        stage,
        electricalTest,
        tests,
        Map.of());
  }
}
