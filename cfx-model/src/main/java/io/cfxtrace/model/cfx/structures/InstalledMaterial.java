package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.InstalledMaterial} and
 * its subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BasicInstalledMaterial}, {@link
 * AppliedMaterial}, {@link io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface InstalledMaterial extends CfxRecord {}
