/** CFX messages of topic {@code CFX.ResourcePerformance.SMTPlacement}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.resourceperformance.smtplacement;
