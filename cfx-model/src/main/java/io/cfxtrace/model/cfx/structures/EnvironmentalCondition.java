package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the abstract .NET class {@code
 * CFX.Structures.EnvironmentalCondition} and its subclasses, told apart on the wire by {@code
 * $type}.
 *
 * <p>A marker without accessors. Implementations: {@link Humidity}, {@link Temperature}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface EnvironmentalCondition extends CfxRecord {}
