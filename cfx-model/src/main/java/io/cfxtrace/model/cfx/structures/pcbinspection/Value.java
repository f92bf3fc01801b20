package io.cfxtrace.model.cfx.structures.pcbinspection;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code
 * CFX.Structures.PCBInspection.Feature+Value} and its subclasses, told apart on the wire by {@code
 * $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BasicValue}, {@link StringValue}, {@link
 * FloatValue}, {@link IntValue}, {@link io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface Value extends CfxRecord {}
