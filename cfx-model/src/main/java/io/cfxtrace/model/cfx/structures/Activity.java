package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.Activity} and its
 * subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BasicActivity}, {@link
 * UnitAlignmentActivity}, {@link UnitConveyingActivity}, {@link UnitLoadActivity}, {@link
 * UnitUnloadActivity}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMTNozzleChangeActivity}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMTPlacementActivity}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface Activity extends CfxRecord {}
