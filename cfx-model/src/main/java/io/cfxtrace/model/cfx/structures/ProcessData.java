package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the concrete .NET class {@code CFX.Structures.ProcessData} and its
 * subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BasicProcessData}, {@link
 * io.cfxtrace.model.cfx.structures.solderreflow.ReflowProcessData}, {@link
 * io.cfxtrace.model.cfx.structures.reflowprofiling.ReflowProfilingProcessData}, {@link
 * io.cfxtrace.model.cfx.structures.solderpasteprinting.SolderPastePrintingPCBProcessData}, {@link
 * io.cfxtrace.model.cfx.structures.generic.GenericProcessData}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface ProcessData extends CfxRecord {}
