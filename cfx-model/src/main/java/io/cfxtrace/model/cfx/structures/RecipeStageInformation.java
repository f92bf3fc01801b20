package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code
 * CFX.Structures.RecipeStageInformation} and its subclasses, told apart on the wire by {@code
 * $type}. Since CFX 1.2.
 *
 * <p>A marker without accessors. Implementations: {@link BasicRecipeStageInformation}, {@link
 * SMTRecipeStageInformation}, {@link io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface RecipeStageInformation extends CfxRecord {}
