package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.ComponentPressureTest}
 * and its subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BasicComponentPressureTest}, {@link
 * BadPressureTestRejectionDetails}, {@link io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface ComponentPressureTest extends CfxRecord {}
