/** CFX messages of topic {@code CFX.ResourcePerformance}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.resourceperformance;
