package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.PackagingInfo} and its
 * subclasses, told apart on the wire by {@code $type}. Since CFX 1.5.
 *
 * <p>A marker without accessors. Implementations: {@link BasicPackagingInfo}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMDTapePackagingInfo}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMDTrayPackagingInfo}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMDTubePackagingInfo}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface PackagingInfo extends CfxRecord {}
