/** CFX structures and enumerations of namespace {@code CFX.Structures.Generic}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.structures.generic;
