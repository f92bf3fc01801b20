package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.ResourceInformation}
 * and its subclasses, told apart on the wire by {@code $type}. Since CFX 1.3.
 *
 * <p>A marker without accessors. Implementations: {@link BasicResourceInformation}, {@link Camera},
 * {@link Conveyor}, {@link ElectricCard}, {@link Gantry}, {@link RotationAxis}, {@link VacuumPump},
 * {@link io.cfxtrace.model.cfx.structures.smtplacement.SMTHeadResource}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMTNozzleChanger}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMTNozzleChangerPocket}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMTTable}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMTTapeCutter}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface ResourceInformation extends CfxRecord {}
