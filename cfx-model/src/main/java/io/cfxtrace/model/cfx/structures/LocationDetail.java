package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.LocationDetail} and
 * its subclasses, told apart on the wire by {@code $type}. Since CFX 1.7.
 *
 * <p>A marker without accessors. Implementations: {@link BasicLocationDetail}, {@link
 * ShelfLocation}, {@link io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface LocationDetail extends CfxRecord {}
