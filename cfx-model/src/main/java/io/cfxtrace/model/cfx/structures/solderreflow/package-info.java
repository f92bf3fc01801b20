/** CFX structures and enumerations of namespace {@code CFX.Structures.SolderReflow}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.structures.solderreflow;
