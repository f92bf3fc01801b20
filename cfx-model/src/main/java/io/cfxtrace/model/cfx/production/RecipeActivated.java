package io.cfxtrace.model.cfx.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.LegacyText;
import io.cfxtrace.model.cfx.structures.RecipeStageInformation;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.cfx.structures.Surface;
import io.cfxtrace.model.cfx.structures.WorkOrderIdentifier;
import io.cfxtrace.model.value.EnumValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CFX message {@code CFX.Production.RecipeActivated}: a recipe became the active one at the
 * station, a lane or a stage.
 */
public record RecipeActivated(
    @Nullable String recipeName,
    @Nullable String revision,
    @LegacyText @Nullable Integer lane,
    @LegacyText @Nullable Stage stage,
    @Nullable Double expectedCycleTime,
    @Nullable Double expectedWorkTime,
    @Nullable Double expectedUnitsPerWorkTransaction,
    @Nullable Double numberOfComponentsPerUnit,
    @Nullable WorkOrderIdentifier workOrderIdentifier,
    @Nullable Double targetQuantity,
    @Nullable EnumValue<Surface> relevantSurface,
    @Nullable List<RecipeStageInformation> recipeStagesInformation,
    Map<String, JsonNode> extensions)
    implements CfxMessage {

  /** the message name, which is the .NET type name of this message. */
  public static final String MESSAGE_NAME = "CFX.Production.RecipeActivated";

  /** copies the collections, so that the record is immutable. */
  public RecipeActivated {
    recipeStagesInformation = Immutables.list(recipeStagesInformation);
    extensions = Immutables.extensions(extensions);
  }

  /** a record without extensions. */
  public RecipeActivated(
      @Nullable String recipeName,
      @Nullable String revision,
      @Nullable Integer lane,
      @Nullable Stage stage,
      @Nullable Double expectedCycleTime,
      @Nullable Double expectedWorkTime,
      @Nullable Double expectedUnitsPerWorkTransaction,
      @Nullable Double numberOfComponentsPerUnit,
      @Nullable WorkOrderIdentifier workOrderIdentifier,
      @Nullable Double targetQuantity,
      @Nullable EnumValue<Surface> relevantSurface,
      @Nullable List<RecipeStageInformation> recipeStagesInformation) {
    this(
        recipeName,
        revision,
        lane,
        stage,
        expectedCycleTime,
        expectedWorkTime,
        expectedUnitsPerWorkTransaction,
        numberOfComponentsPerUnit,
        workOrderIdentifier,
        targetQuantity,
        relevantSurface,
        recipeStagesInformation,
        Map.of());
  }

  @Override
  public String messageName() {
    return MESSAGE_NAME;
  }
}
