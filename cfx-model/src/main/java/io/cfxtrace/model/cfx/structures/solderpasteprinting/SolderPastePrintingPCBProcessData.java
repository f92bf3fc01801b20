package io.cfxtrace.model.cfx.structures.solderpasteprinting;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.ProcessData;
import io.cfxtrace.model.value.CfxDuration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderPastePrinting.SolderPastePrintingPCBProcessData}: its
 * members are strokes, separation, periodic cleanings and 8 more. Derives from {@code
 * CFX.Structures.ProcessData}, whose members come first. Since CFX 1.2.
 */
public record SolderPastePrintingPCBProcessData(
    @Nullable List<Stroke> strokes,
    @Nullable Separation separation,
    @Nullable List<PeriodicCleaning> periodicCleanings,
    @Nullable String recipeName,
    @Nullable Double offsetX,
    @Nullable Double offsetY,
    @Nullable Double offsetTheta,
    @Nullable String firstPrintDirection,
    @Nullable CfxDuration cycleTime,
    @Nullable Double prePrintStretch,
    @Nullable Double postPrintStretch,
    Map<String, JsonNode> extensions)
    implements CfxRecord, ProcessData {

  /** copies the collections, so that the record is immutable. */
  public SolderPastePrintingPCBProcessData {
    strokes = Immutables.list(strokes);
    periodicCleanings = Immutables.list(periodicCleanings);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SolderPastePrintingPCBProcessData(
      @Nullable List<Stroke> strokes,
      @Nullable Separation separation,
      @Nullable List<PeriodicCleaning> periodicCleanings,
      @Nullable String recipeName,
      @Nullable Double offsetX,
      @Nullable Double offsetY,
      @Nullable Double offsetTheta,
      @Nullable String firstPrintDirection,
      @Nullable CfxDuration cycleTime,
      @Nullable Double prePrintStretch,
      @Nullable Double postPrintStretch) {
    this(
        strokes,
        separation,
        periodicCleanings,
        recipeName,
        offsetX,
        offsetY,
        offsetTheta,
        firstPrintDirection,
        cycleTime,
        prePrintStretch,
        postPrintStretch,
        Map.of());
  }
}
