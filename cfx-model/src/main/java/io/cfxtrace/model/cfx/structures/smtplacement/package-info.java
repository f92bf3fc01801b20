/** CFX structures and enumerations of namespace {@code CFX.Structures.SMTPlacement}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.structures.smtplacement;
