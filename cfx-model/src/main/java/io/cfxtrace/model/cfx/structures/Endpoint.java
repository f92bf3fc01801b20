package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.Endpoint} and its
 * subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BasicEndpoint}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMTPlacementEndpoint}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface Endpoint extends CfxRecord {}
