package io.cfxtrace.model.cfx.structures.solderpasteinspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.FiducialInfo;
import io.cfxtrace.model.cfx.structures.InspectionMethod;
import io.cfxtrace.model.cfx.structures.Recipe;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX structure {@code CFX.Structures.SolderPasteInspection.SolderPasteInspectionRecipe}: its
 * members are name, revision, expected cycle time and 11 more. Derives from {@code
 * CFX.Structures.Recipe}, whose members come first. Since CFX 1.3.
 */
public record SolderPasteInspectionRecipe(
    @Nullable String name,
    @Nullable String revision,
    @Nullable Double expectedCycleTime,
    @Nullable Double expectedWorkTime,
    @Nullable Double expectedUnitsPerWorkTransaction,
    @Nullable Double unitLength,
    @Nullable Double unitWidth,
    @Nullable Double unitHeight,
    @Nullable String mimeType,
    @Nullable String recipeData,
    @Nullable List<UnitToInspect> unitsToInspect,
    @Nullable CfxTimestamp recipeGenerationDate,
    @Nullable EnumValue<InspectionMethod> inspectionMethod,
    @Nullable List<FiducialInfo> fiducials,
    Map<String, JsonNode> extensions)
    implements CfxRecord, Recipe {

  /** copies the collections, so that the record is immutable. */
  public SolderPasteInspectionRecipe {
    unitsToInspect = Immutables.list(unitsToInspect);
    fiducials = Immutables.list(fiducials);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public SolderPasteInspectionRecipe(
      @Nullable String name,
      @Nullable String revision,
      @Nullable Double expectedCycleTime,
      @Nullable Double expectedWorkTime,
      @Nullable Double expectedUnitsPerWorkTransaction,
      @Nullable Double unitLength,
      @Nullable Double unitWidth,
      @Nullable Double unitHeight,
      @Nullable String mimeType,
      @Nullable String recipeData,
      @Nullable List<UnitToInspect> unitsToInspect,
      @Nullable CfxTimestamp recipeGenerationDate,
      @Nullable EnumValue<InspectionMethod> inspectionMethod,
      @Nullable List<FiducialInfo> fiducials) {
    this(
        name,
        revision,
        expectedCycleTime,
        expectedWorkTime,
        expectedUnitsPerWorkTransaction,
        unitLength,
        unitWidth,
        unitHeight,
        mimeType,
        recipeData,
        unitsToInspect,
        recipeGenerationDate,
        inspectionMethod,
        fiducials,
        Map.of());
  }
}
