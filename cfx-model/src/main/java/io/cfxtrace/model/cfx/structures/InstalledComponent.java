package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.InstalledComponent}
 * and its subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BasicInstalledComponent}, {@link
 * AppliedComponent}, {@link io.cfxtrace.model.cfx.structures.smtplacement.SMTInstalledComponent},
 * {@link io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface InstalledComponent extends CfxRecord {}
