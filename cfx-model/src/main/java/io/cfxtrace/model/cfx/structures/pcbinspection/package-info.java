/** CFX structures and enumerations of namespace {@code CFX.Structures.PCBInspection}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.structures.pcbinspection;
