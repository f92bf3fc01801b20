package io.cfxtrace.model.cfx.structures;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.UnitAlignmentActivity}
 * and its subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BasicUnitAlignmentActivity}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMTUnitAlignmentActivity}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface UnitAlignmentActivity extends Activity {}
