package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the abstract .NET class {@code CFX.Structures.MaterialPackageData}
 * and its subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link MaterialPackageMSDData}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface MaterialPackageData extends CfxRecord {}
