/** CFX structures and enumerations of namespace {@code CFX.Structures.Geometry}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.structures.geometry;
