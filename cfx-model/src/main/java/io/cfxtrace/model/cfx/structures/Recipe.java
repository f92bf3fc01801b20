package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.Recipe} and its
 * subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BasicRecipe}, {@link
 * io.cfxtrace.model.cfx.structures.solderpasteprinting.SolderPastePrintingRecipe}, {@link
 * io.cfxtrace.model.cfx.structures.solderpasteinspection.SolderPasteInspectionRecipe}, {@link
 * io.cfxtrace.model.cfx.structures.pcbinspection.PCBInspectionRecipe}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface Recipe extends CfxRecord {}
