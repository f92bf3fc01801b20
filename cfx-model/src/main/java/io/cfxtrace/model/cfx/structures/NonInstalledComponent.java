package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.NonInstalledComponent}
 * and its subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BasicNonInstalledComponent}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMTNonInstalledComponent}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface NonInstalledComponent extends CfxRecord {}
