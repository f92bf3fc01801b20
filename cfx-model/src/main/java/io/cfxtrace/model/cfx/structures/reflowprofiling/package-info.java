/** CFX structures and enumerations of namespace {@code CFX.Structures.ReflowProfiling}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.structures.reflowprofiling;
