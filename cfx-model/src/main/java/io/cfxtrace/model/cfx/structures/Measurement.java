package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.CfxRecord;

/**
 * a polymorphic CFX structure: the abstract .NET class {@code CFX.Structures.Measurement} and its
 * subclasses, told apart on the wire by {@code $type}.
 *
 * <p>A marker without accessors. Implementations: {@link BooleanMeasurement}, {@link
 * NumericMeasurement}, {@link TextMeasurement}, {@link
 * io.cfxtrace.model.cfx.structures.solderpasteinspection.InspectionMeasurementExpected}, {@link
 * io.cfxtrace.model.cfx.structures.solderpasteinspection.InspectionMeasurementLean}, {@link
 * io.cfxtrace.model.cfx.structures.solderpasteinspection.SolderPasteMeasurement}, {@link
 * io.cfxtrace.model.cfx.structures.pcbinspection.OffsetMeasurement}, {@link
 * io.cfxtrace.model.cfx.UnknownStructure}.
 */
public interface Measurement extends CfxRecord {}
