package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the .NET interface {@code CFX.Structures.RejectionDetails} and its
 * subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BadElectricalTestRejectionDetails}, {@link
 * BadOpticalTestRejectionDetails}, {@link BadPressureTestRejectionDetails}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface RejectionDetails extends CfxRecord {}
