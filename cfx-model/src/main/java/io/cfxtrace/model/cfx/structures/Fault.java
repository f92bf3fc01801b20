package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.Fault} and its
 * subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BasicFault}, {@link
 * io.cfxtrace.model.cfx.structures.solderreflow.ReflowOvenFault}, {@link
 * io.cfxtrace.model.cfx.structures.solderpasteprinting.SMTSolderPastePrintingFault}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMTPlacementFault}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface Fault extends CfxRecord {}
