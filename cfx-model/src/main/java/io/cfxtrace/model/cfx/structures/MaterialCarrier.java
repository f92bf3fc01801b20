package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.MaterialCarrier} and
 * its subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BasicMaterialCarrier}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMDBulkCaseFeeder}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMDMultiTrayFeeder}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMDTapeFeeder}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMDTrayFeeder}, {@link
 * io.cfxtrace.model.cfx.structures.smtplacement.SMDTubeFeeder}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface MaterialCarrier extends CfxRecord {}
